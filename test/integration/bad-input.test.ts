/**
 * Bad input to the built binary, non-interactively (`s3share-tui s3://BUCKET/KEY`), against the real
 * S3 server: malformed `s3://` arguments are usage errors (exit 2, one line, nothing raw); awkward
 * keys that S3 allows are signed exactly (the URL serves the seeded bytes); broken config files end
 * with one line and exit 1, never a stack trace or a hang.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithin } from '../support/bounded-cli.js';
import { homeWithProfiles, runCli } from '../support/cli.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('bad-input');
let env: NodeJS.ProcessEnv;
const homes: string[] = [];

/** Characters that must never reach a terminal raw: C0 (but the newline ending a line), DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Keys S3 allows that have tripped up tools: each is seeded, signed and fetched. */
const AWKWARD_KEYS: Array<[string, string]> = [
  ['percent signs', '100% sure/%41%2F.txt'],
  ['a hash', 'notes/#1.txt'],
  ['a question mark', 'why?.txt'],
  ['a plus', 'a+b=c.txt'],
  ['spaces', 'my docs/ leading and trailing .txt '],
  ['a newline', 'lines/one\ntwo.txt'],
  ['a carriage return and a tab', 'lines/cr\r\ttab.txt'],
  ['control characters', 'ctl/bell\u0007 del\u007f c1\u0085.txt'],
  ['an escape sequence', 'ctl/\u001b[31mred\u001b[0m.txt'],
  ['right-to-left marks', 'rtl/\u202Egnp.exe \u200F\u2067x\u2069.txt'],
  ['only a slash', '/'],
  ['a trailing slash', 'folder-object/'],
  ['a double slash', 'double//slash.txt'],
  ['1,024 bytes of non-ASCII', 'é'.repeat(512)],
  ['1,024 bytes of three-byte characters', `${'ファ'.repeat(170)}abcd`],
];

beforeAll(async () => {
  await createBucket(
    adminClient(server),
    bucket,
    AWKWARD_KEYS.map(([, key]) => key),
  );
  env = homeWithProfiles(server, ['default']);
  homes.push(env.HOME as string);
}, 60_000);

afterAll(() => {
  for (const home of homes) {
    try {
      chmodSync(join(home, '.aws', 'config'), 0o600);
    } catch {
      // not a file
    }
    rmSync(home, { recursive: true, force: true });
  }
});

function expectNothingRaw(text: string): void {
  const bad = UNSAFE.exec(text);
  expect(bad, `a raw ${JSON.stringify(bad?.[0])} in ${JSON.stringify(text)}`).toBeNull();
}

describe('s3:// arguments', () => {
  it.each([
    ['s3://', 's3://', /needs a bucket/],
    ['s3://b', 's3://b', /not a valid bucket name/],
    ['s3://b/', 's3://b/', /not a valid bucket name/],
    ['S3://b/k', 'S3://b/k', /not a valid bucket name/],
    ['https://b.s3.amazonaws.com/k', 'https://b.s3.amazonaws.com/k', /not an S3 URI/],
    ['s3://bad_bucket/k', 's3://bad_bucket/k', /not a valid bucket name/],
    ['s3://BUCKET (no key)', `s3://${bucket}`, /needs a key/],
    ['s3://BUCKET/ (no key)', `s3://${bucket}/`, /is a folder: add --recursive to share every object under it/],
    ['a key ending in / (a folder)', `s3://${bucket}/folder-object/`, /is a folder: add --recursive/],
    ['a key of 1,025 bytes', `s3://${bucket}/${'é'.repeat(512)}x`, /the key is 1025 bytes long; S3 allows 1024/],
    ['a bucket holding an escape sequence', 's3://bad\u001b]52;c;aGk=\u0007/k', /not a valid bucket name/],
    ['a bucket holding a bidi override', 's3://\u202Ebkt/k', /not a valid bucket name/],
  ])('%s: exit 2, a usage line on stderr, nothing raw, nothing on stdout', async (_name, arg, message) => {
    const run = await runCli([arg], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(message);
    expect(run.stderr).toMatch(/^s3share-tui: .*\nTry 's3share-tui --help'\.\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectNothingRaw(run.stderr);
  });

  it('S3://BUCKET/KEY (upper-case scheme) is read as s3://', async () => {
    const key = AWKWARD_KEYS[0]?.[1] as string;
    const run = await runCli([`S3://${bucket}/${key}`], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(Buffer.from(await (await fetch(run.stdout.trim())).arrayBuffer())).toEqual(bodyFor(key));
  });

  it.each(AWKWARD_KEYS)('a key with %s is signed exactly: the URL serves its bytes', async (_name, key) => {
    // A URI ending in / names a folder: such a key is reached by listing it (it is its own prefix).
    const recursive = key.endsWith('/') ? ['--recursive'] : [];
    const run = await runCli(['--json', ...recursive, `s3://${bucket}/${key}`], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { url: string; key: string };
    expect(json.key).toBe(key);
    // The URL itself holds nothing raw: every awkward character is percent-encoded.
    expectNothingRaw(json.url);
    expect(json.url).not.toMatch(/[\s#]/);
    const response = await fetch(json.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(key));
  });

  it.each([
    ['an escape sequence (OSC 52)', 'missing/\u001b]52;c;cHdubmVk\u0007.txt'],
    ['a bidi override', 'missing/\u202Egnp.exe'],
    ['a newline', 'missing/one\ntwo'],
    ['a C1 control', 'missing/\u009b2J'],
  ])('a missing key with %s: exit 1, one line, the key shown escaped', async (_name, key) => {
    const run = await runCli([`s3://${bucket}/${key}`], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n'), JSON.stringify(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('does not exist');
    expectNothingRaw(run.stderr);
  });
});

describe('config files', () => {
  /** A HOME whose ~/.aws holds what `setup` writes (the machine's AWS variables never leak in). */
  function homeWith(setup: (aws: string) => void): NodeJS.ProcessEnv {
    const made = homeWithProfiles(server, []);
    homes.push(made.HOME as string);
    const aws = join(made.HOME as string, '.aws');
    rmSync(aws, { recursive: true, force: true });
    mkdirSync(aws);
    setup(aws);
    return made;
  }
  const KEYS = `aws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`;
  const GARBAGE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const target = () => `s3://${bucket}/${AWKWARD_KEYS[1]?.[1] as string}`;

  it.each<[string, (aws: string) => void, RegExp]>([
    ['missing', () => {}, /no AWS profile “default” \(looked in .*config \(missing\), .*credentials \(missing\)\)/],
    [
      'empty',
      (aws) => {
        writeFileSync(join(aws, 'config'), '');
        writeFileSync(join(aws, 'credentials'), '');
      },
      /no AWS profile “default” \(looked in .*config \(read\), .*credentials \(read\)\)/,
    ],
    ['unreadable (a directory)', (aws) => mkdirSync(join(aws, 'config')), /config \(unreadable\)/],
    ['binary garbage', (aws) => writeFileSync(join(aws, 'config'), GARBAGE), /not a text file/],
    [
      'a source_profile loop',
      (aws) =>
        writeFileSync(
          join(aws, 'config'),
          `[default]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = other\nendpoint_url = ${server.endpoint}\n` +
            `[profile other]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = default\n`,
        ),
      /cycle|loop/i,
    ],
    [
      'a role whose source_profile is itself, without keys',
      (aws) =>
        writeFileSync(
          join(aws, 'config'),
          `[default]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = default\nendpoint_url = ${server.endpoint}\n`,
        ),
      /credentials|cycle|source_profile/i,
    ],
  ])('%s: exit 1 with one line, in seconds', async (_name, setup, message) => {
    const run = await runCliWithin([target()], homeWith(setup), 15_000);
    expect(run.killedAtLimit, 'still running after 15 s').toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^s3share-tui: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);
    expectNothingRaw(run.stderr);
  });

  it.each<[string, (aws: string) => void]>([
    [
      'the same profile twice (the later section wins, as in the SDK)',
      (aws) => {
        writeFileSync(
          join(aws, 'config'),
          `[default]\nendpoint_url = http://127.0.0.1:9\n[default]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\n`,
        );
        writeFileSync(join(aws, 'credentials'), `[default]\n${KEYS}`);
      },
    ],
    [
      '[default] and [profile default]',
      (aws) => {
        writeFileSync(
          join(aws, 'config'),
          `[default]\nregion = ${server.region}\n[profile default]\nendpoint_url = ${server.endpoint}\n`,
        );
        writeFileSync(join(aws, 'credentials'), `[default]\n${KEYS}`);
      },
    ],
    [
      'keys in both files for the same profile',
      (aws) => {
        writeFileSync(
          join(aws, 'config'),
          `[default]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\n${KEYS}`,
        );
        writeFileSync(join(aws, 'credentials'), `[default]\n${KEYS}`);
      },
    ],
  ])('%s: signs, and the URL works', async (_name, setup) => {
    const run = await runCliWithin([target()], homeWith(setup), 15_000);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await fetch(run.stdout.trim())).status).toBe(200);
  });
});
