/**
 * Sharing many, and sharing an old version, in a real terminal against the local S3 server:
 * marked objects give a list of checked links that `c` puts on the X clipboard one per line, each
 * serving its object; a version picked with `v` gives a link that serves that version's bytes
 * after the object has changed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, test } from 'vitest';
import { cursorOn, literal, useE2E, waitForResult } from '../support/e2e.js';
import { bodyFor, createBucket, uniqueBucket } from '../support/s3-fixture.js';

const run = promisify(execFile);
const e2e = useE2E();
const many = uniqueBucket('e2e-many');
const versioned = uniqueBucket('e2e-versions');
const MARKED = ['reports/2026-01.csv', 'reports/2026-02.csv'];
const OLD_BODY = 'the first version\n';
const NEW_BODY = 'the second version, longer\n';
let oldVersion = '';

beforeAll(async () => {
  // A neighbour that is not marked: it must not be among the links.
  await createBucket(e2e.admin, many, [...MARKED, 'reports/2026-03.csv']);
  await e2e.admin.send(new CreateBucketCommand({ Bucket: versioned }));
  await e2e.admin.send(
    new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  const first = await e2e.admin.send(new PutObjectCommand({ Bucket: versioned, Key: 'notes.txt', Body: OLD_BODY }));
  await e2e.admin.send(new PutObjectCommand({ Bucket: versioned, Key: 'notes.txt', Body: NEW_BODY }));
  oldVersion = first.VersionId ?? '';
  expect(oldVersion, 'the server gave the first version an id').not.toBe('');
});

/** What `c` put on the X clipboard. */
async function clipboard(): Promise<string> {
  const { stdout } = await run('xclip', ['-o', '-selection', 'clipboard'], { timeout: 5000 });
  return stdout;
}

async function bodyOf(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status, url.split('?')[0]).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString('utf8');
}

describe('sharing many and sharing a version', () => {
  test('two marked objects: both links checked ✓, c copies exactly the two URLs, each serves its object', async () => {
    expect(process.env.DISPLAY, 'run under xvfb-run: the copy goes to the X clipboard').toBeTruthy();
    const session = e2e.launch(e2e.home(), { args: ['--bucket', many, '--prefix', 'reports/'] });
    // With marks, rows keep a column for the mark (●) between the cursor and the name.
    const cursorAt = (name: string) => new RegExp(`^ ❯ [ ●] 📄 ${literal(name)}\\s`, 'm');
    await session.waitFor(cursorOn('📄 2026-01.csv'));
    // Space marks the row and moves on to the next.
    session.press(' ');
    await session.waitFor('1 marked');
    await session.waitFor(cursorAt('2026-02.csv'));
    session.press(' ');
    await session.waitFor('2 marked');
    session.press('Enter');
    await session.waitFor('Expires in (hours):');
    session.press('Enter');

    const screen = await session.waitFor('✓ all 2 links answer', 15_000);
    for (const key of MARKED) expect(screen).toMatch(new RegExp(`^ {2}✓ ${literal(key)}$`, 'm'));
    expect(screen).not.toContain('2026-03.csv');
    const onScreen = session.logicalLines().filter((line) => line.startsWith(`${e2e.server.endpoint}/`));
    expect(onScreen).toHaveLength(2);

    session.press('c');
    await session.waitFor('Copied 2 links (system clipboard).');
    const lines = (await clipboard()).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(onScreen.map((line) => line.trimEnd()));
    for (const [i, key] of MARKED.entries()) {
      expect(new URL(lines[i] as string).pathname).toBe(`/${many}/${key}`);
      expect(await bodyOf(lines[i] as string)).toBe(bodyFor(key).toString('utf8'));
    }
  });

  test('v, the oldest version, Enter: the copied link names the version and serves the old bytes', async () => {
    expect(process.env.DISPLAY, 'run under xvfb-run: the copy goes to the X clipboard').toBeTruthy();
    const session = e2e.launch(e2e.home(), { args: ['--bucket', versioned] });
    await session.waitFor(cursorOn('📄 notes.txt'));
    session.press('v');
    await session.waitFor('Versions of notes.txt');
    // Newest first: the old version is the second row; the cursor starts on the first.
    const shortId = oldVersion.slice(0, 12);
    await session.waitFor(new RegExp(`^ {3}${literal(shortId)}`, 'm'));
    session.press('Down');
    await session.waitFor(new RegExp(`^ ❯ ${literal(shortId)}`, 'm'));
    session.press('Enter');
    await session.waitFor(`Version  ${oldVersion}`);
    session.press('Enter');
    const url = await waitForResult(session, e2e.server);
    await session.waitFor('✓ checked');
    expect(session.screen()).toContain(`version ${oldVersion}: fixed`);

    session.press('c');
    await session.waitFor('Copied (system clipboard).');
    const copied = await clipboard();
    expect(copied).toBe(url);
    expect(new URL(copied).searchParams.get('versionId')).toBe(oldVersion);
    expect(await bodyOf(copied)).toBe(OLD_BODY);
    // The object itself has moved on: the version is what serves the old bytes.
    const current = await e2e.admin.send(new GetObjectCommand({ Bucket: versioned, Key: 'notes.txt' }));
    expect(await current.Body?.transformToString()).toBe(NEW_BODY);
  });
});
