/**
 * The terminal's scrollback is the user's. In a real tmux pane (a private tmux server): output a
 * shell printed before the app stays in the pane's history through a resize, and --alt-screen
 * draws on the alternate screen and gives the main screen back on the way out.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { useE2E } from '../support/e2e.js';
import { CLI } from '../support/app.js';
import { childEnvironment } from '../support/terminal/child-environment.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const run = promisify(execFile);
const e2e = useE2E();
const servers: string[] = [];
const bucket = uniqueBucket('e2e-scrollback');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['top.txt']);
});

afterEach(async () => {
  for (const server of servers.splice(0)) await run('tmux', ['-L', server, 'kill-server']).catch(() => undefined);
});

interface Pane {
  tmux(...args: string[]): Promise<string>;
  screen(): Promise<string>;
  waitFor(test: (screen: string) => boolean, what: string): Promise<string>;
  format(name: string): Promise<string>;
}

/** A 100×30 pane running sh on its own tmux server, with HOME set to a home with one profile. */
async function pane(): Promise<Pane> {
  const server = `s3share-scrollback-${process.pid}-${servers.length}`;
  servers.push(server);
  const env = childEnvironment({ HOME: e2e.home().path, TMUX: undefined, PS1: '$ ' });
  const tmux = async (...args: string[]) =>
    (await run('tmux', ['-L', server, '-f', '/dev/null', ...args], { env })).stdout;
  await tmux('new-session', '-d', '-x', '100', '-y', '30', 'sh');
  await tmux('set', '-g', 'window-size', 'manual');
  await tmux('set', '-g', 'history-limit', '2000');
  const screen = () => tmux('capture-pane', '-p');
  return {
    tmux,
    screen,
    format: async (name) => (await tmux('display', '-p', `#{${name}}`)).trim(),
    async waitFor(check, what) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const shown = await screen();
        if (check(shown)) return shown;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the pane shows:\n${shown}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
  };
}

const rule = (columns: number) => ` ${'─'.repeat(columns - 2)}`;
const numbersInHistory = async (p: Pane) => {
  const all = (await p.tmux('capture-pane', '-p', '-S', '-', '-E', '-')).split('\n');
  return Array.from({ length: 60 }, (_, i) => String(i + 1)).filter((n) => all.includes(n));
};

describe('scrollback', () => {
  test('seq 1 60, the app in a 100×30 pane, shrunk to 80×24: the history is kept', async () => {
    const p = await pane();
    await p.tmux('send-keys', `seq 1 60; node ${CLI} --bucket ${bucket}`, 'Enter');
    await p.waitFor((s) => s.includes(rule(100)) && s.includes('📄 top.txt'), 'the object list at 100 columns');
    const before = Number(await p.format('history_size'));
    expect(before).toBeGreaterThanOrEqual(30);

    await p.tmux('resize-window', '-x', '80', '-y', '24');
    await p.waitFor((s) => s.includes(rule(80)) && s.includes('📄 top.txt'), 'the object list redrawn at 80 columns');
    // A frame or two more (Ink redraws after its own resize handler), then the history is counted.
    await new Promise((done) => setTimeout(done, 300));
    const after = Number(await p.format('history_size'));
    expect(after).toBeGreaterThanOrEqual(before);
    expect(await numbersInHistory(p)).toHaveLength(60);
  });

  test('--alt-screen draws on the alternate screen and gives the shell its screen back on Esc and on Ctrl-C', async () => {
    const p = await pane();
    await p.tmux('send-keys', `seq 1 60; node ${CLI} --bucket ${bucket} --alt-screen; echo "exit=$?"`, 'Enter');
    await p.waitFor((s) => s.includes('📄 top.txt'), 'the object list');
    expect(await p.format('alternate_on')).toBe('1');
    // Esc walks back screen by screen (objects, buckets, profiles), and leaves (130) from the first.
    await p.tmux('send-keys', 'Escape');
    await p.waitFor((s) => / of [\d,]+ buckets/.test(s), 'the bucket list');
    await p.tmux('send-keys', 'Escape');
    await p.waitFor((s) => / of [\d,]+ profiles/.test(s), 'the profile list');
    await p.tmux('send-keys', 'Escape');
    const shell = await p.waitFor((s) => s.includes('exit=130'), 'the shell after Esc');
    expect(await p.format('alternate_on')).toBe('0');
    // The main screen is as the shell left it: the numbers, no frame of the app.
    expect(shell).toMatch(/^60$/m);
    expect(shell).not.toContain(rule(100));
    expect(await numbersInHistory(p)).toHaveLength(60);

    await p.tmux('send-keys', `clear; node ${CLI} --bucket ${bucket} --alt-screen; echo "again=$?"`, 'Enter');
    await p.waitFor((s) => s.includes('📄 top.txt'), 'the object list again');
    expect(await p.format('alternate_on')).toBe('1');
    await p.tmux('send-keys', 'C-c');
    await p.waitFor((s) => s.includes('again=130'), 'the shell after Ctrl-C');
    expect(await p.format('alternate_on')).toBe('0');
  });
});
