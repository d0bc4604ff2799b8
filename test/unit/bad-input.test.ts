/**
 * Bad input, one table per list of the issue, at the level that decides: the expiry text
 * (parseExpiry), `s3://` arguments (parseS3Uri and the command line), and the AWS config files
 * (discoverProfiles). Every refusal is one short line that names the problem, holds no raw control
 * or bidirectional character, and never throws. The same lists go through the screens and the
 * built binary in test/component/bad-input.test.tsx, test/integration/bad-input.test.ts and
 * test/e2e/bad-input.test.ts.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverProfiles } from '../../src/adapters/aws-profiles.js';
import { parseArguments, UsageError } from '../../src/args.js';
import { parseExpiry } from '../../src/core/expiry.js';
import { printable } from '../../src/core/printable.js';
import { parseS3Uri } from '../../src/core/s3-uri.js';

/** Characters that must never reach a terminal raw: C0, DEL, C1, and the bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A refusal message a person reads: one line, short, nothing that can drive a terminal. */
function expectSafeMessage(message: string): void {
  expect(message, JSON.stringify(message)).not.toMatch(UNSAFE);
  expect(message.length, `a short message, not ${message.length} characters`).toBeLessThan(200);
  expect(message).not.toMatch(/\bat .+:\d+:\d+/);
}

const HOUR = 3600;
const PASTE_DIGITS = '9'.repeat(10_000);
const PASTE_TEXT = 'lorem ipsum '.repeat(834).slice(0, 10_000);

describe('expiry text', () => {
  it.each([
    ['', /Enter how long the link should work/],
    [' ', /Enter how long the link should work/],
    ['\t \u3000', /Enter how long the link should work/],
    ['0', /“0” is shorter than 1 second/],
    ['-1', /“-1” is not a duration/],
    ['abc', /“abc” is not a duration/],
    ['1e9', /“1e9” is not a duration/],
    ['NaN', /“NaN” is not a duration/],
    ['Infinity', /“Infinity” is not a duration/],
    ['-Infinity', /not a duration/],
    ['168.01', /“168\.01” is over the 168-hour \(7-day\) limit/],
    ['169', /“169” is over the 168-hour \(7-day\) limit/],
    ['0.0001', /“0\.0001” is shorter than 1 second/],
    ['7.5d', /“7\.5d” is over the 168-hour/],
    ['8d', /over the 168-hour/],
    ['2w', /over the 168-hour/],
    ['10081m', /over the 168-hour/],
    ['0x10', /not a duration/],
    ['1_000', /not a duration/],
    ['1,5', /not a duration/],
    ['1.', /not a duration/],
    ['+1', /not a duration/],
    ['24hours', /not a duration/],
    ['1h1h', /not a duration/],
    ['٢٤', /not a duration/], // Arabic-Indic digits: not folded by NFKC
    ['24\u202E', /not a duration/],
    ['24\u0000', /not a duration/],
    ['\u001b]52;c;aGk=\u0007', /not a duration/],
    [PASTE_DIGITS, /is over the 168-hour/],
    [PASTE_TEXT, /is not a duration/],
  ])('refuses %j with one safe line', (text, message) => {
    const parsed = parseExpiry(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(message);
    // The text typed is quoted back, shortened and escaped.
    expectSafeMessage(parsed.message);
  });

  it.each([
    ['24h', 24 * HOUR],
    ['1w', 168 * HOUR],
    ['7d', 168 * HOUR],
    ['168', 168 * HOUR],
    ['10080m', 168 * HOUR],
    ['１', HOUR], // full-width digits
    ['２４', 24 * HOUR],
    ['１．５', 1.5 * HOUR],
    ['７ｄ', 168 * HOUR],
    ['１ｗ', 168 * HOUR],
    [' 24 ', 24 * HOUR],
    ['24 h', 24 * HOUR],
    ['24H', 24 * HOUR],
    ['1.5', 1.5 * HOUR],
    ['.5', HOUR / 2],
    ['90m', 90 * 60],
    ['0.001', 4], // 3.6 s: one second or more is a valid presigned URL
    ['007', 7 * HOUR],
  ])('accepts %j as %i seconds', (text, seconds) => {
    expect(parseExpiry(text)).toEqual({ ok: true, seconds });
  });
});

describe('s3:// arguments', () => {
  const KEY_1024 = 'é'.repeat(512);
  const KEY_1025 = `${'é'.repeat(512)}x`;

  it.each([
    ['s3://', /needs a bucket/],
    ['s3://b', /not a valid bucket name/],
    ['s3://b/', /not a valid bucket name/],
    ['s3://bkt', /needs a key/],
    ['s3://bkt/', /needs a key/],
    ['S3://b/k', /not a valid bucket name/],
    ['https://b.s3.amazonaws.com/k', /not an S3 URI/],
    ['s3://bad_bucket/k', /not a valid bucket name/],
    ['s3://Bucket/k', /not a valid bucket name/],
    ['s3:///k', /needs a bucket/],
    ['s3:/bkt/k', /expected s3:\/\/BUCKET\/KEY/],
    ['', /expected s3:\/\/BUCKET\/KEY/],
    [`s3://bkt/${KEY_1025}`, /the key is 1025 bytes long; S3 allows 1024/],
    ['s3://bad\u001b]52;c;aGk=\u0007/k', /not a valid bucket name/],
    ['s3://\u202Ebkt/k', /not a valid bucket name/],
    ['s3://b\u009bkt/k', /not a valid bucket name/],
    ['s3://bkt\n/k', /not a valid bucket name/],
    [`https://${'x'.repeat(5_000)}`, /not an S3 URI/],
  ])('refuses %j with one safe line', (text, message) => {
    const parsed = parseS3Uri(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(message);
    expectSafeMessage(parsed.message);
  });

  it.each([
    ['S3://bkt/k', 'k'],
    [`s3://bkt/${KEY_1024}`, KEY_1024],
    ['s3://bkt/100%', '100%'],
    ['s3://bkt/%41%2F', '%41%2F'],
    ['s3://bkt/a#b', 'a#b'],
    ['s3://bkt/a?b=c', 'a?b=c'],
    ['s3://bkt/a+b', 'a+b'],
    ['s3://bkt/a b  c ', 'a b  c '],
    ['s3://bkt/line\nbreak', 'line\nbreak'],
    ['s3://bkt/cr\r\n', 'cr\r\n'],
    ['s3://bkt/tab\there', 'tab\there'],
    ['s3://bkt/ctl\u0001\u007f\u009b', 'ctl\u0001\u007f\u009b'],
    ['s3://bkt/\u202Eexe.txt', '\u202Eexe.txt'],
    ['s3://bkt/\u200F\u2066rtl\u2069', '\u200F\u2066rtl\u2069'],
    ['s3://bkt/\u001b]52;c;aGk=\u0007', '\u001b]52;c;aGk=\u0007'],
    ['s3://bkt//', '/'],
    ['s3://bkt/a//b', 'a//b'],
    ['s3://bkt/dir/', 'dir/'],
  ])('takes %j with the key exactly as typed', (text, key) => {
    expect(parseS3Uri(text)).toEqual({ ok: true, location: { bucket: 'bkt', key } });
  });

  it('keys with control characters and bidi marks are shown escaped, never raw', () => {
    for (const key of [
      'line\nbreak',
      'ctl\u0001\u007f\u009b',
      '\u202Eexe.txt',
      '\u001b]52;c;aGk=\u0007',
      '\u200F\u2066rtl\u2069',
    ]) {
      const shown = printable(key);
      expect(shown, JSON.stringify(shown)).not.toMatch(UNSAFE);
    }
    expect(printable('\u001b]52;c;aGk=\u0007')).toBe('\\e]52;c;aGk=\\x07');
    expect(printable('\u202Eexe.txt')).toBe('\\u202eexe.txt');
  });

  it.each([
    [['--hours', 'Infinity', 's3://bkt/k'], /--hours takes a number of hours/],
    [['--hours', '1e9', 's3://bkt/k'], /--hours takes a number of hours/],
    [['--hours', '169', 's3://bkt/k'], /over the 168-hour/],
    [['--expires', '7.5d', 's3://bkt/k'], /over the 168-hour/],
    [['--expires', '', 's3://bkt/k'], /Enter how long/],
    [['--expires-in', '604801', 's3://bkt/k'], /whole seconds from 1 to 604800/],
    [['--expires-in', '1.5', 's3://bkt/k'], /whole seconds/],
    [['--expires-in', '0', 's3://bkt/k'], /whole seconds/],
    [['--timeout', '0', 's3://bkt/k'], /--timeout takes whole seconds/],
    [['--timeout', '-1', 's3://bkt/k'], /--timeout|argument/],
    [['--timeout', 'abc', 's3://bkt/k'], /--timeout takes whole seconds/],
    [['--timeout', '601', 's3://bkt/k'], /--timeout takes whole seconds/],
    [['--timeout', '0.0001', 's3://bkt/k'], /--timeout takes whole seconds from 1 to 600/],
    [['--endpoint-url', 'ftp://x', 's3://bkt/k'], /must start with http/],
    [['--endpoint-url', 'not a url', 's3://bkt/k'], /is not a URL/],
    [['s3://bkt/b', 's3://c/d'], /not a valid bucket name/],
    [['s3://bkt/logs/'], /is a folder: add --recursive/],
    [['--version-id', 'v1', 's3://bkt/a', 's3://bkt/b'], /exactly one/],
    [['--format', 'xml', 's3://bkt/k'], /--format takes plain, tsv, markdown, csv/],
  ])('the command line %j is a usage error', (argv, message) => {
    let error: unknown;
    try {
      parseArguments(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('config files', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) {
      try {
        chmodSync(join(dir, 'config'), 0o600);
      } catch {
        // not a file here
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  type Setup = (dir: string) => void;
  /** Runs discovery on the files `setup` leaves in a fresh directory (config, credentials). */
  async function discover(setup: Setup) {
    const dir = mkdtempSync(join(tmpdir(), 's3share-bad-config-'));
    made.push(dir);
    setup(dir);
    return discoverProfiles({
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    });
  }
  const write =
    (name: string, content: string | Buffer): Setup =>
    (dir) =>
      writeFileSync(join(dir, name), content);
  const both =
    (...steps: Setup[]): Setup =>
    (dir) =>
      steps.forEach((step) => step(dir));
  const GARBAGE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const KEYS = '[a]\naws_access_key_id = AKIDA\naws_secret_access_key = s\n';

  it.each<[string, Setup, { states: string[]; names: string[]; problem?: RegExp }]>([
    ['both missing', () => {}, { states: ['missing', 'missing'], names: [] }],
    ['both empty', both(write('config', ''), write('credentials', '')), { states: ['read', 'read'], names: [] }],
    [
      'only blank lines and comments',
      write('config', '\n\n# c\n; c\n   \n'),
      { states: ['read', 'missing'], names: [] },
    ],
    [
      'config is a directory (unreadable)',
      (dir) => mkdirSync(join(dir, 'config')),
      { states: ['unreadable', 'missing'], names: [] },
    ],
    [
      'binary garbage in config',
      both(write('config', GARBAGE), write('credentials', KEYS)),
      { states: ['read', 'read'], names: ['a'], problem: /config: not a text file/ },
    ],
    [
      'text garbage without a NUL in config',
      both(write('config', '\u001b]52;c;aGk\u0007\u00ff\u00fe[[[ ]]]\n[profile b\n'), write('credentials', KEYS)),
      { states: ['read', 'read'], names: ['a'], problem: /config line 1: cannot read/ },
    ],
    [
      'the same profile twice in config',
      write('config', '[profile a]\nregion = us-east-1\n[profile a]\nregion = eu-west-1\n'),
      { states: ['read', 'missing'], names: ['a'] },
    ],
    [
      'the same profile in config and credentials',
      both(write('config', '[profile a]\nregion = eu-west-1\n'), write('credentials', KEYS)),
      { states: ['read', 'read'], names: ['a'] },
    ],
    [
      '[default] and [profile default]',
      write('config', '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n'),
      { states: ['read', 'missing'], names: ['default'] },
    ],
    [
      'source_profile loop of two',
      write(
        'config',
        '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n',
      ),
      { states: ['read', 'missing'], names: ['a', 'b'] },
    ],
    [
      'source_profile naming itself',
      write('config', '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n'),
      { states: ['read', 'missing'], names: ['a'] },
    ],
  ])('%s: discovery settles, lists each profile once, says what it read', async (_name, setup, expected) => {
    const discovery = await discover(setup);
    expect(discovery.files.map((f) => f.state)).toEqual(expected.states);
    expect(discovery.profiles.map((p) => p.name)).toEqual(expected.names);
    if (expected.problem) expect(discovery.problems?.join('\n')).toMatch(expected.problem);
    for (const problem of discovery.problems ?? []) expectSafeMessage(printable(problem));
  });

  it('a duplicate profile reads as the AWS SDK reads it: one entry, the later values win', async () => {
    const discovery = await discover(
      write('config', '[profile a]\nregion = us-east-1\n[profile a]\nregion = eu-west-1\n'),
    );
    expect(discovery.profiles).toEqual([{ name: 'a', kind: 'none', region: 'eu-west-1' }]);
  });

  it('a looping source_profile is listed as a role (the loop is reported when it is used, not here)', async () => {
    const discovery = await discover(
      write(
        'config',
        '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n',
      ),
    );
    expect(discovery.profiles.map((p) => p.kind)).toEqual(['role', 'role']);
  });

  // (Tests run as root, where file modes cannot refuse a read: a directory in the file's place can.)
  it('a config path that cannot be read as a file is "unreadable", and says why', async () => {
    const discovery = await discover((dir) => {
      mkdirSync(join(dir, 'config'));
    });
    expect(discovery.files[0]?.state).toBe('unreadable');
    expect(discovery.problems?.[0]).toMatch(/config: not a regular file$/);
  });
});
