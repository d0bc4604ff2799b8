/** Colours (and so attributes) are forced on for this file before Ink loads, to see bold/underline. */
import { afterEach, describe, expect, it } from 'vitest';

process.env.FORCE_COLOR = '1';
const { cleanup, render } = await import('ink-testing-library');
const { HighlightedName, matchRuns } = await import('../../src/ui/components/highlighted-name.js');
const { fuzzyFilter } = await import('../../src/core/fuzzy-filter.js');

afterEach(() => cleanup());

const BOLD = '\u001b[1m';
const UNDERLINE = '\u001b[4m';
const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');
/** The frame with each bold+underlined stretch in [brackets]. */
const marked = (frame: string | undefined) =>
  (frame ?? '')
    .replace(/\u001b\[1m\u001b\[4m|\u001b\[4m\u001b\[1m/g, '[')
    .replace(/\u001b\[24m\u001b\[22m|\u001b\[22m\u001b\[24m/g, ']')
    .replace(/\u001b\[[0-9;]*m/g, '');

describe('<HighlightedName>', () => {
  it('draws the letters fzf matched bold and underlined', () => {
    const rows = [{ name: 'customer-exports' }];
    const result = fuzzyFilter(rows, 'cex');
    const { lastFrame } = render(<HighlightedName name="customer-exports" positions={result.positions(rows[0]!)} />);
    expect(lastFrame()).toContain(BOLD);
    expect(lastFrame()).toContain(UNDERLINE);
    expect(marked(lastFrame())).toBe('[c]ustomer-[ex]ports');
    expect(plain(lastFrame())).toBe('customer-exports');
  });

  it('draws a substring match as one stretch', () => {
    const rows = [{ name: 'invoices/2026-q1.pdf' }];
    const result = fuzzyFilter(rows, 'q1');
    expect(
      marked(render(<HighlightedName name={rows[0]!.name} positions={result.positions(rows[0]!)} />).lastFrame()),
    ).toBe('invoices/2026-[q1].pdf');
  });

  it('draws a name without a match plainly', () => {
    const { lastFrame } = render(<HighlightedName name="plain.txt" positions={new Set()} />);
    expect(lastFrame()).toBe('plain.txt');
  });

  it('escapes control characters, keeping the highlight on the right characters', () => {
    expect(matchRuns('a\u001bbc', new Set([2]))).toEqual([
      { text: 'a\\e', matched: false },
      { text: 'b', matched: true },
      { text: 'c', matched: false },
    ]);
    expect(matchRuns('🧾ab', new Set([1]))).toEqual([
      { text: '🧾', matched: false },
      { text: 'a', matched: true },
      { text: 'b', matched: false },
    ]);
  });
});
