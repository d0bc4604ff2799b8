import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_FILE, CREDENTIALS_FILE, discovery, FakeProfileSource } from '../support/fakes.js';
import { lineUnderFilter, markedLine } from '../support/highlight.js';
import { cursorLine, flat, KEY, lineIndexes, lineWith, listRows, renderApp, POLL } from '../support/ink.js';
import { PROFILES, world } from '../support/world.js';

// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

describe('profile picker', () => {
  test('lists every profile with its region (or "(no region)") and kind', async () => {
    const app = renderApp(world());
    const frame = await app.waitFor('3 of 3 profiles');
    expect(lineWith(frame, 'dev')).toMatch(/dev\s+eu-west-1\s+keys$/);
    expect(lineWith(frame, 'prod')).toMatch(/prod\s+us-east-1\s+SSO$/);
    expect(lineWith(frame, 'sandbox')).toMatch(/sandbox\s+\(no region\)\s+role\s+http:\/\/127\.0\.0\.1:7480$/);
    expect(lineIndexes(frame, ['dev ', 'prod ', 'sandbox '])).toEqual([3, 4, 5]);
    // First screen: nothing chosen yet, so the breadcrumb is just the app's name.
    expect(app.lines()[0]).toBe(' s3share');
    expect(cursorLine(frame)).toMatch(/^ ❯ dev /);
    expect(app.services.s3.connections).toEqual([]);
  });

  test('shows a spinner while the config files are read', async () => {
    const profiles = new FakeProfileSource(discovery(PROFILES));
    profiles.control.hold('discover');
    const app = renderApp(world({ profiles }));
    await app.waitFor('Reading AWS profiles…');
    expect(app.frame()).not.toContain('dev');
    (await profiles.control.waitForHeld('discover'))[0]?.release();
    await app.waitFor('3 of 3 profiles');
  });

  test('preselects the profile AWS_PROFILE names (discovery.preferred)', async () => {
    const app = renderApp(world({ profiles: new FakeProfileSource(discovery(PROFILES, { preferred: 'prod' })) }));
    const frame = await app.waitFor('3 of 3 profiles');
    expect(cursorLine(frame)).toMatch(/^ ❯ prod\s+us-east-1/);
    await app.press(KEY.enter);
    await app.waitFor(/s3share {2}› {2}prod$/m);
    expect(app.services.s3.connections[0]).toMatchObject({ profile: 'prod', region: 'us-east-1' });
  });

  test('typing filters the list, Backspace erases, Enter opens the selected match', async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    await app.press('s', 'a');
    let frame = await app.waitFor('1 match · 3 profiles');
    expect(frame).toContain('filter: sa▏');
    expect(frame).toContain('sandbox');
    expect(lineWith(frame, 'dev ')).toBeUndefined();
    expect(lineWith(frame, 'prod ')).toBeUndefined();
    await app.press(KEY.backspace);
    frame = await app.waitFor('filter: s▏');
    // Only "sandbox" has an "s".
    expect(frame).toContain('1 match · 3 profiles');
    await app.press(KEY.backspace);
    await app.waitFor('3 of 3 profiles');
    await app.press('o');
    frame = await app.waitFor('filter: o▏');
    expect(frame).toContain('2 matches · 3 profiles');
    expect(lineWith(frame, 'dev ')).toBeUndefined();
    await app.press('d');
    frame = await app.waitFor('filter: od▏');
    expect(frame).toContain('1 match · 3 profiles');
    expect(cursorLine(frame)).toMatch(/^ ❯ prod /);
    await app.press(KEY.enter);
    await app.waitFor(/s3share {2}› {2}prod$/m);
  });

  test('Esc clears the filter before it leaves', async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    await app.press('pro');
    await app.waitFor('1 match · 3 profiles');
    await app.press(KEY.escape);
    await app.waitFor('3 of 3 profiles');
    expect(app.frame()).toContain('type to filter');
    expect(app.onExit).not.toHaveBeenCalled();
    // On the first screen a second Esc leaves without a link: aborted, like fzf.
    await app.press(KEY.escape);
    await expect.poll(() => app.onExit.mock.calls, POLL).toEqual([[{ code: 130 }]]);
  });

  test('a single profile skips the screen', async () => {
    const only = [{ name: 'solo', region: 'ap-south-1', kind: 'sso' as const }];
    const app = renderApp(world({ profiles: new FakeProfileSource(discovery(only)) }));
    await app.waitFor('5 of 5 buckets');
    expect(app.lines()[0]).toBe(' s3share  ›  solo');
    expect(app.frames.some((f) => f.includes('of 1 profiles'))).toBe(false);
    expect(app.services.s3.connections).toEqual([{ profile: 'solo', region: 'ap-south-1', pathStyle: false }]);
  });

  test('--profile skips the screen', async () => {
    const app = renderApp(world(), { profile: 'sandbox' });
    await app.waitFor('5 of 5 buckets');
    expect(app.lines()[0]).toBe(' s3share  ›  sandbox');
    expect(app.frames.some((f) => f.includes('of 3 profiles'))).toBe(false);
    // The profile's endpoint means path-style addressing.
    expect(app.services.s3.connections[0]).toEqual({
      profile: 'sandbox',
      endpointUrl: 'http://127.0.0.1:7480',
      pathStyle: true,
    });
  });

  test('an unknown --profile shows an error naming the files, and the list to pick from', async () => {
    const app = renderApp(world(), { profile: 'nope' });
    const frame = await app.waitFor('No profile named');
    expect(frame).toContain(`No profile named “nope” in ${CONFIG_FILE}, ${CREDENTIALS_FILE}.`);
    expect(frame).toContain('3 of 3 profiles');
    expect(app.services.s3.calls).toEqual([]);
    await app.press(KEY.down, KEY.enter);
    await app.waitFor(/s3share {2}› {2}prod$/m);
  });

  test('no profiles: names the files it looked in and says `aws configure`', async () => {
    const empty = discovery([], {
      files: [
        { path: CONFIG_FILE, state: 'missing' },
        { path: CREDENTIALS_FILE, state: 'read' },
      ],
    });
    const app = renderApp(world({ profiles: new FakeProfileSource(empty) }));
    const frame = await app.waitFor('No AWS profiles found.');
    expect(frame).toContain(`${CONFIG_FILE}  (missing)`);
    expect(frame).toContain(`${CREDENTIALS_FILE}  (no profiles in it)`);
    expect(frame).toContain('aws configure');
    expect(app.services.s3.calls).toEqual([]);
  });

  test('a discovery failure shows its message; r retries', async () => {
    const profiles = new FakeProfileSource(
      new Error('EACCES: permission denied, open /home/tester/.aws/config\n    at open (node:fs)'),
      discovery(PROFILES),
    );
    const app = renderApp(world({ profiles }));
    const frame = await app.waitFor('Could not read the AWS config files');
    // The line is wrapped at the terminal's width: compare the words.
    expect(flat(frame)).toContain(
      'Could not read the AWS config files: EACCES: permission denied, open /home/tester/.aws/config ─',
    );
    // One line only: the stack is not shown.
    expect(frame).not.toContain('node:fs');
    expect(frame).toContain('r retry');
    expect(profiles.calls).toBe(1);
    await app.press('r');
    await app.waitFor('3 of 3 profiles');
    expect(profiles.calls).toBe(2);
  });
});

describe('fuzzy filter on the profiles', () => {
  const named = (...names: string[]) =>
    new FakeProfileSource(discovery(names.map((name) => ({ name, region: 'eu-west-1', kind: 'keys' as const }))));

  test('cex finds customer-exports and highlights c, e and x; a name holding cex comes first', async () => {
    const app = renderApp(world({ profiles: named('c-e-x', 'customer-exports', 'other', 'zz-cex') }));
    await app.waitFor('4 of 4 profiles');
    await app.press('c', 'e', 'x');
    const frame = await app.waitFor('3 matches · 4 profiles');
    expect(listRows(frame).map((row) => row.split(' ')[0])).toEqual(['zz-cex', 'c-e-x', 'customer-exports']);
    expect(cursorLine(frame)).toMatch(/^ ❯ zz-cex /);
    expect(markedLine(app.lastFrame(), 'customer-exports')).toMatch(/^ {3}\[c\]ustomer-\[ex\]ports\s+eu-west-1/);
    expect(markedLine(app.lastFrame(), 'zz-cex')).toMatch(/^ ❯ zz-\[cex\]\s+eu-west-1/);
    // The region column stays in place: the highlight takes no room.
    expect(lineWith(frame, 'zz-cex')?.indexOf('eu-west-1')).toBe(
      lineWith(frame, 'customer-exports')?.indexOf('eu-west-1'),
    );
  });

  test('one match and no match: the count reads so, and "no match" shows right under the filter', async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    await app.press('s', 'b');
    await app.waitFor('1 match · 3 profiles');
    expect(lineUnderFilter(app.lines())).toMatch(/^ ❯ \S*sandbox/);
    await app.press('q');
    await app.waitFor('no match · 3 profiles');
    expect(lineUnderFilter(app.lines())).toBe('  no match');
    expect(listRows(app.frame())).toEqual([]);
  });
});
