/**
 * Bad input in a real terminal, against the real S3 server:
 * - the expiry texts typed (or pasted) on the expiry screen: refused inline with the screen
 *   in place, or signed for the right time;
 * - awkward object keys seeded on the server (only `/`, a trailing `/`, `//`, 1,024 bytes of
 *   non-ASCII, `%#?+`, spaces, newlines, control characters, right-to-left marks): listed, shown
 *   escaped, signed, and the URL read off the screen serves the bytes;
 * - broken config files: the profile screen says what it found, nothing crashes or hangs;
 * - a key holding an OSC 52 sequence never writes the clipboard: the only OSC 52 in the terminal's
 *   byte stream is the one the app sends on `c`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cursorOn, GOOD_PROFILE, openBucket, useE2E, waitForResult } from '../support/e2e.js';
import { stripAnsi } from '../support/terminal/ansi.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { bodyFor, createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-bad-input');

/** Characters that must never reach the terminal raw from a key: C0 but ESC (Ink's own), DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u0006\u000e-\u001a\u001c-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** An OSC 52 "set clipboard" sequence. */
const OSC52 = /\x1b\]52;[^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** Escaped as the app shows text (src/core/printable.ts), written out here to compare with the screen. */
function shown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };
    if (named[char]) return named[char];
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Each awkward key alone in its own folder, so the folder's one row is the key. (The URL of the
 * 1,024-byte key is over 3,000 characters: its test uses a terminal big enough to show it whole.)
 */
const KEYS: Array<[string, string]> = [
  ['percent signs', 'k-percent/100% sure %41%2F.txt'],
  ['a hash, a question mark and a plus', 'k-hash/#1 why? a+b.txt'],
  ['spaces', 'k-spaces/ two  spaces .txt'],
  ['a newline', 'k-newline/one\ntwo.txt'],
  ['a carriage return and a tab', 'k-cr/cr\r\ttab.txt'],
  ['control characters', 'k-ctl/bell\u0007 del\u007f c1\u0085.txt'],
  ['an OSC 0 title sequence', 'k-title/\u001b]0;pwned-title\u0007.txt'],
  ['right-to-left marks', 'k-rtl/\u202Egnp.exe \u200F\u2067x\u2069.txt'],
  ['1,024 bytes of non-ASCII', `k-long/${'é'.repeat(506)}x.txt`], // 7 + 1,012 + 5 bytes
];
const SLASH_ONLY = '/';
const FOLDER_OBJECT = 'k-folder-object/';
const DOUBLE_SLASH = 'k-double//slash.txt';
const SECRET_KEY = 'k-secret/\u001b]52;c;cHdubmVk\u0007.txt';

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, [
    ...KEYS.map(([, key]) => key),
    SLASH_ONLY,
    FOLDER_OBJECT,
    `${FOLDER_OBJECT}inside.txt`,
    DOUBLE_SLASH,
    SECRET_KEY,
    'expiry/target.txt',
  ]);
}, 60_000);

function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** The raw byte stream holds nothing unsafe (Ink's own ESC sequences aside) and no OSC but the app's. */
function expectNothingRaw(session: PtySession): void {
  const text = stripAnsi(session.raw);
  const bad = UNSAFE.exec(text);
  expect(bad, `a raw ${JSON.stringify(bad?.[0])} reached the terminal`).toBeNull();
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** What the expiry input holds, as shown (undefined when its label is not on the screen). */
function typedExpiry(session: PtySession): string | undefined {
  const line = session.lines().find((l) => l.includes('Expires in (hours):'));
  return line === undefined
    ? undefined
    : line.slice(line.indexOf('Expires in (hours):') + 'Expires in (hours):'.length).trim();
}

/** On the expiry screen: erases what is typed (one Backspace per character), pastes `text` in one write, presses Enter. */
async function typeExpiry(session: PtySession, text: string): Promise<void> {
  await session.waitFor(() => typedExpiry(session) !== undefined);
  for (let guard = 0; typedExpiry(session) !== ''; guard += 1) {
    if (guard > 40) throw new Error(`could not clear the expiry input:\n${session.screen()}`);
    const before = typedExpiry(session);
    session.press('Backspace');
    await session.waitFor(() => typedExpiry(session) !== before);
  }
  if (text !== '') session.write(text);
  if (text.length > 1024) {
    // Longer than any field takes: refused as a whole, said on the screen; nothing to sign.
    await session.waitFor('An expiry is at most 1024 characters');
    return;
  } else if (text.length > 60) {
    // A long paste: the field shows its end, shortened at the start ("…psum lore").
    const tail = text.trimEnd().slice(-12);
    await session.waitFor(() => session.lines().some((l) => l.startsWith('  …') && l.trimEnd().endsWith(tail)), 10_000);
  } else if (text.trim() !== '') {
    await session.waitFor(() => typedExpiry(session) === text);
  }
  session.press('Enter');
}

describe('expiry text typed on the expiry screen', () => {
  const PASTE_DIGITS = '9'.repeat(10_000);
  const PASTE_TEXT = 'lorem ipsum '.repeat(834).slice(0, 10_000);
  const REFUSED: Array<[string, string, string]> = [
    ['nothing', '', 'Enter how long the link should work'],
    ['a space', ' ', 'Enter how long the link should work'],
    ['0', '0', 'is shorter than 1 second'],
    ['-1', '-1', 'is not a duration'],
    ['abc', 'abc', 'is not a duration'],
    ['1e9', '1e9', 'is not a duration'],
    ['NaN', 'NaN', 'is not a duration'],
    ['Infinity', 'Infinity', 'is not a duration'],
    ['168.01', '168.01', 'is over the 168-hour (7-day) limit'],
    ['169', '169', 'is over the 168-hour (7-day) limit'],
    ['0.0001', '0.0001', 'is shorter than 1 second'],
    ['7.5d', '7.5d', 'is over the 168-hour (7-day) limit'],
    ['a paste of 10,000 digits', PASTE_DIGITS, 'An expiry is at most 1024 characters'],
    ['a paste of 10,000 characters of text', PASTE_TEXT, 'An expiry is at most 1024 characters'],
  ];
  const ACCEPTED: Array<[string, number, string]> = [
    ['24h', 86_400, '24h'],
    ['1w', 604_800, '1w'],
    ['7d', 604_800, '7d'],
    ['full-width digits', 86_400, '２４'],
  ];

  async function onExpiryScreen(): Promise<PtySession> {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'expiry/'] });
    await session.waitFor(cursorOn('📄 target.txt'));
    session.press('Enter');
    await session.waitFor('Expires in (hours): 1');
    return session;
  }

  test.each(REFUSED)(
    '%s is refused inline: the screen stays, no stack trace, nothing signed',
    async (_name, text, message) => {
      const session = await onExpiryScreen();
      await typeExpiry(session, text);
      const screen = await session.waitFor((s) => s.replace(/\s+/g, ' ').includes(message));
      expect(screen).toContain(`Object   s3://${bucket}/expiry/target.txt`);
      expect(screen).not.toContain('GET link to');
      expect(screen).toMatch(/⏎ sign the link/);
      expect(stripAnsi(session.raw)).not.toMatch(/^\s*at .+:\d+:\d+\)?\s*$/m);
      expect(session.exited).toBeUndefined();
      // The screen is still live: a good value signs.
      session.press('Esc');
      await session.waitFor(cursorOn('📄 target.txt'));
      session.press('Enter');
      await typeExpiry(session, '2');
      const url = await waitForResult(session, e2e.server);
      expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('7200');
    },
  );

  test.each(ACCEPTED)('%s signs for %i seconds, and the link works', async (_name, seconds, text) => {
    const session = await onExpiryScreen();
    await typeExpiry(session, text);
    const url = await waitForResult(session, e2e.server);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe(String(seconds));
    expect(await fetchBytes(url)).toEqual(bodyFor('expiry/target.txt'));
  });
});

describe('awkward object keys: listed, shown escaped, signed, fetched', () => {
  /** Signs the row the cursor is on for 1 hour and returns the URL read off the screen. */
  async function signCursorRow(session: PtySession, key: string): Promise<string> {
    session.press('Enter');
    await session.waitFor('Expires in (hours): 1');
    // The object line (shortened in the middle if long) shows the key escaped.
    const objectLine = session.lines().find((line) => line.startsWith('  Object   s3://')) ?? '';
    const visible = objectLine.replace('  Object   ', '').split('…');
    for (const part of visible) expect(shown(`s3://${bucket}/${key}`)).toContain(part.trim());
    session.press('Enter');
    return waitForResult(session, e2e.server);
  }

  test.each(KEYS)('a key with %s', async (_name, key) => {
    const long = Buffer.byteLength(key) > 1000;
    const session = e2e.launch(e2e.home(), {
      args: ['--bucket', bucket, '--prefix', folderOf(key)],
      ...(long ? { cols: 220, rows: 50 } : {}),
    });
    const name = key.slice(folderOf(key).length);
    // One row, escaped (a long name is shortened in the middle: compare the ends).
    const row = await session.waitFor(/^ ❯ ?📄 /m);
    const line = row.split('\n').find((l) => /^ ❯ ?📄 /.test(l)) ?? '';
    expect.soft(line, 'the cursor mark keeps its column (" ❯ 📄 name")').toMatch(/^ ❯ 📄 /);
    const label = line
      .replace(/^ ❯ ?📄 /, '')
      .replace(/\s+\d[\d.,]* (?:B|kB)\s+\d{4}-\d\d-\d\d \d\d:\d\d$/, '')
      .trimEnd();
    const [head, tail] = label.split('…');
    expect(
      shown(name).startsWith(head ?? ''),
      `row ${JSON.stringify(label)} shows ${JSON.stringify(shown(name))}`,
    ).toBe(true);
    if (tail !== undefined) expect(shown(name).endsWith(tail)).toBe(true);
    else expect(label).toBe(shown(name).trimEnd());

    const url = await signCursorRow(session, key);
    expect(await fetchBytes(url)).toEqual(bodyFor(key));
    expectNothingRaw(session);
  });

  test('a name too long for the row is shortened in the middle; the cursor mark keeps its column', async () => {
    const key = KEYS.find(([name]) => name.startsWith('1,024'))?.[1] as string;
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', folderOf(key)] });
    await session.waitFor(/❯ ?📄 /);
    const line = session.lines().find((l) => l.includes('❯')) ?? '';
    expect(line).toMatch(/^ ❯ 📄 é+…é+x\.txt +1 kB +\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test('a key that is only "/": its folder "/" holds it, and it signs', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket] });
    await session.waitFor(/^ [ ❯] 📁 \/\s*$/m);
    while (!cursorOn('📁 /').test(session.screen())) {
      const before = session.screen();
      session.press('Down');
      await session.waitFor((s) => s !== before);
    }
    session.press('Enter');
    await session.waitFor(`›  ${bucket}  ›  /`);
    // The object "/" itself must be there to pick (it is not an empty folder marker: it has bytes).
    await session.waitFor(/^ ❯ 📄 /m, 5_000);
    const url = await signCursorRow(session, SLASH_ONLY);
    expect(await fetchBytes(url)).toEqual(bodyFor(SLASH_ONLY));
  });

  test('a key ending in "/" that holds bytes: listed in its folder, and it signs', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', FOLDER_OBJECT] });
    await session.waitFor('📄 inside.txt');
    // Besides inside.txt, a row for the object "k-folder-object/" itself.
    await session.waitFor((s) => (s.match(/^ [ ❯] 📄 /gm) ?? []).length === 2, 5_000);
    const rows = session.lines().filter((l) => / 📄 /.test(l));
    const own = rows.find((l) => !l.includes('inside.txt')) ?? '';
    const index = session.lines().indexOf(own);
    while (session.lines().findIndex((l) => l.startsWith(' ❯ ')) !== index) {
      const before = session.screen();
      session.press('Down');
      await session.waitFor((s) => s !== before);
    }
    const url = await signCursorRow(session, FOLDER_OBJECT);
    expect(new URL(url).pathname).toBe(`/${bucket}/${FOLDER_OBJECT}`);
    expect(await fetchBytes(url)).toEqual(bodyFor(FOLDER_OBJECT));
  });

  test('a key with "//": the folder "/" inside "k-double/" leads to it, and it signs', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'k-double/'] });
    await session.waitFor(cursorOn('📁 /'));
    session.press('Enter');
    await session.waitFor(`›  ${bucket}  ›  k-double//`);
    await session.waitFor(cursorOn('📄 slash.txt'));
    const url = await signCursorRow(session, DOUBLE_SLASH);
    expect(new URL(url).pathname).toBe(`/${bucket}/k-double//slash.txt`);
    expect(await fetchBytes(url)).toEqual(bodyFor(DOUBLE_SLASH));
  });
});

describe('a key holding an OSC 52 sequence', () => {
  test('never writes the clipboard: shown escaped on every screen; the one OSC 52 is the app’s own copy', async () => {
    // No display: the copy key falls back to OSC 52, so the app's own sequence is in the stream too.
    const session = e2e.launch(e2e.home(), {
      args: ['--bucket', bucket, '--prefix', folderOf(SECRET_KEY)],
      env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
    });
    const name = SECRET_KEY.slice(folderOf(SECRET_KEY).length);
    await session.waitFor(cursorOn(`📄 ${shown(name)}`));
    expect(session.raw.match(OSC52), 'no OSC 52 on the object list').toBeNull();

    session.press('Enter');
    await session.waitFor(`Object   s3://${bucket}/${shown(SECRET_KEY)}`);
    expect(session.raw.match(OSC52), 'no OSC 52 on the expiry screen').toBeNull();

    session.press('Enter');
    const url = await waitForResult(session, e2e.server);
    // The title (shortened in the middle to fit) shows the key escaped.
    expect(session.lines().find((l) => l.startsWith('  GET link to s3://'))).toContain(shown(name));
    expect(session.raw.match(OSC52), 'no OSC 52 on the result screen').toBeNull();
    expect(await fetchBytes(url)).toEqual(bodyFor(SECRET_KEY));

    session.press('?');
    await session.waitFor('Press any key to close.');
    session.press('x');
    await session.waitForGone('Press any key to close.');

    session.press('c');
    await session.waitFor(/Sent to the terminal \(OSC 52\)/);
    const sequences = [...session.raw.matchAll(/\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)/g)];
    expect(sequences, 'exactly one OSC 52: the copy').toHaveLength(1);
    expect(Buffer.from(sequences[0]?.[1] as string, 'base64').toString('utf8')).toBe(url);
    expect(session.raw.match(OSC52)).toHaveLength(1);
    expectNothingRaw(session);
  });
});

describe('config files', () => {
  const GARBAGE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

  /** A home with ~/.aws holding what `setup` writes. */
  function homeWith(setup: (aws: string) => void) {
    const home = e2e.emptyHome();
    const aws = join(home.path, '.aws');
    mkdirSync(aws);
    setup(aws);
    return home;
  }
  const keys = () =>
    `aws_access_key_id = ${e2e.server.accessKeyId}\naws_secret_access_key = ${e2e.server.secretAccessKey}\n`;
  const profile = (name: string) =>
    `[profile ${name}]\nregion = ${e2e.server.region}\nendpoint_url = ${e2e.server.endpoint}\n`;

  test.each<[string, (aws: string) => void, string[]]>([
    ['both files missing', () => {}, ['No AWS profiles found', '(missing)']],
    [
      'both files empty',
      (aws) => {
        writeFileSync(join(aws, 'config'), '');
        writeFileSync(join(aws, 'credentials'), '');
      },
      ['No AWS profiles found', '(no profiles in it)'],
    ],
    [
      'config unreadable (a directory)',
      (aws) => mkdirSync(join(aws, 'config')),
      ['No AWS profiles found', '(unreadable)'],
    ],
    [
      'config of binary garbage',
      (aws) => writeFileSync(join(aws, 'config'), GARBAGE),
      ['No AWS profiles found', 'not a text file'],
    ],
  ])('%s: the profile screen says what it found; Esc leaves (130)', async (_name, setup, expected) => {
    const session = e2e.launch(homeWith(setup));
    for (const text of expected) await session.waitFor(text);
    expectNothingRaw(session);
    session.press('Esc');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
  });

  test('binary garbage in config, a good profile in credentials: the profile is listed, the problem shown, it works', async () => {
    const home = homeWith((aws) => {
      writeFileSync(join(aws, 'config'), GARBAGE);
      writeFileSync(join(aws, 'credentials'), `[${GOOD_PROFILE}]\n${keys()}[another]\n${keys()}`);
    });
    // Without a config the profile has no endpoint: give it one.
    const session = e2e.launch(home, { args: ['--endpoint-url', e2e.server.endpoint] });
    await session.waitFor('2 of 2 profiles');
    await session.waitFor('not a text file');
    session.press('Down');
    await session.waitFor(cursorOn(GOOD_PROFILE));
    session.press('Enter');
    await session.waitFor(`s3share  ›  ${GOOD_PROFILE}`);
    await openBucket(session, bucket);
    await session.waitFor('📁 expiry/');
    expectNothingRaw(session);
  });

  test('the same profile twice: listed once, and it works', async () => {
    const home = homeWith((aws) => {
      writeFileSync(
        join(aws, 'config'),
        `${profile(GOOD_PROFILE)}${profile(GOOD_PROFILE)}[profile other]\nregion = us-east-1\n`,
      );
      writeFileSync(join(aws, 'credentials'), `[${GOOD_PROFILE}]\n${keys()}[${GOOD_PROFILE}]\n${keys()}`);
    });
    const session = e2e.launch(home);
    const screen = await session.waitFor('2 of 2 profiles');
    expect(screen.match(new RegExp(`^ [ ❯] ${GOOD_PROFILE}\\s`, 'gm'))).toHaveLength(1);
    session.press('Down');
    await session.waitFor(cursorOn(GOOD_PROFILE));
    session.press('Enter');
    await openBucket(session, bucket);
  });

  test('a source_profile loop: opening the profile shows one line naming the loop, at once; Esc goes back', async () => {
    const home = homeWith((aws) =>
      writeFileSync(
        join(aws, 'config'),
        `${profile('loop-a')}role_arn = arn:aws:iam::1:role/a\nsource_profile = loop-b\n` +
          `${profile('loop-b')}role_arn = arn:aws:iam::1:role/b\nsource_profile = loop-a\n`,
      ),
    );
    const session = e2e.launch(home);
    await session.waitFor(cursorOn('loop-a'));
    session.press('Enter');
    await session.waitFor('s3share  ›  loop-a');
    const screen = await session.waitFor(/cycle/i, 5_000);
    expect(screen).not.toMatch(/^\s+at /m);
    session.press('Esc');
    await session.waitFor('2 of 2 profiles');
    expect(session.exited).toBeUndefined();
  });
});
