/**
 * The whole flow in a real terminal, against the local S3 server: profile → bucket → folders →
 * object → expiry → result; the link read off the screen works, the copy key fills the X clipboard.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  cursorOn,
  GOOD_PROFILE,
  openBucket,
  openRow,
  signWithExpiry,
  twoProfiles,
  urlOnScreen,
  useE2E,
  waitForResult,
} from '../support/e2e.js';
import { bodyFor, createBucket, TRICKY_KEYS, uniqueBucket } from '../support/s3-fixture.js';

const run = promisify(execFile);
const e2e = useE2E();
const KEY = 'dir/sub dir/a b+c.txt';
const bucket = uniqueBucket('e2e-flow');

beforeAll(async () => {
  // Neighbours on every level, so that opening the wrong row shows.
  await createBucket(e2e.admin, bucket, [...TRICKY_KEYS, 'dir/other.txt', 'dir/sub dir/zzz.txt', 'dir2/x.txt']);
});

/** Launches with only the good profile and the bucket's `dir/sub dir/` open, on the row of KEY. */
async function openExpiryScreen(extraArgs: string[] = []) {
  const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'dir/sub dir/', ...extraArgs] });
  await openRow(session, '📄 a b+c.txt');
  await session.waitFor('Expires in (hours): 1');
  return session;
}

describe('the whole flow', () => {
  test('profile, bucket, two folders, an object and 24 hours give a link that serves the object', async () => {
    const session = e2e.launch(e2e.home(twoProfiles()));

    // Two profiles: the picker shows them; the cursor starts on the first, the refused one.
    await session.waitFor('2 of 2 profiles');
    await openRow(session, GOOD_PROFILE);
    await session.waitFor(`s3share  ›  ${GOOD_PROFILE}`);

    await openBucket(session, bucket);
    await session.waitFor(`›  ${bucket}`);
    await openRow(session, '📁 dir/');
    await session.waitFor(`›  ${bucket}  ›  dir/`);
    await openRow(session, '📁 sub dir/');
    await session.waitFor(`›  ${bucket}  ›  dir/sub dir/`);
    await openRow(session, '📄 a b+c.txt');

    await session.waitFor(`s3://${bucket}/${KEY}`);
    await signWithExpiry(session, '24');
    const url = await waitForResult(session, e2e.server);
    const signedAt = Date.now();
    const screen = session.screen();

    expect(screen).toContain(`GET link to s3://${bucket}/${KEY}`);
    expect(screen).toMatch(/Expires in 24 hours/);
    const iso = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)/.exec(screen.slice(screen.indexOf('Expires in 24 hours')))?.[1];
    expect(iso, 'an ISO-8601 UTC time on the expiry line').toBeDefined();
    const aheadMs = Date.parse(iso as string) - signedAt;
    expect(Math.abs(aheadMs - 24 * 3600_000), `expiry ${iso} is 24 h ahead`).toBeLessThan(2 * 60_000);

    // The link as a person would copy it off the screen: it serves exactly the seeded bytes.
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('86400');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bodyFor(KEY))).toBe(true);

    // The server checks signatures: the same link with one character of the signature changed is refused.
    const signature = new URL(url).searchParams.get('X-Amz-Signature') as string;
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    const tampered = url.replace(`X-Amz-Signature=${signature}`, `X-Amz-Signature=${flipped}`);
    expect(tampered).not.toBe(url);
    const refused = await fetch(tampered);
    await refused.arrayBuffer();
    expect(refused.status).toBe(403);
  });

  test('c copies exactly the URL on the screen to the X clipboard', async () => {
    expect(process.env.DISPLAY, 'run under xvfb-run: the copy goes to the X clipboard').toBeTruthy();
    const session = await openExpiryScreen();
    await signWithExpiry(session, '2');
    const url = await waitForResult(session, e2e.server);

    session.press('c');
    await session.waitFor('Copied (system clipboard).');
    const { stdout } = await run('xclip', ['-o', '-selection', 'clipboard'], { timeout: 5000 });
    expect(stdout).toBe(url);
    // The notice does not disturb the link on screen.
    expect(urlOnScreen(session, e2e.server)).toBe(url);
  });

  test('--clear-clipboard-after empties the clipboard later, unless it holds something else by then', async () => {
    // An emptied clipboard offers no text at all: xclip then fails with "target STRING not available".
    const clipboard = () =>
      run('xclip', ['-o', '-selection', 'clipboard'], { timeout: 5000 }).then(
        (r) => r.stdout,
        () => '',
      );
    const copyWithClear = async () => {
      const session = await openExpiryScreen(['--clear-clipboard-after', '2']);
      await signWithExpiry(session, '1');
      const url = await waitForResult(session, e2e.server);
      session.press('c');
      await session.waitFor('cleared in 2 s');
      expect(await clipboard()).toBe(url);
      session.press('q');
      await session.exit;
      return url;
    };
    // Still the URL after 2 s: cleared, even though the app has quit.
    await copyWithClear();
    await expect.poll(clipboard, { timeout: 8000, interval: 250 }).toBe('');
    // Something else copied meanwhile: left alone.
    await copyWithClear();
    await run('sh', ['-c', "printf 'other text' | xclip -i -selection clipboard"], { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await clipboard()).toBe('other text');
  });

  test('without a display, c falls back to OSC 52: the terminal receives exactly the URL', async () => {
    const session = e2e.launch(e2e.home(), {
      args: ['--bucket', bucket, '--prefix', 'dir/sub dir/'],
      env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
    });
    await openRow(session, '📄 a b+c.txt');
    await signWithExpiry(session, '1');
    const url = await waitForResult(session, e2e.server);
    session.press('c');
    await session.waitFor(/Sent to the terminal \(OSC 52\)/);
    const sequences = [...session.raw.matchAll(/\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)/g)];
    expect(sequences).toHaveLength(1);
    expect(Buffer.from(sequences[0]?.[1] as string, 'base64').toString('utf8')).toBe(url);
  });

  test('e changes the expiry of the same object: a new link for the new time', async () => {
    const session = await openExpiryScreen();
    await signWithExpiry(session, '24');
    const first = await waitForResult(session, e2e.server);
    session.press('e');
    // Back on the expiry screen, with what was typed last.
    await session.waitFor('Expires in (hours): 24');
    await signWithExpiry(session, '90m');
    await session.waitFor('Expires in 1 hour 30 minutes');
    const second = urlOnScreen(session, e2e.server);
    expect(second).not.toBe(first);
    expect(new URL(second).pathname).toBe(new URL(first).pathname);
    expect(new URL(second).searchParams.get('X-Amz-Expires')).toBe('5400');
    expect((await fetch(second)).status).toBe(200);
  });

  test('the cursor row is what Enter opens (a neighbour is not opened instead)', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'dir/'] });
    await session.waitFor(cursorOn('📁 sub dir/'));
    await openRow(session, '📄 other.txt');
    await session.waitFor(`s3://${bucket}/dir/other.txt`);
    await signWithExpiry(session, '1');
    const url = await waitForResult(session, e2e.server);
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe(bodyFor('dir/other.txt').toString());
  });
});
