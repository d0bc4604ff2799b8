import { baseName } from '../../core/content-disposition.js';
import { parseExpiry } from '../../core/expiry.js';
import type { ExpiryScreen, LinkKind, State } from '../app-state.js';
import { enqueue, pop, push, replaceTop } from '../stack.js';
import type { ScreenModule } from './module.js';

const LINK_KINDS: readonly LinkKind[] = ['download', 'attachment', 'upload'];

export function expiryScreen(
  state: State,
  target: { bucket: string; bucketRegion?: string | undefined; key: string; linkKind: LinkKind },
): ExpiryScreen {
  const { bucketRegion, ...rest } = target;
  return { kind: 'expiry', ...rest, ...(bucketRegion ? { bucketRegion } : {}), text: state.expiryText };
}

/** How long the link lasts, and what kind of link it is; Enter signs it. */
export const expiryModule: ScreenModule<ExpiryScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'select':
        return submit(state, screen);
      case 'type-text': {
        const clean = action.text.replace(/[\u0000-\u001f\u007f]/g, '');
        return clean === '' ? state : replaceTop(state, { ...screen, text: screen.text + clean, error: undefined });
      }
      case 'erase':
        return replaceTop(state, { ...screen, text: [...screen.text].slice(0, -1).join(''), error: undefined });
      case 'cycle-link-kind': {
        const linkKind = LINK_KINDS[(LINK_KINDS.indexOf(screen.linkKind) + 1) % LINK_KINDS.length] as LinkKind;
        return replaceTop(state, { ...screen, linkKind, error: undefined });
      }
      case 'back':
        return pop(state);
      default:
        return state;
    }
  },

  waitsOn: (screen, requestId) => screen.pendingRequest === requestId || screen.credentialsRequest === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'credentials-checked') {
      return put({ ...screen, credentialsRequest: undefined, credentialsExpireAt: action.expiresAt });
    }
    if (action.type === 'request-failed') {
      // Unknown then; signing reports the credential problem itself.
      if (screen.credentialsRequest === action.requestId) {
        return put({ ...screen, credentialsRequest: undefined, credentialsExpireAt: null });
      }
      return put({ ...screen, pendingRequest: undefined, error: action.error.message });
    }
    if (action.type !== 'presigned') return state;
    const signed = put({ ...screen, pendingRequest: undefined, error: undefined });
    return push({ ...signed, lastUrl: action.presigned.url, expiryText: screen.text }, {
      kind: 'result',
      presigned: action.presigned,
    });
  },

  load(state, screen) {
    if (!state.connection || screen.credentialsExpireAt !== undefined || screen.credentialsRequest !== undefined) {
      return state;
    }
    const id = state.nextRequestId;
    return enqueue(replaceTop(state, { ...screen, credentialsRequest: id }), {
      kind: 'credentials-expiry',
      connection: state.connection,
    });
  },
};

function submit(state: State, screen: ExpiryScreen): State {
  if (screen.pendingRequest !== undefined) return state;
  const parsed = parseExpiry(screen.text);
  if (!parsed.ok) return replaceTop(state, { ...screen, error: parsed.message });
  if (!state.connection) return state;
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
  });
}
