import { Box, Text } from 'ink';
import { displayWidth } from '../../core/display-width.js';
import type { State } from '../../state/app-state.js';
import { activeBindings, helpRows, keyOwner } from '../keys.js';

/** The keys of the screen under the help, generated from the key map; it scrolls when long. */
export function Help({ state }: { state: State }) {
  const below = keyOwner({ ...state, help: undefined });
  const entries = helpEntries(state);
  const rows = helpRows(state);
  const offset = Math.min(state.help?.offset ?? 0, Math.max(0, entries.length - rows));
  const shown = entries.slice(offset, offset + rows);
  const more = offset + rows < entries.length;
  // The keys' column is as wide as its longest label, so every description starts after a gap.
  const keysWidth = Math.max(KEYS_COLUMN, ...entries.map((entry) => displayWidth(entry.keys) + 2));
  const range = more || offset > 0 ? ` · ${offset + 1}–${offset + shown.length} of ${entries.length} (↑↓)` : '';
  return (
    <Box flexDirection="column" paddingLeft={2} height={rows + 2}>
      <Text bold wrap="truncate-end">{`Keys · ${below}${range}`}</Text>
      {shown.map((entry, i) => (
        <Text key={i} wrap="truncate-end">
          <Text color="cyan">{entry.keys + ' '.repeat(keysWidth - displayWidth(entry.keys))}</Text>
          {entry.does}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        Press any key to close.
      </Text>
    </Box>
  );
}

const KEYS_COLUMN = 11;

/** Every enabled binding of the screen under the help, the ones the footer leaves out included. */
function helpEntries(state: State): Array<{ keys: string; does: string }> {
  const under = { ...state, help: undefined };
  return activeBindings(under).map((binding) => ({ keys: binding.label, does: binding.does }));
}
