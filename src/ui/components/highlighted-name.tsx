import { Text } from 'ink';
import { printable } from '../../core/printable.js';

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

/**
 * A name with the characters the filter matched in bold and underlined, as fzf shows them:
 * attributes rather than colours, so the match still shows under NO_COLOR.
 */
export function HighlightedName({ name, positions }: { name: string; positions: ReadonlySet<number> }) {
  if (positions.size === 0) return <Text>{printable(name)}</Text>;
  return (
    <Text>
      {matchRuns(name, positions).map((run, i) =>
        run.matched ? (
          <Text key={i} bold underline>
            {run.text}
          </Text>
        ) : (
          run.text
        ),
      )}
    </Text>
  );
}
