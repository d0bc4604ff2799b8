import { Box, Text, useStdout } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth } from '../../core/display-width.js';
import { visibleTail } from '../visible-tail.js';

/** The line above a list: the filter being typed on the left, counts or status on the right. */
export function FilterLine({ filter, right }: { filter: string; right: ReactNode }) {
  const { stdout } = useStdout();
  // Room left of the counts: only the end of a long (pasted) filter is drawn, in O(that width).
  const shown = visibleTail(filter, Math.max(8, (stdout.columns || 80) - 44));
  return (
    <Box justifyContent="space-between">
      <Text wrap="truncate-end">
        {filter === '' ? <Text dimColor>{'  type to filter'}</Text> : <Text>{`  filter: ${shown}▏`}</Text>}
      </Text>
      <Box marginLeft={2} marginRight={1} flexShrink={0}>
        {right}
      </Box>
    </Box>
  );
}

/** The filter kept on the left of a narrow line: "  filter: " and at least 8 of its columns. */
const FILTER_ROOM = 19;

/**
 * Columns the right side of the filter line may take at `columns`: the line less its margins,
 * and less a little room for a filter being typed (the "type to filter" hint gives way).
 */
export function statusRoom(columns: number, filter: string): number {
  const typed = filter === '' ? 0 : Math.min(FILTER_ROOM, 11 + displayWidth(visibleTail(filter, FILTER_ROOM)));
  return Math.max(1, columns - 3 - typed);
}
