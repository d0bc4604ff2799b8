import { baseName } from '../../core/content-disposition.js';
import { parseExpiry } from '../../core/expiry.js';
import { MAX_FIELD_LENGTH } from '../../core/limits.js';
import {
  backspace,
  clearLine,
  deleteForward,
  deleteWord,
  end,
  home,
  insert,
  left,
  right,
  textField,
  type TextField,
} from '../../core/text-field.js';
import type { ExpiryScreen, FieldEdit, LinkKind, State } from '../app-state.js';
import { enqueue, pop, push, replaceTop } from '../stack.js';
import type { ScreenModule } from './module.js';
import { expandMarks, marksExpanded, signedAll, signKeys } from './sign-many.js';

const LINK_KINDS: readonly LinkKind[] = ['download', 'attachment', 'upload'];

export function expiryScreen(
  state: State,
  target: { bucket: string; bucketRegion?: string | undefined; key: string; linkKind: LinkKind },
): ExpiryScreen {
  const { bucketRegion, ...rest } = target;
  // A new object's name can only be uploaded; otherwise the defaults file may choose the kind.
  const linkKind = rest.linkKind === 'download' ? (state.options.linkKind ?? 'download') : rest.linkKind;
  const field = textField(state.expiryText, { selected: true });
  return {
    kind: 'expiry',
    ...rest,
    linkKind,
    ...(bucketRegion ? { bucketRegion } : {}),
    text: field.value,
    cursor: field.cursor,
    selected: field.selected,
  };
}

/** How long the link lasts, and what kind of link it is; Enter signs it. */
export const expiryModule: ScreenModule<ExpiryScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'select':
        return submit(state, screen);
      case 'type-text': {
        const field = insert(fieldOf(screen), action.text);
        if (field.value.length > MAX_FIELD_LENGTH) {
          return replaceTop(state, {
            ...screen,
            error: `An expiry is at most ${MAX_FIELD_LENGTH} characters: that paste was left out.`,
          });
        }
        return editText(state, screen, () => field);
      }
      case 'erase':
        return editText(state, screen, backspace);
      case 'edit-field':
        return editText(state, screen, FIELD_EDITS[action.edit]);
      case 'cycle-link-kind': {
        const linkKind = LINK_KINDS[(LINK_KINDS.indexOf(screen.linkKind) + 1) % LINK_KINDS.length] as LinkKind;
        return replaceTop(state, { ...screen, linkKind, error: undefined });
      }
      case 'sign-keys':
        return signKeys(state, screen, action.keys);
      case 'back':
        return pop(state);
      default:
        return state;
    }
  },

  waitsOn: (screen, requestId) =>
    screen.pendingRequest === requestId || screen.credentialsRequest === requestId || screen.factsRequest === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'progress') return put({ ...screen, progress: action.progress });
    if (action.type === 'marks-expanded')
      return marksExpanded(put({ ...screen, pendingRequest: undefined, progress: undefined }), screen, action.keys);
    if (action.type === 'presigned-all')
      return signedAll(
        put({ ...screen, pendingRequest: undefined, progress: undefined }),
        screen,
        action.keys,
        action.outcomes,
      );
    if (action.type === 'object-described') return put({ ...screen, factsRequest: undefined, facts: action.facts });
    if (screen.factsRequest === action.requestId) return put({ ...screen, factsRequest: undefined, facts: null });
    if (action.type === 'credentials-checked') {
      return put({ ...screen, credentialsRequest: undefined, credentialsExpireAt: action.expiresAt });
    }
    if (action.type === 'request-failed') {
      // Unknown then; signing reports the credential problem itself.
      if (screen.credentialsRequest === action.requestId) {
        return put({ ...screen, credentialsRequest: undefined, credentialsExpireAt: null });
      }
      return put({ ...screen, pendingRequest: undefined, progress: undefined, error: action.error.message });
    }
    if (action.type !== 'presigned') return state;
    const signed = put({ ...screen, pendingRequest: undefined, error: undefined });
    return push(
      { ...signed, expiryText: screen.text },
      {
        kind: 'result',
        presigned: action.presigned,
        ...(action.check ? { check: action.check } : {}),
      },
    );
  },

  load(state, screen) {
    const { connection } = state;
    if (!connection) return state;
    let next = state;
    let top = screen;
    // What the recipient will get, fetched while the screen is open (it never holds the screen).
    if (!screen.marked && screen.facts === undefined && screen.factsRequest === undefined) {
      top = { ...top, factsRequest: next.nextRequestId };
      next = enqueue(replaceTop(next, top), {
        kind: 'describe-object',
        connection,
        bucket: screen.bucket,
        key: screen.key,
      });
    }
    if (screen.credentialsExpireAt === undefined && screen.credentialsRequest === undefined) {
      top = { ...top, credentialsRequest: next.nextRequestId };
      next = enqueue(replaceTop(next, top), { kind: 'credentials-expiry', connection });
    }
    return next;
  },
};

const FIELD_EDITS: Record<FieldEdit, (field: TextField) => TextField> = {
  left,
  right,
  home,
  end,
  delete: deleteForward,
  clear: clearLine,
  'delete-word': deleteWord,
};

function fieldOf(screen: ExpiryScreen): TextField {
  return { value: screen.text, cursor: screen.cursor, selected: screen.selected };
}

function editText(state: State, screen: ExpiryScreen, change: (field: TextField) => TextField): State {
  const field = change(fieldOf(screen));
  if (field.value === screen.text && field.cursor === screen.cursor && field.selected === screen.selected) return state;
  return replaceTop(state, {
    ...screen,
    text: field.value,
    cursor: field.cursor,
    selected: field.selected,
    error: undefined,
  });
}

function submit(state: State, screen: ExpiryScreen): State {
  if (screen.pendingRequest !== undefined) return state;
  const parsed = parseExpiry(screen.text);
  if (!parsed.ok) return replaceTop(state, { ...screen, error: parsed.message });
  if (!state.connection) return state;
  if (screen.marked) return expandMarks(state, screen, screen.marked);
  const id = state.nextRequestId;
  return enqueue(replaceTop(state, { ...screen, error: undefined, pendingRequest: id }), {
    kind: 'presign',
    connection: state.connection,
    bucket: screen.bucket,
    ...(screen.bucketRegion ? { bucketRegion: screen.bucketRegion } : {}),
    key: screen.key,
    seconds: parsed.seconds,
    method: screen.linkKind === 'upload' ? 'PUT' : 'GET',
    ...(screen.linkKind === 'attachment' ? { downloadName: baseName(screen.key) } : {}),
    ...(screen.versionId ? { versionId: screen.versionId } : {}),
    ...(state.options.noCheck ? { check: false } : {}),
  });
}
