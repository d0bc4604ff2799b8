import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClipboard, disabledClipboard, osc52 } from '../../src/adapters/clipboard.js';

describe('clipboard', () => {
  it('uses the system clipboard when there is one', async () => {
    const written: string[] = [];
    const clipboard = createClipboard({ systemWrite: async (text) => void written.push(text) });
    expect(await clipboard.copy('https://u')).toEqual({ ok: true, via: 'system clipboard' });
    expect(written).toEqual(['https://u']);
  });

  it('falls back to OSC 52 on the terminal, and says so', async () => {
    const terminal = new PassThrough();
    let sent = '';
    terminal.on('data', (chunk: Buffer) => (sent += chunk.toString()));
    const clipboard = createClipboard({
      terminal,
      systemWrite: async () => {
        throw new Error('Clipboard access requires a display server');
      },
    });
    const outcome = await clipboard.copy('https://ü/x?y=1');
    expect(outcome).toMatchObject({ ok: true, via: expect.stringContaining('OSC 52') });
    expect(sent).toBe(`\u001b]52;c;${Buffer.from('https://ü/x?y=1').toString('base64')}\u0007`);
    expect(sent).toBe(osc52('https://ü/x?y=1'));
  });

  it('says why when there is neither', async () => {
    const clipboard = createClipboard({
      systemWrite: async () => {
        throw new Error('xsel failed\nmore');
      },
    });
    expect(await clipboard.copy('u')).toMatchObject({ ok: false });
  });

  it('copies nothing with --no-clipboard', async () => {
    expect(await disabledClipboard.copy('u')).toEqual({ ok: false, reason: 'copying is turned off (--no-clipboard).' });
  });
});
