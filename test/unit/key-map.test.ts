/**
 * Generated from the key map: on every screen and overlay, the footer lists only keys that do
 * something there, and each listed key does something when pressed.
 */
import { describe, expect, it } from 'vitest';
import type { PresignedUrl } from '../../src/core/ports.js';
import type { Action, State } from '../../src/state/app-state.js';
import { initialState, reducer } from '../../src/state/reducer.js';
import { NO_KEY } from '../../src/ui/key-sequences.js';
import { topScreen } from '../../src/state/selectors.js';
import { footerHints } from '../../src/ui/components/footer.js';
import { activeBindings, BINDINGS, keyOwner, resolveKey, TEXT, type KeyPress } from '../../src/ui/keys.js';

const NONE: KeyPress = NO_KEY;

/** The key press a key name stands for. */
function press(name: string): { input: string; key: KeyPress } {
  const named: Record<string, Partial<KeyPress>> = {
    up: { upArrow: true },
    down: { downArrow: true },
    pageup: { pageUp: true },
    pagedown: { pageDown: true },
    home: { home: true },
    end: { end: true },
    enter: { return: true },
    esc: { escape: true },
    tab: { tab: true },
    backspace: { backspace: true },
  };
  if (named[name]) return { input: '', key: { ...NONE, ...named[name] } };
  if (name.startsWith('ctrl+')) return { input: name.slice(5), key: { ...NONE, ctrl: true } };
  return { input: name, key: NONE };
}

const run = (state: State, ...actions: Action[]) => actions.reduce(reducer, state);
const last = (state: State) => state.requests[state.requests.length - 1]!;

const profiles = run(initialState({}, { rows: 24, columns: 100 }), {
  type: 'profiles-discovered',
  requestId: 1,
  discovery: {
    profiles: [
      { name: 'a', kind: 'keys' },
      { name: 'b', kind: 'keys' },
    ],
    files: [],
  },
});
const bucketsLoading = run(profiles, { type: 'select' });
const buckets = run(bucketsLoading, {
  type: 'buckets-loaded',
  requestId: last(bucketsLoading).id,
  buckets: [
    { name: 'b1', region: 'eu-west-1' },
    { name: 'b2', region: 'eu-west-1' },
  ],
});
const bucketsFailed = run(bucketsLoading, {
  type: 'request-failed',
  requestId: last(bucketsLoading).id,
  error: { kind: 'other', message: 'HTTP 500' },
});
const bucketsDenied = run(bucketsLoading, {
  type: 'request-failed',
  requestId: last(bucketsLoading).id,
  error: { kind: 'denied', message: 'AccessDenied' },
});
const objectsLoading = run(buckets, { type: 'select' });
const objects = run(objectsLoading, {
  type: 'page-loaded',
  requestId: last(objectsLoading).id,
  page: { folders: ['f/'], objects: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, size: 1 })), nextToken: 't' },
});
const objectsFiltered = run(objects, { type: 'type-text', text: 'k1' });
/** End past the 41 rows loaded: the rest of the move waits for the next page. */
const objectsToEnd = run(objects, { type: 'move-to-end' });
const objectsFailed = run(objectsLoading, {
  type: 'request-failed',
  requestId: last(objectsLoading).id,
  error: { kind: 'other', message: 'SlowDown' },
});
const expiry = run(objects, { type: 'move', by: 1 }, { type: 'select' });
const signing = run(expiry, { type: 'select' });
const presignRequest = signing.requests.find((r) => r.kind === 'presign')!;
const at = new Date('2026-12-01T00:00:00Z');
const presigned: PresignedUrl = {
  url: 'https://b1.s3.amazonaws.com/k0?X-Amz-Signature=x',
  method: 'GET',
  bucket: 'b1',
  key: 'k0',
  region: 'eu-west-1',
  expiresInSeconds: 3600,
  signedAt: at,
  requestedExpiresAt: at,
  expiresAt: at,
};
const result = run(signing, { type: 'presigned', requestId: presignRequest.id, presigned });
const mfa = run(buckets, { type: 'mfa-requested', serial: 'arn:aws:iam::1:mfa/me' });
const mfaFull = run(mfa, { type: 'type-text', text: '123456' });
const help = run(buckets, { type: 'toggle-help' });
const helpShort = run({ ...buckets, terminal: { rows: 12, columns: 80 } }, { type: 'toggle-help' });
const tooSmall = run(buckets, { type: 'resize', rows: 8, columns: 30 });

const marked = run(objects, { type: 'toggle-mark' }, { type: 'toggle-mark' });
const confirm = run(marked, { type: 'back' });
const markedExpiry = run(marked, { type: 'select' });
const signingAll = run(markedExpiry, { type: 'select' });
const listing = signingAll.requests.find((r) => r.kind === 'expand-marks')!;
const expanded = run(signingAll, { type: 'marks-expanded', requestId: listing.id, keys: ['f/a', 'f/b', 'k0'] });
const presignAll = expanded.requests.find((r) => r.kind === 'presign-all')!;
const links = run(expanded, {
  type: 'presigned-all',
  requestId: presignAll.id,
  keys: ['f/a', 'f/b', 'k0'],
  outcomes: [
    { ok: true, link: { ...presigned, key: 'f/a' } },
    { ok: false, message: 'no such key' },
    { ok: true, link: presigned },
  ],
});
const versionsOpen = run(objects, { type: 'move', by: 1 }, { type: 'open-versions' });
const versionsRequest = versionsOpen.requests.find((r) => r.kind === 'list-versions')!;
const versions = run(versionsOpen, {
  type: 'versions-loaded',
  requestId: versionsRequest.id,
  page: {
    versions: [
      { key: 'k0', versionId: 'v2', isLatest: true, deleteMarker: false, size: 1 },
      { key: 'k0', versionId: 'v1', isLatest: false, deleteMarker: false, size: 1 },
    ],
  },
});

const failedCheck = {
  ok: false as const,
  scope: 'link' as const,
  status: 403,
  problem: { code: 'archived' as const, message: 'The object is archived (GLACIER): restore it first.' },
};
const resultFailed = run(signing, {
  type: 'presigned',
  requestId: presignRequest.id,
  presigned,
  check: failedCheck,
});
const resultCaptured: State = { ...result, stdoutCaptured: true };
const resultFailedCaptured: State = { ...resultFailed, stdoutCaptured: true };
const linksCaptured: State = { ...links, stdoutCaptured: true };

const CASES: Record<string, State> = {
  profiles,
  buckets,
  bucketsFailed,
  bucketsDenied,
  objects,
  objectsFiltered,
  objectsToEnd,
  objectsFailed,
  expiry,
  result,
  mfa,
  mfaFull,
  help,
  helpShort,
  tooSmall,
  marked,
  confirm,
  markedExpiry,
  links,
  versions,
  resultFailed,
  resultCaptured,
  resultFailedCaptured,
  linksCaptured,
};

describe.each(Object.entries(CASES))('%s', (_name, state) => {
  const footer = activeBindings(state).filter((binding) => binding.footer !== undefined);

  it('lists in the footer exactly the enabled bindings that have a footer place', () => {
    expect(footerHints(state, 500)).toEqual(footer.map((binding) => `${binding.label} ${binding.does}`));
  });

  it.each(footer.map((binding) => [`${binding.label} ${binding.does}`, binding] as const))(
    '%s does something when pressed',
    (_hint, binding) => {
      // Every key of the binding is taken; at least one of them changes something (↑ at the top of a list does not).
      const outcomes = binding.keys.map((name) => {
        const { input, key } = name === TEXT ? press(keyOwner(state) === 'mfa' ? '7' : 'x') : press(name);
        const action = resolveKey(state, input, key, 10_000);
        expect(action, name).toBeDefined();
        return reducer(state, action!);
      });
      expect(outcomes.some((next) => JSON.stringify(next) !== JSON.stringify(state))).toBe(true);
    },
  );
});

describe('the footer fits the terminal', () => {
  it.each([80, 60, 40])('at %i columns: never a cut hint, always "? help" where help exists', (columns) => {
    for (const [name, state] of Object.entries(CASES)) {
      const full = footerHints(state, 500);
      const hints = footerHints(state, columns);
      expect(2 + hints.join('  ').length, name).toBeLessThanOrEqual(Math.max(columns, 2 + (hints[0]?.length ?? 0)));
      for (const hint of hints) expect(full, name).toContain(hint);
      if (full.includes('? help')) expect(hints, name).toContain('? help');
    }
  });
});

describe('keys that do nothing are not taken', () => {
  it('r on a list without an error is typed into the filter, not a retry', () => {
    expect(resolveKey(buckets, 'r', NONE)).toEqual({ type: 'type-text', text: 'r' });
    expect(resolveKey(bucketsFailed, 'r', NONE)).toEqual({ type: 'retry' });
  });

  it('tab searches the server only with a filter typed', () => {
    expect(resolveKey(objects, '', { ...NONE, tab: true })).toBeUndefined();
    expect(resolveKey(objectsFiltered, '', { ...NONE, tab: true })).toEqual({ type: 'search-server' });
  });

  it('while the terminal is too small, Enter and letters do nothing; q quits', () => {
    expect(resolveKey(tooSmall, '', { ...NONE, return: true })).toBeUndefined();
    expect(resolveKey(tooSmall, 'x', NONE)).toBeUndefined();
    // Nothing was picked: quitting aborts, as Esc on the first screen does.
    expect(reducer(tooSmall, resolveKey(tooSmall, 'q', NONE)!).exit).toEqual({ code: 130 });
  });

  it('every binding names its keys, label and what it does', () => {
    for (const binding of BINDINGS) {
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(binding.label).not.toBe('');
      expect(binding.does).not.toBe('');
    }
  });
});

describe('a move waiting for pages', () => {
  const pending = (state: State) => {
    const screen = topScreen(state);
    return 'nav' in screen ? screen.nav.pending : undefined;
  };

  it('is waiting after End, and the footer offers esc to stop it rather than to go back', () => {
    expect(pending(objectsToEnd)).toEqual({ to: 'end' });
    expect(footerHints(objectsToEnd, 500)).toContain('esc stop');
    expect(footerHints(objectsToEnd, 500)).not.toContain('esc back');
    expect(footerHints(objects, 500)).toContain('esc back');
  });

  it('Esc stops it and stays on the screen', () => {
    const action = resolveKey(objectsToEnd, '', { ...NONE, escape: true });
    expect(action).toEqual({ type: 'stop-move' });
    const next = reducer(objectsToEnd, action!);
    expect(pending(next)).toBeUndefined();
    expect(topScreen(next).kind).toBe('objects');
  });

  it('a key bound to nothing on the list stops it too; without a waiting move it does nothing', () => {
    const left = { ...NONE, leftArrow: true };
    expect(resolveKey(objectsToEnd, '', left)).toEqual({ type: 'stop-move' });
    expect(resolveKey(objects, '', left)).toBeUndefined();
  });

  it('↓, PgDn and End carry it on', () => {
    for (const name of ['down', 'pagedown', 'end']) {
      const { input, key } = press(name);
      expect(pending(reducer(objectsToEnd, resolveKey(objectsToEnd, input, key)!)), name).toEqual({ to: 'end' });
    }
  });
});

describe('q, and what it gives a captured stdout (url=$(s3share-tui))', () => {
  const quitHint = (state: State) => footerHints(state, 500).find((hint) => hint.startsWith('q '));
  const quitWith = (state: State) => reducer(state, resolveKey(state, 'q', NONE)!).exit;

  it('on a result: the footer says q prints the URL, and q gives it with a newline, exit 0', () => {
    expect(quitHint(resultCaptured)).toBe('q print URL & quit');
    expect(quitWith(resultCaptured)).toEqual({ code: 0, output: `${presigned.url}\n` });
  });

  it('on the terminal the footer says only quit; the exit is the same (only a captured stdout is written)', () => {
    expect(quitHint(result)).toBe('q quit');
    expect(quitWith(result)).toEqual({ code: 0, output: `${presigned.url}\n` });
  });

  it('a link that failed its check is not printed: exit 1 with the reason on stderr', () => {
    expect(quitHint(resultFailedCaptured)).toBe('q quit');
    expect(quitWith(resultFailedCaptured)).toEqual({
      code: 1,
      message: 's3share-tui: the link was not printed: The object is archived (GLACIER): restore it first.',
    });
    // At the terminal the final frame shows the reason; the code still says the link fails.
    expect(quitWith(resultFailed)).toEqual({ code: 1 });
  });

  it('on the links: every signed URL, one per line; the unsigned named on stderr, exit 1', () => {
    expect(quitHint(linksCaptured)).toBe('q print URLs & quit');
    expect(quitWith(linksCaptured)).toEqual({
      code: 1,
      output: `${presigned.url}\n${presigned.url}\n`,
      message: 's3share-tui: s3://b1/f/b: no such key',
    });
  });

  it('on the links: a link whose check failed is left out and named with its reason', () => {
    const screen = topScreen(linksCaptured);
    if (screen.kind !== 'links') throw new Error('expected the links screen');
    const rows = screen.rows.map((row, i) =>
      i === 0 ? { ...row, check: { ok: false as const, message: 'gone' } } : row,
    );
    const checked: State = { ...linksCaptured, stack: [...linksCaptured.stack.slice(0, -1), { ...screen, rows }] };
    const exit = quitWith(checked);
    expect(exit?.output).toBe(`${presigned.url}\n`);
    expect(exit?.message).toContain(`s3://b1/${screen.rows[0]!.key}: gone`);
  });

  it('help lists the q of the screen under it, as the footer does', () => {
    const helped = run(resultCaptured, { type: 'toggle-help' });
    const under = activeBindings({ ...helped, help: undefined }).filter((binding) => binding.keys.includes('q'));
    expect(under.map((binding) => binding.does)).toEqual(['print URL & quit']);
  });

  it('Esc on the first screen and Ctrl-C anywhere abort: 130, nothing to print', () => {
    expect(reducer(profiles, resolveKey(profiles, '', { ...NONE, escape: true })!).exit).toEqual({ code: 130 });
    const ctrlC = press('ctrl+c');
    expect(reducer(resultCaptured, resolveKey(resultCaptured, ctrlC.input, ctrlC.key)!).exit).toEqual({ code: 130 });
  });
});

describe('Esc says what it does', () => {
  const escHint = (state: State) => footerHints(state, 500).find((hint) => hint.startsWith('esc '));

  it('quit on the first screen with nothing to clear; back everywhere else', () => {
    expect(escHint(profiles)).toBe('esc quit');
    expect(escHint(run(profiles, { type: 'type-text', text: 'a' }))).toBe('esc back');
    expect(escHint(buckets)).toBe('esc back');
    expect(escHint(result)).toBe('esc back');
  });
});

describe('a held Backspace', () => {
  it('that empties the filter does not go on to leave the screen; a later press goes up', () => {
    let state = run(objects, { type: 'type-text', text: 'xy' });
    state = run(
      state,
      { type: 'erase', at: 1000 },
      { type: 'erase', at: 1030 },
      { type: 'erase', at: 1060 },
      { type: 'erase', at: 1090 },
    );
    expect(topScreen(state).kind).toBe('objects');
    state = run(state, { type: 'erase', at: 2000 });
    expect(topScreen(state).kind).toBe('buckets');
  });
});
