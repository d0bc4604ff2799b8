import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { enterAlternateScreen, keepScrollback, withoutScrollbackClear } from '../../src/ui/screen-buffer.js';

function capture() {
  const stream = new PassThrough() as PassThrough & NodeJS.WriteStream;
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream, written: () => written };
}

describe('keepScrollback', () => {
  it('removes every scrollback clear and keeps the rest, screen clears included', () => {
    expect(withoutScrollbackClear('\u001b[2J\u001b[3J\u001b[Hframe\u001b[3J')).toBe('\u001b[2J\u001b[Hframe');
    expect(withoutScrollbackClear('plain')).toBe('plain');
  });

  it('filters what goes through the stream, as Ink writes its clearTerminal', async () => {
    const { stream, written } = capture();
    const kept = keepScrollback(stream);
    kept.write('\u001b[2J\u001b[3J\u001b[Hhello');
    kept.write(Buffer.from('bytes'));
    await new Promise((done) => setImmediate(done));
    expect(written()).toBe('\u001b[2J\u001b[Hhellobytes');
    expect(written()).not.toContain('\u001b[3J');
    // Other properties come from the stream itself.
    expect(kept.writable).toBe(true);
  });
});

describe('enterAlternateScreen', () => {
  const before = process.listenerCount('exit');
  afterEach(() => {
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('enters once, leaves once, and stops watching for the process exit', async () => {
    const { stream, written } = capture();
    const leave = enterAlternateScreen(stream);
    expect(process.listenerCount('exit')).toBe(before + 1);
    leave();
    leave();
    await new Promise((done) => setImmediate(done));
    expect(written()).toBe('\u001b[?1049h\u001b[?1049l');
  });

  it('leaves when the process exits without having left', async () => {
    const { stream, written } = capture();
    enterAlternateScreen(stream);
    // The listener it added, called as the process would call it (emitting 'exit' here would
    // also run the test runner's own listeners).
    const onExit = process.listeners('exit').at(-1) as () => void;
    onExit();
    await new Promise((done) => setImmediate(done));
    expect(written()).toBe('\u001b[?1049h\u001b[?1049l');
  });
});
