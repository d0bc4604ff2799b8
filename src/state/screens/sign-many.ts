import { formatCount } from '../../core/listing.js';
import type { PresignOutcome } from '../../core/ports.js';
import { parseExpiry } from '../../core/expiry.js';
import type { ExpiryScreen, LinksScreen, MarkKind, SharedRow, State } from '../app-state.js';
import { enqueue, push, replaceTop } from '../stack.js';

/*
 * Signing several objects from one expiry screen: marked folders are listed first, more than
 * CONFIRM_ABOVE links wait for a yes, then every link is signed with one clock reading and the
 * list of links is shown.
 */

/** Above this many objects, signing waits for a yes. */
const CONFIRM_ABOVE = 1000;

/** Marked folders are listed first (every object under them); marked objects are signed as they are. */
export function expandMarks(state: State, screen: ExpiryScreen, marked: ReadonlyMap<string, MarkKind>): State {
  const folders = [...marked.values()].includes('folder');
  if (!folders) return signKeys(state, screen, [...marked.keys()]);
  if (!state.connection) return state;
  const id = state.nextRequestId;
  return enqueue(
    replaceTop(state, {
      ...screen,
      error: undefined,
      pendingRequest: id,
      progress: { what: 'Listing marked folders', done: 0 },
    }),
    { kind: 'expand-marks', connection: state.connection, bucket: screen.bucket, marked },
  );
}

export function marksExpanded(state: State, screen: ExpiryScreen, keys: string[]): State {
  if (keys.length === 0)
    return replaceTop(state, { ...screen, pendingRequest: undefined, error: 'The marked folders hold no objects.' });
  if (keys.length <= CONFIRM_ABOVE) return signKeys(state, screen, keys);
  return {
    ...state,
    confirm: { question: `Sign ${formatCount(keys.length)} links, one per object?`, yes: { type: 'sign-keys', keys } },
  };
}

export function signKeys(state: State, screen: ExpiryScreen, keys: readonly string[]): State {
  const parsed = parseExpiry(screen.text);
  if (!parsed.ok || !state.connection) return state;
  const id = state.nextRequestId;
  return enqueue(
    replaceTop(state, {
      ...screen,
      error: undefined,
      pendingRequest: id,
      progress: { what: 'Signing', done: 0, total: keys.length },
    }),
    {
      kind: 'presign-all',
      connection: state.connection,
      bucket: screen.bucket,
      ...(screen.bucketRegion ? { bucketRegion: screen.bucketRegion } : {}),
      keys,
      seconds: parsed.seconds,
    },
  );
}

export function signedAll(
  state: State,
  screen: ExpiryScreen,
  keys: readonly string[],
  outcomes: readonly PresignOutcome[],
): State {
  const first = outcomes.find((outcome) => outcome.ok);
  const at = first?.ok ? first.link : undefined;
  const rows: SharedRow[] = outcomes.map((outcome, i) =>
    outcome.ok ? { key: outcome.link.key, url: outcome.link.url } : { key: keys[i] ?? '', problem: outcome.message },
  );
  // Download links are proven as a single link is; upload links cannot be without writing.
  const toCheck = outcomes.flatMap((outcome, row) =>
    outcome.ok && outcome.link.method === 'GET' ? [{ row, link: outcome.link }] : [],
  );
  const check = !state.options.noCheck && state.connection !== undefined && toCheck.length > 0;
  const links: LinksScreen = {
    kind: 'links',
    bucket: screen.bucket,
    rows,
    signedAt: at?.signedAt ?? new Date(0),
    expiresAt: at?.expiresAt ?? new Date(0),
    offset: 0,
    ...(check ? { checks: { total: toCheck.length, request: state.nextRequestId } } : {}),
  };
  // The marks are shared: they are not carried into the next choice.
  const shown = push({ ...state, marks: undefined, expiryText: screen.text }, links);
  return check && state.connection
    ? enqueue(shown, { kind: 'check-links', connection: state.connection, links: toCheck })
    : shown;
}
