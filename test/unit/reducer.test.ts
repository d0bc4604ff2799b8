import { describe, expect, it } from 'vitest';
import type { Action, ObjectsScreen, Request, State } from '../../src/state/app-state.js';
import { ancestorPrefixes, firstPageSize, initialState, reducer } from '../../src/state/reducer.js';
import { bucketRegion, topScreen, visibleBuckets } from '../../src/state/selectors.js';
import type { ProfileDiscovery, PresignedUrl } from '../../src/core/ports.js';

const discovery: ProfileDiscovery = {
  profiles: [
    { name: 'default', kind: 'keys', region: 'us-east-1' },
    { name: 'prod', kind: 'sso', region: 'eu-west-1' },
  ],
  files: [],
  preferred: 'prod',
};

function run(state: State, ...actions: Action[]): State {
  return actions.reduce(reducer, state);
}

function lastRequest(state: State): Request {
  const request = state.requests[state.requests.length - 1];
  if (!request) throw new Error('no request queued');
  return request;
}

function discovered(options = {}, profiles = discovery): State {
  const start = initialState(options, { rows: 20, columns: 80 });
  return run(start, { type: 'profiles-discovered', requestId: 1, discovery: profiles });
}

function withBuckets(): State {
  const state = run(discovered(), { type: 'select' });
  const request = lastRequest(state);
  return run(state, { type: 'buckets-loaded', requestId: request.id, buckets: [{ name: 'zeta' }, { name: 'alpha' }] });
}

function page(from: number, count: number, nextToken?: string) {
  return {
    folders: [],
    objects: Array.from({ length: count }, (_, i) => ({ key: `k${String(from + i).padStart(4, '0')}`, size: 1 })),
    ...(nextToken ? { nextToken } : {}),
  };
}

describe('start-up', () => {
  it('asks for the profiles first', () => {
    const state = initialState({});
    expect(state.requests).toEqual([{ id: 1, kind: 'discover-profiles' }]);
    expect(topScreen(state).kind).toBe('profiles');
  });

  it('preselects the preferred profile', () => {
    const screen = topScreen(discovered());
    expect(screen.kind === 'profiles' && screen.nav.cursor).toBe(1);
  });

  it('skips the profile screen for a single profile and asks for buckets', () => {
    const state = discovered({}, { ...discovery, profiles: [discovery.profiles[0]!] });
    expect(topScreen(state).kind).toBe('buckets');
    expect(lastRequest(state)).toMatchObject({ kind: 'list-buckets', connection: { profile: 'default' } });
  });

  it('opens --bucket/--prefix directly with the skipped screens below, unloaded', () => {
    const state = discovered({ profile: 'prod', bucket: 'b', prefix: 'a/b' });
    expect(state.stack.map((s) => s.kind)).toEqual(['profiles', 'buckets', 'objects', 'objects', 'objects']);
    expect(lastRequest(state)).toMatchObject({ kind: 'list-page', bucket: 'b', prefix: 'a/b/' });
    expect(state.requests.some((r) => r.kind === 'list-buckets')).toBe(false);
    // Walking back reveals the parent folders and then loads the bucket list.
    const back = run(state, { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(topScreen(back).kind).toBe('buckets');
    expect(lastRequest(back).kind).toBe('list-buckets');
  });

  it('names the files when --profile is unknown', () => {
    const state = discovered({ profile: 'nope' }, { ...discovery, files: [{ path: '/h/.aws/config', state: 'read' }] });
    const screen = topScreen(state);
    expect(screen.kind === 'profiles' && screen.error).toBe('No profile named “nope” in /h/.aws/config.');
  });

  it('splits a prefix into the folders above it', () => {
    expect(ancestorPrefixes('')).toEqual(['']);
    expect(ancestorPrefixes('a/b/')).toEqual(['', 'a/', 'a/b/']);
  });
});

describe('lists', () => {
  it('sorts buckets, filters as the user types, and opens the selected one', () => {
    let state = withBuckets();
    let screen = topScreen(state);
    expect(screen.kind === 'buckets' && screen.load.status === 'ready' && screen.load.value.map((b) => b.name)).toEqual(
      ['alpha', 'zeta'],
    );
    state = run(state, { type: 'type-text', text: 'ze' }, { type: 'select' });
    screen = topScreen(state);
    expect(screen).toMatchObject({ kind: 'objects', bucket: 'zeta', prefix: '' });
  });

  it('erases the filter, then goes up a level', () => {
    let state = run(withBuckets(), { type: 'type-text', text: 'al' }, { type: 'erase' });
    const screen = topScreen(state);
    expect(screen.kind === 'buckets' && screen.nav.filter).toBe('a');
    state = run(state, { type: 'erase' }, { type: 'erase' });
    expect(topScreen(state).kind).toBe('profiles');
  });

  it('Esc clears the filter before going back', () => {
    let state = run(withBuckets(), { type: 'type-text', text: 'al' }, { type: 'back' });
    expect(topScreen(state).kind).toBe('buckets');
    state = run(state, { type: 'back' });
    expect(topScreen(state).kind).toBe('profiles');
  });

  it('Esc on the first screen aborts, as fzf: 130 and nothing to print', () => {
    expect(run(discovered(), { type: 'back' }).exit).toEqual({ code: 130 });
  });

  it('clamps the cursor and scrolls the window with it', () => {
    let state = run(withBuckets(), { type: 'select' });
    const first = lastRequest(state);
    state = run(state, { type: 'page-loaded', requestId: first.id, page: page(0, 100) });
    state = run(state, { type: 'move', by: 30 });
    const screen = topScreen(state) as ObjectsScreen;
    // 20 rows minus the chrome leaves 13 rows of list.
    expect(screen.nav).toMatchObject({ cursor: 30, offset: 18 });
    state = run(state, { type: 'move-to-end' }, { type: 'move', by: 5 });
    expect((topScreen(state) as ObjectsScreen).nav.cursor).toBe(99);
    state = run(state, { type: 'move-to-start' }, { type: 'move', by: -1 });
    expect((topScreen(state) as ObjectsScreen).nav).toMatchObject({ cursor: 0, offset: 0 });
  });
});

describe('paging', () => {
  function firstPage() {
    let state = run(withBuckets(), { type: 'select' });
    const request = lastRequest(state);
    state = run(state, { type: 'page-loaded', requestId: request.id, page: page(0, 100, 'next-1') });
    return state;
  }

  it('asks for a few screens of keys first, and full pages after', () => {
    let state = run(withBuckets(), { type: 'select' });
    const first = lastRequest(state);
    // 20 rows leave 13 for the list: three screens are under the 100-key floor.
    expect(first).toMatchObject({ kind: 'list-page', maxKeys: 100 });
    expect(firstPageSize(run(state, { type: 'resize', rows: 60, columns: 100 }))).toBe(3 * (60 - 7));
    state = run(
      state,
      { type: 'page-loaded', requestId: first.id, page: page(0, 100, 'next-1') },
      { type: 'move', by: 80 },
    );
    const next = lastRequest(state);
    expect(next).toMatchObject({ kind: 'list-page', token: 'next-1' });
    expect(next).not.toHaveProperty('maxKeys');
  });

  it('shows the first page and waits for the cursor before fetching more', () => {
    const state = firstPage();
    expect(state.requests.filter((r) => r.kind === 'list-page')).toEqual([]);
    const screen = topScreen(state) as ObjectsScreen;
    expect(screen.rows).toHaveLength(100);
    expect(screen.listing).toEqual({ status: 'more', nextToken: 'next-1' });
  });

  it('fetches the next page as the cursor nears the end, once', () => {
    let state = run(firstPage(), { type: 'move', by: 80 });
    const pending = state.requests.filter((r) => r.kind === 'list-page');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ token: 'next-1' });
    state = run(state, { type: 'move', by: 1 });
    expect(state.requests.filter((r) => r.kind === 'list-page')).toHaveLength(1);
    state = run(state, { type: 'page-loaded', requestId: pending[0]!.id, page: page(100, 50) });
    const screen = topScreen(state) as ObjectsScreen;
    expect(screen.rows).toHaveLength(150);
    expect(screen.listing).toEqual({ status: 'complete' });
    expect(screen.nav.cursor).toBe(81);
  });

  it('does not walk the prefix while a filter is active', () => {
    const state = run(firstPage(), { type: 'type-text', text: 'k00' });
    expect(state.requests.filter((r) => r.kind === 'list-page')).toEqual([]);
  });

  it('stops a listing whose server repeats a continuation token, with a message, instead of asking forever', () => {
    let state = run(firstPage(), { type: 'move-to-end' });
    const second = lastRequest(state);
    state = run(state, { type: 'page-loaded', requestId: second.id, page: page(100, 10, 'next-2') });
    state = run(state, { type: 'move-to-end' });
    const third = lastRequest(state);
    expect(third).toMatchObject({ kind: 'list-page', token: 'next-2' });
    // The server sends next-2 again, with keys already listed.
    state = run(state, { type: 'page-loaded', requestId: third.id, page: page(100, 10, 'next-2') });
    const screen = topScreen(state) as ObjectsScreen;
    expect(screen.listing.status).toBe('failed');
    expect(screen.listing.status === 'failed' && screen.listing.error.message).toContain('same page');
    expect(screen.rows).toHaveLength(110);
    state = run(state, { type: 'move-to-end' });
    expect(state.requests.filter((r) => r.kind === 'list-page')).toEqual([]);
  });

  it('keeps the rows shown when a later page fails, and retries', () => {
    let state = run(firstPage(), { type: 'move-to-end' });
    const request = lastRequest(state);
    state = run(state, {
      type: 'request-failed',
      requestId: request.id,
      error: { kind: 'other', message: 'SlowDown (HTTP 503)' },
    });
    let screen = topScreen(state) as ObjectsScreen;
    expect(screen.rows).toHaveLength(100);
    expect(screen.listing).toMatchObject({ status: 'failed', error: { message: 'SlowDown (HTTP 503)' } });
    expect(state.requests.filter((r) => r.kind === 'list-page')).toEqual([]);
    state = run(state, { type: 'retry' });
    screen = topScreen(state) as ObjectsScreen;
    expect(screen.listing.status).toBe('loading');
    expect(lastRequest(state)).toMatchObject({ kind: 'list-page', token: 'next-1' });
  });

  describe('moves past the rows loaded', () => {
    const nav = (state: State) => (topScreen(state) as ObjectsScreen).nav;
    const listPages = (state: State) => state.requests.filter((r) => r.kind === 'list-page');

    it('End goes to the last row loaded and on to the end as each page arrives, until the listing is complete', () => {
      let state = run(firstPage(), { type: 'move-to-end' });
      expect(nav(state)).toMatchObject({ cursor: 99, pending: { to: 'end' } });
      const second = lastRequest(state);
      expect(second).toMatchObject({ kind: 'list-page', token: 'next-1' });
      state = run(state, { type: 'page-loaded', requestId: second.id, page: page(100, 1000, 'next-2') });
      expect(nav(state)).toMatchObject({ cursor: 1099, pending: { to: 'end' } });
      // Asked for at once, wherever the cursor is.
      const third = lastRequest(state);
      expect(third).toMatchObject({ kind: 'list-page', token: 'next-2' });
      state = run(state, { type: 'page-loaded', requestId: third.id, page: page(1100, 900) });
      expect(nav(state).cursor).toBe(1999);
      expect(nav(state).pending).toBeUndefined();
      expect((topScreen(state) as ObjectsScreen).listing).toEqual({ status: 'complete' });
      expect(listPages(state)).toEqual([]);
    });

    it('↓ and PgDn past the last row loaded add up, and are finished by the next page', () => {
      let state = run(firstPage(), { type: 'move', by: 98 });
      const request = lastRequest(state);
      state = run(state, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 });
      expect(nav(state)).toMatchObject({ cursor: 99, pending: { to: 'down', rows: 2 } });
      // 13 rows on screen at 20 lines.
      state = run(state, { type: 'move-page', direction: 1 });
      expect(nav(state)).toMatchObject({ cursor: 99, pending: { to: 'down', rows: 15 } });
      state = run(state, { type: 'page-loaded', requestId: request.id, page: page(100, 1000, 'next-2') });
      expect(nav(state).cursor).toBe(114);
      expect(nav(state).pending).toBeUndefined();
    });

    it('a move past the end of a page that is not the last waits again for the next one', () => {
      let state = run(firstPage(), { type: 'move', by: 99 }, { type: 'move', by: 30 });
      expect(nav(state).pending).toEqual({ to: 'down', rows: 30 });
      state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(100, 10, 'next-2') });
      expect(nav(state)).toMatchObject({ cursor: 109, pending: { to: 'down', rows: 20 } });
      state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(110, 50) });
      expect(nav(state).cursor).toBe(129);
      expect(nav(state).pending).toBeUndefined();
    });

    it('Esc only stops the move: the cursor stays, the screen stays, the page still arrives', () => {
      let state = run(firstPage(), { type: 'move-to-end' });
      const request = lastRequest(state);
      state = run(state, { type: 'back' });
      expect(topScreen(state).kind).toBe('objects');
      expect(nav(state)).toEqual({ cursor: 99, offset: 87, filter: '' });
      state = run(state, { type: 'page-loaded', requestId: request.id, page: page(100, 1000, 'next-2') });
      expect(nav(state).cursor).toBe(99);
      expect(listPages(state)).toEqual([]);
      expect(topScreen(run(state, { type: 'back' })).kind).toBe('buckets');
    });

    it('any other key stops it, then does what it does', () => {
      const waiting = run(firstPage(), { type: 'move-to-end' });
      const up = run(waiting, { type: 'move', by: -1 });
      expect(nav(up)).toEqual({ cursor: 98, offset: 87, filter: '' });
      const typed = run(waiting, { type: 'type-text', text: 'k' });
      expect(nav(typed)).toEqual({ cursor: 0, offset: 0, filter: 'k' });
      const stopped = run(waiting, { type: 'stop-move' });
      expect(nav(stopped)).toEqual({ cursor: 99, offset: 87, filter: '' });
      const help = run(waiting, { type: 'toggle-help' });
      expect(help.help).toBeDefined();
      expect(nav(help).pending).toBeUndefined();
      // A resize is no key: the move goes on.
      expect(nav(run(waiting, { type: 'resize', rows: 30, columns: 100 })).pending).toEqual({ to: 'end' });
    });

    it('the paging guard ends a waiting End: a repeated continuation token stops it with the message', () => {
      let state = run(firstPage(), { type: 'move-to-end' });
      state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(100, 10, 'next-2') });
      expect(nav(state).pending).toEqual({ to: 'end' });
      state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(100, 10, 'next-2') });
      const screen = topScreen(state) as ObjectsScreen;
      expect(screen.listing.status).toBe('failed');
      expect(screen.nav.pending).toBeUndefined();
      expect(screen.nav.cursor).toBe(109);
      expect(listPages(state)).toEqual([]);
    });

    it('a page that fails ends a waiting move', () => {
      let state = run(firstPage(), { type: 'move-to-end' });
      state = run(state, {
        type: 'request-failed',
        requestId: lastRequest(state).id,
        error: { kind: 'other', message: 'SlowDown (HTTP 503)' },
      });
      expect(nav(state).pending).toBeUndefined();
      expect(nav(state).cursor).toBe(99);
    });

    it('with a filter, a move stops at the last match loaded and waits for nothing', () => {
      const state = run(firstPage(), { type: 'type-text', text: 'k00' }, { type: 'move-to-end' });
      expect(nav(state)).toMatchObject({ cursor: 99, filter: 'k00' });
      expect(nav(state).pending).toBeUndefined();
      expect(listPages(state)).toEqual([]);
    });

    it('once the listing is complete, End is an ordinary move', () => {
      let state = run(firstPage(), { type: 'move', by: 80 });
      state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(100, 5) });
      state = run(state, { type: 'move-to-end' }, { type: 'move', by: 3 });
      expect(nav(state).cursor).toBe(104);
      expect(nav(state).pending).toBeUndefined();
    });
  });

  it('drops an answer for a screen the user has left', () => {
    let state = run(withBuckets(), { type: 'select' });
    const request = lastRequest(state);
    state = run(state, { type: 'back' }, { type: 'page-loaded', requestId: request.id, page: page(0, 3) });
    expect(topScreen(state).kind).toBe('buckets');
    expect(state.stack.some((s) => s.kind === 'objects')).toBe(false);
  });
});

describe('expiry and result', () => {
  const presigned: PresignedUrl = {
    url: 'http://s3.test/b/k?X-Amz-Signature=abc',
    method: 'GET',
    bucket: 'alpha',
    key: 'k0000',
    region: 'us-east-1',
    expiresInSeconds: 86_400,
    signedAt: new Date('2026-11-28T16:00:00Z'),
    requestedExpiresAt: new Date('2026-11-29T16:00:00Z'),
    expiresAt: new Date('2026-11-29T16:00:00Z'),
  };

  function atExpiry(): State {
    let state = run(withBuckets(), { type: 'select' });
    state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(0, 3) }, { type: 'select' });
    return state;
  }

  it('prefills 1 hour and refuses bad input without signing', () => {
    let state = atExpiry();
    expect(topScreen(state)).toMatchObject({ kind: 'expiry', key: 'k0000', text: '1' });
    state = run(state, { type: 'erase' }, { type: 'type-text', text: '169' }, { type: 'select' });
    const screen = topScreen(state);
    expect(screen.kind).toBe('expiry');
    if (screen.kind === 'expiry') expect(screen.error).toContain('168-hour');
    expect(state.requests.filter((r) => r.kind === 'presign')).toEqual([]);
  });

  it('signs a valid expiry, shows the result, and remembers the expiry for the next object', () => {
    let state = run(atExpiry(), { type: 'erase' }, { type: 'type-text', text: '24' }, { type: 'select' });
    const request = lastRequest(state);
    expect(request).toMatchObject({ kind: 'presign', bucket: 'alpha', key: 'k0000', seconds: 86_400 });
    state = run(state, { type: 'presigned', requestId: request.id, presigned });
    expect(topScreen(state).kind).toBe('result');
    expect(run(state, { type: 'quit' }).exit).toEqual({ code: 0, output: `${presigned.url}\n` });
    state = run(state, { type: 'another-object' });
    expect(topScreen(state).kind).toBe('objects');
    state = run(state, { type: 'move', by: 1 }, { type: 'select' });
    expect(topScreen(state)).toMatchObject({ kind: 'expiry', key: 'k0001', text: '24' });
  });

  it('copies the URL and reports how', () => {
    let state = run(atExpiry(), { type: 'select' });
    state = run(state, { type: 'presigned', requestId: lastRequest(state).id, presigned }, { type: 'copy-url' });
    const copy = lastRequest(state);
    expect(copy).toMatchObject({ kind: 'copy', text: presigned.url });
    const copied = run(state, { type: 'copied', requestId: copy.id, outcome: { ok: true, via: 'system clipboard' } });
    expect(topScreen(copied)).toMatchObject({ notice: { tone: 'success', text: 'Copied (system clipboard).' } });
    const failed = run(state, { type: 'copied', requestId: copy.id, outcome: { ok: false, reason: 'no display' } });
    expect(topScreen(failed)).toMatchObject({ notice: { tone: 'warning', text: 'Not copied: no display' } });
  });

  it('e goes back to the expiry input, q quits with 0, Ctrl-C with 130', () => {
    let state = run(atExpiry(), { type: 'select' });
    state = run(state, { type: 'presigned', requestId: lastRequest(state).id, presigned });
    expect(topScreen(run(state, { type: 'change-expiry' })).kind).toBe('expiry');
    expect(run(state, { type: 'quit' }).exit).toEqual({ code: 0, output: `${presigned.url}\n` });
    expect(run(state, { type: 'interrupt' }).exit).toEqual({ code: 130 });
  });
});

describe('regions, credentials and refusals', () => {
  it("asks each bucket's region when the list has none, and shows it when found", () => {
    const state = withBuckets();
    const lookups = state.requests.filter((r) => r.kind === 'bucket-region');
    expect(lookups.map((r) => r.kind === 'bucket-region' && r.bucket).sort()).toEqual(['alpha', 'zeta']);
    const found = run(state, {
      type: 'bucket-region-found',
      requestId: lookups[0]!.id,
      bucket: 'zeta',
      region: 'eu-west-2',
    });
    const before = topScreen(state);
    const screen = topScreen(found);
    if (screen.kind !== 'buckets' || before.kind !== 'buckets') throw new Error('not the bucket list');
    expect(visibleBuckets(screen).map((bucket) => [bucket.name, bucketRegion(screen, bucket)])).toEqual([
      ['alpha', undefined],
      ['zeta', 'eu-west-2'],
    ]);
    // A region found leaves the (possibly 100,000-row) list itself as it was.
    expect(screen.load).toBe(before.load);
  });

  it('passes a known bucket region on to signing', () => {
    let state = run(discovered(), { type: 'select' });
    state = run(state, {
      type: 'buckets-loaded',
      requestId: lastRequest(state).id,
      buckets: [{ name: 'b', region: 'ap-south-1' }],
    });
    state = run(state, { type: 'select' });
    state = run(
      state,
      { type: 'page-loaded', requestId: lastRequest(state).id, page: page(0, 1) },
      { type: 'select' },
      { type: 'select' },
    );
    expect(lastRequest(state)).toMatchObject({ kind: 'presign', bucket: 'b', bucketRegion: 'ap-south-1' });
  });

  it('checks the credentials when the expiry screen opens', () => {
    let state = run(withBuckets(), { type: 'select' });
    state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(0, 1) }, { type: 'select' });
    const check = state.requests.find((r) => r.kind === 'credentials-expiry');
    expect(check).toBeDefined();
    const end = new Date('2026-11-28T18:00:00Z');
    state = run(state, { type: 'credentials-checked', requestId: check!.id, expiresAt: end });
    expect(topScreen(state)).toMatchObject({ kind: 'expiry', credentialsExpireAt: end });
    expect(state.requests.filter((r) => r.kind === 'credentials-expiry')).toEqual([]);
  });

  it('offers to type a bucket name when listing buckets is refused', () => {
    let state = run(discovered(), { type: 'select' });
    state = run(state, {
      type: 'request-failed',
      requestId: lastRequest(state).id,
      error: { kind: 'denied', message: 'AccessDenied (HTTP 403)' },
    });
    state = run(state, { type: 'type-text', text: 'reports' }, { type: 'select' });
    expect(topScreen(state)).toMatchObject({ kind: 'objects', bucket: 'reports', prefix: '' });
  });

  it('offers to type a key when listing a folder is refused', () => {
    let state = run(withBuckets(), { type: 'select' });
    state = run(state, {
      type: 'request-failed',
      requestId: lastRequest(state).id,
      error: { kind: 'denied', message: 'AccessDenied (HTTP 403)' },
    });
    state = run(state, { type: 'type-text', text: 'secret/report.pdf' }, { type: 'select' });
    expect(topScreen(state)).toMatchObject({ kind: 'expiry', bucket: 'alpha', key: 'secret/report.pdf' });
  });

  it('takes an MFA code over any screen and hands it on', () => {
    let state = run(withBuckets(), { type: 'mfa-requested', serial: 'arn:aws:iam::1:mfa/me' });
    state = run(state, { type: 'type-text', text: '12a34' }, { type: 'select' });
    expect(state.mfa).toEqual({ serial: 'arn:aws:iam::1:mfa/me', code: '1234' });
    state = run(state, { type: 'type-text', text: '567' }, { type: 'select' });
    expect(state.mfa).toBeUndefined();
    expect(lastRequest(state)).toMatchObject({ kind: 'mfa-answer', code: '123456' });
    expect(topScreen(state).kind).toBe('buckets');
    const cancelled = run(run(withBuckets(), { type: 'mfa-requested', serial: 's' }), { type: 'back' });
    expect(lastRequest(cancelled)).toMatchObject({ kind: 'mfa-answer', code: null });
  });
});

describe('kinds of link', () => {
  function atObjects(): State {
    const state = run(withBuckets(), { type: 'select' });
    return run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(0, 3) });
  }

  it('offers an upload link for a new key typed in the object list', () => {
    const state = run(atObjects(), { type: 'type-text', text: 'incoming/new.csv' }, { type: 'select' });
    expect(topScreen(state)).toMatchObject({ kind: 'expiry', key: 'incoming/new.csv', linkKind: 'upload' });
    const signed = run(state, { type: 'select' });
    expect(lastRequest(signed)).toMatchObject({ kind: 'presign', method: 'PUT', key: 'incoming/new.csv' });
  });

  it('cycles download, save-as and upload with one key', () => {
    let state = run(atObjects(), { type: 'select' });
    expect(topScreen(state)).toMatchObject({ linkKind: 'download' });
    state = run(state, { type: 'cycle-link-kind' });
    expect(topScreen(state)).toMatchObject({ linkKind: 'attachment' });
    const signed = run(state, { type: 'select' });
    expect(lastRequest(signed)).toMatchObject({ method: 'GET', downloadName: 'k0000' });
    state = run(state, { type: 'cycle-link-kind' }, { type: 'cycle-link-kind' });
    expect(topScreen(state)).toMatchObject({ linkKind: 'download' });
  });
});

describe('server-side search', () => {
  it('Tab lists, from the server, the keys of the folder starting with the filter', () => {
    let state = run(withBuckets(), { type: 'select' });
    state = run(state, { type: 'page-loaded', requestId: lastRequest(state).id, page: page(0, 100, 'more') });
    state = run(state, { type: 'type-text', text: 'k09' }, { type: 'search-server' });
    expect(topScreen(state)).toMatchObject({ kind: 'objects', prefix: '', search: 'k09', nav: { filter: '' } });
    expect(lastRequest(state)).toMatchObject({ kind: 'list-page', prefix: 'k09', token: undefined });
    const back = run(state, { type: 'back' }).stack.at(-1);
    expect(back?.kind === 'objects' && back.search).toBeUndefined();
  });

  it('does nothing without a filter', () => {
    const state = run(withBuckets(), { type: 'select' });
    expect(run(state, { type: 'search-server' }).stack).toHaveLength(state.stack.length);
  });
});
