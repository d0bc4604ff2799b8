import { Box, Text } from 'ink';
import type { ScreenKind } from '../../state/app-state.js';
import { BINDINGS, TYPING } from '../keys.js';

interface Entry {
  keys: string;
  does: string;
  where: string;
}

const LIST_SCREENS = ['profiles', 'buckets', 'objects'];

/** "lists, expiry" rather than "profiles, buckets, objects, expiry". */
function screensText(screens: readonly ScreenKind[]): string {
  const lists = LIST_SCREENS.every((s) => screens.includes(s as ScreenKind));
  const rest = screens.filter((s) => !lists || !LIST_SCREENS.includes(s));
  return [...(lists ? ['lists'] : []), ...rest].join(', ');
}

/** Every binding, generated from the key map; two columns, then "…", when the terminal is short. */
export function Help({ height, columns }: { height: number; columns: number }) {
  const entries: Entry[] = BINDINGS.map((binding) => ({
    keys: binding.label,
    does: binding.does,
    where: binding.screens === 'all' ? 'everywhere' : screensText(binding.screens),
  }));
  const typing = Object.entries(TYPING) as [ScreenKind, string][];
  entries.push({
    keys: 'typing',
    does: [...new Set(typing.map(([, what]) => what))].join(' / '),
    where: screensText(typing.map(([screen]) => screen)),
  });

  const rows = Math.max(1, height - 2);
  const twoColumns = entries.length > rows && columns >= 100;
  const perColumn = twoColumns ? Math.ceil(entries.length / 2) : rows;
  const columnsOfEntries = twoColumns ? [entries.slice(0, perColumn), entries.slice(perColumn)] : [entries];
  const clipped = columnsOfEntries.map((column) =>
    column.length > rows ? [...column.slice(0, rows - 1), { keys: '…', does: 'enlarge the terminal for more', where: '' }] : column,
  );
  const width = twoColumns ? Math.floor((columns - 2) / 2) : columns - 2;
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>Keys</Text>
      <Box>
        {clipped.map((column, c) => (
          <Box key={c} flexDirection="column" width={width}>
            {column.map((entry, i) => (
              <Text key={i} wrap="truncate-end">
                <Text color="cyan">{entry.keys.padEnd(11)}</Text>
                {entry.does.padEnd(16)}
                <Text dimColor>{entry.where}</Text>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text dimColor>Press any key to close.</Text>
    </Box>
  );
}
