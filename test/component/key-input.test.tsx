/** useKeyPresses inside Ink: the bytes written to stdin reach the handler as the presses a person made. */
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { useKeyPresses, type KeyEvent } from '../../src/ui/key-input.js';
import { ESCAPE_TIMEOUT_MS } from '../../src/ui/key-sequences.js';

afterEach(() => cleanup());

function Recorder({ seen, active = true }: { seen: string[]; active?: boolean }) {
  useKeyPresses(
    ({ input, key }: KeyEvent) => {
      const flags = Object.entries(key)
        .filter(([, on]) => on)
        .map(([name]) => name);
      seen.push([...flags, ...(input ? [input] : [])].join('+'));
    },
    { isActive: active },
  );
  return <Text>ready</Text>;
}

const settle = (ms = ESCAPE_TIMEOUT_MS * 3) => new Promise((done) => setTimeout(done, ms));

describe('useKeyPresses', () => {
  it('turns one read of Esc, arrows and Enter into those presses', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Recorder seen={seen} />);
    await settle(20);
    stdin.write('\u001b\u001b[A\u001b[A\r');
    await settle();
    expect(seen).toEqual(['escape', 'upArrow', 'upArrow', 'return']);
  });

  it('reads two Esc in one read as two presses, the second once nothing follows', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Recorder seen={seen} />);
    await settle(20);
    stdin.write('\u001b\u001b');
    await settle();
    expect(seen).toEqual(['escape', 'escape']);
  });

  it('splits a burst and keeps a paste whole', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Recorder seen={seen} />);
    await settle(20);
    stdin.write('\u007f24\r');
    stdin.write('customer-exports/invoices');
    await settle();
    expect(seen).toEqual(['backspace', '24', 'return', 'customer-exports/invoices']);
  });

  it('reads nothing while inactive', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Recorder seen={seen} active={false} />);
    await settle(20);
    stdin.write('abc');
    await settle();
    expect(seen).toEqual([]);
  });
});
