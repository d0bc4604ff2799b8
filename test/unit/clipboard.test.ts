import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { copyHelper, createClipboard, disabledClipboard, osc52 } from '../../src/adapters/clipboard.js';
import { PROJECT_ROOT } from '../support/app.js';

describe('clipboard', () => {
  it('uses the system clipboard when there is one', async () => {
    const written: string[] = [];
    const clipboard = createClipboard({
      systemWrite: (text) => {
        written.push(text);
        return Promise.resolve();
      },
    });
    expect(await clipboard.copy('https://u')).toEqual({ ok: true, via: 'system clipboard' });
    expect(written).toEqual(['https://u']);
  });

  it('falls back to OSC 52 on the terminal, and says so', async () => {
    const terminal = new PassThrough();
    let sent = '';
    terminal.on('data', (chunk: Buffer) => (sent += chunk.toString()));
    const clipboard = createClipboard({
      terminal,
      systemWrite: () => Promise.reject(new Error('Clipboard access requires a display server')),
    });
    const outcome = await clipboard.copy('https://ü/x?y=1');
    expect(outcome.ok && outcome.via).toContain('OSC 52');
    expect(sent).toBe(`\u001b]52;c;${Buffer.from('https://ü/x?y=1').toString('base64')}\u0007`);
    expect(sent).toBe(osc52('https://ü/x?y=1'));
  });

  it('says why when there is neither', async () => {
    const clipboard = createClipboard({
      systemWrite: () => Promise.reject(new Error('xsel failed\nmore')),
    });
    expect(await clipboard.copy('u')).toMatchObject({ ok: false });
  });

  it('copies nothing with --no-clipboard', async () => {
    expect(await disabledClipboard.copy('u')).toEqual({ ok: false, reason: 'copying is turned off (--no-clipboard).' });
  });
});

describe('what an OSC 52 copy says', () => {
  const noDisplay = () => Promise.reject(new Error('Clipboard access requires a display server'));
  const copyWith = async (env: NodeJS.ProcessEnv, setting: string | undefined) => {
    const asked: string[] = [];
    const clipboard = createClipboard({
      terminal: new PassThrough(),
      systemWrite: noDisplay,
      env,
      readTmuxOption: () => {
        asked.push('set-clipboard');
        return Promise.resolve(setting);
      },
    });
    return { outcome: await clipboard.copy('https://u'), asked };
  };

  it('outside tmux: sent to the terminal, never "copied"', async () => {
    const { outcome, asked } = await copyWith({}, undefined);
    expect(outcome).toMatchObject({ ok: true, sentOnly: true });
    expect(outcome.ok && outcome.message).toBe(
      'Sent to the terminal (OSC 52); it reaches the clipboard if the terminal allows OSC 52',
    );
    expect(asked).toEqual([]);
  });

  it.each([
    ['external', 'Sent to the terminal (OSC 52); in tmux allow it with set -s set-clipboard on (it is external)'],
    ['off', 'Sent to the terminal (OSC 52); in tmux allow it with set -s set-clipboard on (it is off)'],
    [
      undefined,
      'Sent to the terminal (OSC 52); in tmux allow it with set -s set-clipboard on (its setting could not be read)',
    ],
  ])('inside tmux with set-clipboard %s: says how to allow it', async (setting, message) => {
    const { outcome, asked } = await copyWith({ TMUX: '/tmp/tmux-1000/default,1,0' }, setting);
    expect(outcome.ok && outcome.message).toBe(message);
    expect(asked).toEqual(['set-clipboard']);
  });

  it('inside tmux with set-clipboard on: says tmux passes it on', async () => {
    const { outcome } = await copyWith({ TMUX: '/tmp/tmux-1000/default,1,0' }, 'on');
    expect(outcome.ok && outcome.message).toBe(
      'Sent to the terminal (OSC 52) through tmux (set-clipboard on); it reaches the clipboard if the terminal allows OSC 52',
    );
  });

  it('the system clipboard is a real copy: no such message', async () => {
    const clipboard = createClipboard({ systemWrite: () => Promise.resolve(), env: { TMUX: 'x' } });
    const outcome = await clipboard.copy('u');
    expect(outcome).toEqual({ ok: true, via: 'system clipboard' });
  });
});

describe('the copy helper process', () => {
  const dir = mkdtempSync(join(tmpdir(), 's3share-copy-helper-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Stands in for dist/chunks/copy-to-clipboard.js: records what it was given, as the tools it starts would see it.
  const recorder = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  const record = join(dir, 'seen.json');
  const RECORDING = recorder(
    'record.mjs',
    `import { writeFileSync } from 'node:fs';
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', () => writeFileSync(${JSON.stringify(record)}, JSON.stringify({ text, env: process.env, argv: process.argv })));
`,
  );

  it('gets the text on stdin, not on its command line, and an environment without credentials', async () => {
    const saved = { ...process.env };
    process.env.AWS_SECRET_ACCESS_KEY = 'do-not-leak';
    process.env.GITHUB_TOKEN = 'do-not-leak-either';
    process.env.DISPLAY = ':42';
    const url = 'https://b.s3.amazonaws.com/k?X-Amz-Signature=abc&X-Amz-Credential=AKIA%2F';
    try {
      await copyHelper(RECORDING)(url);
      // The app's own environment is as it was, before and after.
      expect(process.env.AWS_SECRET_ACCESS_KEY).toBe('do-not-leak');
    } finally {
      process.env = saved;
    }
    const seen = JSON.parse(readFileSync(record, 'utf8')) as {
      text: string;
      env: Record<string, string>;
      argv: string[];
    };
    expect(seen.text).toBe(url);
    expect(seen.argv.join(' ')).not.toContain('X-Amz-Signature');
    expect(seen.env.DISPLAY).toBe(':42');
    expect(Object.keys(seen.env).filter((name) => name.startsWith('AWS_') || name.endsWith('_TOKEN'))).toEqual([]);
    expect(JSON.stringify(seen.env)).not.toContain('do-not-leak');
  });

  it("fails with the first line of the helper's error, which the copy reports", async () => {
    const failing = recorder(
      'fail.mjs',
      `process.stdin.resume();
process.stdin.on('end', () => { process.stderr.write("Couldn't find the xsel binary\\nsecond line\\n"); process.exit(1); });
`,
    );
    await expect(copyHelper(failing)('u')).rejects.toThrow(/^Couldn't find the xsel binary$/);
    const display = process.env.DISPLAY;
    process.env.DISPLAY = ':42';
    try {
      const outcome = await createClipboard({ systemWrite: copyHelper(failing) }).copy('u');
      expect(outcome).toEqual({
        ok: false,
        reason: "the system clipboard failed (Couldn't find the xsel binary)",
      });
    } finally {
      if (display === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = display;
    }
  });
  it('warmUp starts the helper before the copy is asked for, and that helper is the one used', async () => {
    const started = join(dir, 'started.json');
    const STAMPING = recorder(
      'stamp.mjs',
      `import { writeFileSync } from 'node:fs';
const startedAt = Date.now();
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', () => writeFileSync(${JSON.stringify(started)}, JSON.stringify({ text, startedAt })));
`,
    );
    const write = copyHelper(STAMPING);
    write.warmUp?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const askedAt = Date.now();
    await write('u1');
    const seen = JSON.parse(readFileSync(started, 'utf8')) as { text: string; startedAt: number };
    expect(seen.text).toBe('u1');
    expect(seen.startedAt).toBeLessThan(askedAt);
  });
});

describe('the copy helper script (src/copy-to-clipboard.ts)', () => {
  it('given no text at all (started on standby, then the app quit), exits 0 without touching the clipboard', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name !== 'DISPLAY' && name !== 'WAYLAND_DISPLAY'),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/copy-to-clipboard.ts')], {
      cwd: PROJECT_ROOT,
      input: '',
      env,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
