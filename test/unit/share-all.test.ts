import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShareTarget } from '../../src/core/share-target.js';
import { LinkPrinter } from '../../src/headless/output.js';
import { Progress } from '../../src/headless/progress.js';
import { CHECK_CONCURRENCY, FatalShareError, shareAll } from '../../src/headless/share.js';
import type { Entry } from '../../src/headless/targets.js';
import { FakeS3, object } from '../support/fakes.js';

class Sink {
  writes: string[] = [];
  isTTY = false;
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
  get text(): string {
    return this.writes.join('');
  }
}

const target = (key: string, bucket = 'bkt'): Entry => ({
  target: { kind: 'object', uri: `s3://${bucket}/${key}`, bucket, key },
});
const prefix = (p: string): Entry => ({
  target: { kind: 'prefix', uri: `s3://bkt/${p}`, bucket: 'bkt', prefix: p } as ShareTarget,
});

function world(
  keys: string[],
  options: { check?: boolean; format?: 'plain' | 'tsv' | 'json'; pageSize?: number } = {},
) {
  const s3 = new FakeS3(
    { '*': [{ name: 'bkt', objects: keys.map((k) => object(k)) }] },
    { pageSize: options.pageSize ?? 1000 },
  );
  const stdout = new Sink();
  const stderr = new Sink();
  const progress = new Progress(stderr as unknown as NodeJS.WritableStream);
  const printer = new LinkPrinter(stdout as unknown as NodeJS.WritableStream, options.format ?? 'tsv', (line) =>
    progress.line(line),
  );
  const run = (entries: Entry[]) =>
    shareAll(entries, {
      session: s3.connect({ profile: 'p' }),
      link: { method: 'GET', expiresInSeconds: 3600 },
      attachment: false,
      check: options.check ?? true,
      profile: 'p',
      printer,
      progress,
    });
  return { s3, stdout, stderr, run };
}

const keysOf = (stdout: Sink) =>
  stdout.text
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t')[0]);

describe('shareAll', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints links in input order even when checks finish out of order; failures named in place', async () => {
    const { s3, stdout, stderr, run } = world(['a', 'c', 'd']);
    s3.control.hold('checkLink', (args) => (args[0] as { key: string }).key === 'a');
    const done = run([
      target('a'),
      target('b'),
      target('c'),
      { unusable: 'standard input line 4', message: 'expected s3://BUCKET/KEY, got “x”' },
      target('d'),
    ]);
    const [held] = await s3.control.waitForHeld('checkLink');
    // c answered already, but a is still out: nothing may be printed past it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout.text).toBe('');
    held?.release();
    expect(await done).toBe(2);
    expect(keysOf(stdout)).toEqual(['a', 'c', 'd']);
    expect(stderr.text).toBe(
      's3share-tui: s3://bkt/b: The object does not exist (deleted after it was listed?): the link would answer 404. Pick another object.\n' +
        's3share-tui: standard input line 4: expected s3://BUCKET/KEY, got “x”\n',
    );
  });

  it(`checks at most ${CHECK_CONCURRENCY} links at once`, async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const { s3, stdout, run } = world(keys);
    s3.control.hold('checkLink');
    const done = run(keys.map((k) => target(k)));
    const held = await s3.control.waitForHeld('checkLink', CHECK_CONCURRENCY);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s3.control.pending('checkLink')).toHaveLength(CHECK_CONCURRENCY);
    s3.control.stopHolding('checkLink');
    held[0]?.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One answered: its worker went on to the 17th and the rest, unheld now.
    expect(s3.callsOf('checkLink').length).toBeGreaterThan(CHECK_CONCURRENCY);
    for (const call of held.slice(1)) call.release();
    expect(await done).toBe(0);
    expect(keysOf(stdout)).toEqual(keys);
  });

  it('with --no-check asks S3 nothing per link, signs in one batch, and writes in few chunks', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `bulk/${i}.log`);
    const { s3, stdout, run } = world([], { check: false });
    expect(await run(keys.map((k) => target(k)))).toBe(0);
    expect(s3.callsOf('checkLink')).toEqual([]);
    expect(s3.callsOf('presignAll')).toHaveLength(1);
    expect(stdout.text.split('\n')).toHaveLength(5001);
    // About one write per 64 kB, not one per link.
    expect(stdout.writes.length).toBeLessThanOrEqual(Math.ceil(stdout.text.length / 65_536) + 1);
    expect(stdout.writes.every((chunk) => chunk.endsWith('\n'))).toBe(true);
  });

  it('expands a prefix page by page into its objects, and names an empty prefix', async () => {
    const { stdout, stderr, run } = world(['logs/a', 'logs/b/c', 'logs/d', 'top'], { pageSize: 2 });
    expect(await run([target('top'), prefix('logs/'), prefix('none/')])).toBe(1);
    expect(keysOf(stdout)).toEqual(['top', 'logs/a', 'logs/b/c', 'logs/d']);
    expect(stderr.text).toBe('s3share-tui: s3://bkt/none/: no objects under this prefix\n');
  });

  it('a listing that fails names its prefix; the links already printed stay', async () => {
    const { s3, stdout, stderr, run } = world(['logs/a', 'logs/b', 'logs/c'], { pageSize: 2 });
    s3.control.failNext('listPageRecursive', 'InternalError (HTTP 500): try again', (args) => args[2] !== undefined);
    expect(await run([prefix('logs/'), target('logs/c')])).toBe(1);
    expect(keysOf(stdout)).toEqual(['logs/a', 'logs/b', 'logs/c']);
    expect(stderr.text).toBe('s3share-tui: s3://bkt/logs/: InternalError (HTTP 500): try again\n');
  });

  it('stops the run when signing itself fails (credentials), after printing what was done', async () => {
    const { s3, run } = world(['a']);
    s3.control.failNext('presignAll', 'No usable credentials for profile “p”: expired');
    await expect(run([target('a')])).rejects.toThrow(FatalShareError);
  });
});

describe('Progress', () => {
  it('on a terminal, redraws the count once a second and erases it before other lines', () => {
    vi.useFakeTimers();
    const stderr = new Sink();
    stderr.isTTY = true;
    const progress = new Progress(stderr as unknown as NodeJS.WritableStream);
    progress.start();
    progress.queue(3);
    progress.done();
    vi.advanceTimersByTime(1000);
    expect(stderr.text).toBe('\r\u001b[Ks3share-tui: checked 1 of 3 links…');
    progress.line('s3share-tui: s3://b/k: gone\n');
    expect(stderr.text.endsWith('\r\u001b[Ks3share-tui: s3://b/k: gone\n')).toBe(true);
    progress.stop();
    vi.advanceTimersByTime(3000);
    expect(stderr.text.endsWith('gone\n')).toBe(true);
    vi.useRealTimers();
  });

  it('writes no count when stderr is not a terminal', () => {
    vi.useFakeTimers();
    const stderr = new Sink();
    const progress = new Progress(stderr as unknown as NodeJS.WritableStream);
    progress.start();
    progress.queue(5);
    vi.advanceTimersByTime(5000);
    progress.stop();
    expect(stderr.text).toBe('');
    vi.useRealTimers();
  });
});
