/**
 * Sharing many: marks on the object lists (Space, `*`, across folders, Esc asks), one expiry for all,
 * the list of links with its copy formats; and the versions of one object.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { KEY, renderApp } from '../support/ink.js';
import { BUCKETS, EXPORTS, inTimeZone, world } from '../support/world.js';

inTimeZone();
afterEach(() => cleanup());

const markedRow = (frame: string, name: string) =>
  frame
    .split('\n')
    .find((line) => line.includes(name))
    ?.includes('●');

async function inExports() {
  const services = world();
  const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
  await app.waitFor(/objects · 3 folders/);
  return app;
}

describe('marks', () => {
  test('Space marks the row under the cursor and moves on; Space again unmarks it', async () => {
    const app = await inExports();
    await app.press(KEY.end);
    await app.press(KEY.up, ' ');
    let frame = await app.waitFor('1 marked');
    expect(markedRow(frame, 'a-notes.txt')).toBe(true);
    expect(markedRow(frame, 'zz-last.bin')).toBe(false);
    await app.press(KEY.up, ' ');
    frame = await app.waitFor((f) => !f.includes('marked'));
    expect(frame).not.toContain('●');
  });

  test('two Spaces in one read mark two rows, as two presses would', async () => {
    const app = await inExports();
    app.stdin.write('  ');
    const frame = await app.waitFor('2 marked');
    expect(markedRow(frame, 'empty/')).toBe(true);
    expect(markedRow(frame, 'invoices/')).toBe(true);
    expect(frame).not.toContain('filter:');
  });

  test('* marks every object the filter shows, and unmarks them when all are', async () => {
    const app = await inExports();
    await app.press('.');
    await app.waitFor(/2 match/);
    await app.press('*');
    const frame = await app.waitFor('2 marked');
    expect(markedRow(frame, 'a-notes.txt')).toBe(true);
    expect(markedRow(frame, 'zz-last.bin')).toBe(true);
    await app.press('*');
    await app.waitFor((f) => !f.includes('marked'));
  });

  test('marks survive moving between folders; a marked folder is counted when signing', async () => {
    const app = await inExports();
    await app.press(' ');
    let frame = await app.waitFor('1 marked (1 folder: its objects are counted when signing)');
    expect(markedRow(frame, 'empty/')).toBe(true);
    // Space moved the cursor on to invoices/.
    await app.press(KEY.enter);
    await app.waitFor('›  invoices/');
    await app.press(KEY.end, ' ');
    await app.waitFor('2 marked');
    await app.press(KEY.backspace);
    frame = await app.waitFor(
      (f) => f.split('\n')[0]!.trimEnd().endsWith('customer-exports') && f.includes('2 marked'),
    );
    expect(markedRow(frame, 'empty/')).toBe(true);
  });

  test('Esc with marks asks before forgetting them: n keeps them, y forgets them', async () => {
    const app = await inExports();
    await app.press(KEY.end, ' ');
    await app.waitFor('1 marked');
    await app.press(KEY.escape);
    let frame = await app.waitFor('Forget the marked row and leave the bucket?');
    expect(frame).toMatch(/y yes {2}n no/);
    await app.press('n');
    frame = await app.waitFor('1 marked');
    expect(frame).toContain('›  customer-exports');
    await app.press(KEY.escape);
    await app.waitFor('Forget the marked row');
    await app.press('y');
    await app.waitFor(/of 5 buckets/);
  });

  test('Enter with marks signs one link per object with one expiry; c copies them all, f changes the format', async () => {
    const app = await inExports();
    // invoices/ (four objects, two levels deep) and zz-last.bin.
    await app.press(KEY.down, ' ', KEY.end, ' ');
    await app.waitFor('2 marked');
    await app.press(KEY.enter);
    await app.waitFor('Objects  1 object and everything in 1 folder');
    await app.press(KEY.enter);
    // The rows show ✓ once every link's check has answered.
    const frame = await app.waitFor('✓ all 5 links answer');
    expect(frame).toContain('5 links · expire in 1 hour');
    expect(frame).toContain('✓ invoices/2026/2026-q1-summary.csv');
    expect(frame).not.toContain('✗');
    expect(app.services.s3.callsOf('listPageRecursive').length).toBeGreaterThan(0);
    await app.press('c');
    await app.waitFor('Copied 5 links');
    const [plain] = app.services.clipboard.copied;
    expect(plain?.split('\n')).toHaveLength(5);
    for (const line of plain!.split('\n')) expect(line).toMatch(/^https:\/\/customer-exports\.\S+$/);
    expect(plain).toContain('/zz-last.bin?');
    await app.press('f', 'f', 'f');
    await app.waitFor('c copies all as CSV');
    await app.press('c');
    await app.waitFor((f) => app.services.clipboard.copied.length === 2 && f.includes('Copied'));
    const csv = app.services.clipboard.copied[1]!.split('\n');
    expect(csv[0]).toBe('key,url,expires_at');
    expect(csv[1]).toMatch(/^[^,]+,https?:\/\/[^,]+,\d{4}-\d\d-\d\dT/);
  });

  test('the copy format is kept for the session: the next list of links starts in it', async () => {
    const app = await inExports();
    await app.press(KEY.end, ' ', KEY.up, KEY.enter, KEY.enter);
    await app.waitFor('c copies all as URLs');
    await app.press('f');
    await app.waitFor('c copies all as key<TAB>URL');
    await app.press('n');
    await app.waitFor(/objects · 3 folders/);
    await app.press(' ', KEY.enter);
    await app.waitFor('Objects');
    await app.press(KEY.enter);
    await app.waitFor('c copies all as key<TAB>URL');
  });
});

describe('versions', () => {
  const versioned = {
    ...EXPORTS,
    versioning: 'enabled' as const,
    versions: [
      {
        key: 'a-notes.txt',
        versionId: 'v3-delete-marker-0001',
        isLatest: true,
        deleteMarker: true,
        lastModified: new Date('2026-04-03T00:00:00Z'),
      },
      {
        key: 'a-notes.txt',
        versionId: 'v2-second-000000002',
        isLatest: false,
        deleteMarker: false,
        size: 600,
        lastModified: new Date('2026-04-02T00:00:00Z'),
      },
      {
        key: 'a-notes.txt',
        versionId: 'v1-first-0000000001',
        isLatest: false,
        deleteMarker: false,
        size: 512,
        lastModified: new Date('2026-04-01T00:00:00Z'),
      },
    ],
  };

  test('v lists the versions newest first; a delete marker says why it cannot be shared; an old one is signed', async () => {
    const services = world({ accounts: { '*': [versioned, ...BUCKETS.slice(1)] } });
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor(/objects · 3 folders/);
    await app.press(KEY.end, KEY.up, 'v');
    let frame = await app.waitFor('Versions of a-notes.txt');
    expect(frame).toMatch(/v3-delete-m.*delete marker \(nothing to share\)\s+latest/);
    expect(frame.indexOf('v2-second')).toBeLessThan(frame.indexOf('v1-first'));
    await app.press(KEY.enter);
    await app.waitFor('Cannot share it: that version is a delete marker');
    await app.press(KEY.down, KEY.down, KEY.enter);
    await app.waitFor('Version  v1-first-0000000001');
    await app.press(KEY.enter);
    frame = await app.waitFor('link to');
    expect(frame).toContain('version v1-first-0000000001: fixed');
    expect(services.s3.presignRequests.at(-1)).toMatchObject({ key: 'a-notes.txt', versionId: 'v1-first-0000000001' });
  });

  test('on a bucket without versioning, v says that versioning is off', async () => {
    const app = await inExports();
    await app.press(KEY.end, 'v');
    await app.waitFor('Versioning is off for this bucket');
  });

  test('v is a letter of the filter once one is typed', async () => {
    const app = await inExports();
    await app.press('in', 'v');
    await app.waitFor('filter: inv');
  });
});
