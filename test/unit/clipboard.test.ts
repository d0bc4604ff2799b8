import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClipboard, disabledClipboard, osc52 } from '../../src/adapters/clipboard.js';

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
