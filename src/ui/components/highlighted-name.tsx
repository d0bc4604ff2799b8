import { Text } from 'ink';
import { printable } from '../../core/printable.js';
import { displayWidth } from '../../core/display-width.js';

interface Run {
  text: string;
  matched: boolean;
}

/** The name cut into runs of matched and unmatched characters (positions count characters). */
export function matchRuns(name: string, positions: ReadonlySet<number>): Run[] {
  const runs: Run[] = [];
  let index = 0;
  for (const char of name) {
    const matched = positions.has(index);
    const last = runs[runs.length - 1];
    const shown = printable(char);
    if (last && last.matched === matched) last.text += shown;
    else runs.push({ text: shown, matched });
    index += 1;
  }
  return runs;
}

// Bold and underline written as they are, not through Ink's `bold` (chalk): NO_COLOR turns
// chalk off altogether, and a match should still show then. They are attributes, not colours,
// which NO_COLOR leaves alone (no-color.org).
const MATCH_ON = '\u001b[1m\u001b[4m';
const MATCH_OFF = '\u001b[24m\u001b[22m';

/**
 * The name made printable (control characters escaped), with the characters at `positions` (of
 * the name, not of its escaped form) bold and underlined, as fzf shows a match.
 */
export function highlighted(name: string, positions: ReadonlySet<number>): string {
  if (positions.size === 0) return printable(name);
  let text = '';
  for (const run of matchRuns(name, positions)) text += run.matched ? MATCH_ON + run.text + MATCH_OFF : run.text;
  return text;
}

/** A name with the characters the filter matched in bold and underlined. */
export function HighlightedName({ name, positions }: { name: string; positions: ReadonlySet<number> }) {
  return <Text>{highlighted(name, positions)}</Text>;
}

/** highlighted(), padded with spaces to `columns` terminal columns (a name column of a list). */
export function highlightedCell(name: string, positions: ReadonlySet<number>, columns: number): string {
  const width = displayWidth(printable(name));
  return highlighted(name, positions) + ' '.repeat(Math.max(0, columns - width));
}
