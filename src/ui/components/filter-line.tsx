import { Box, Text, useStdout } from 'ink';
import type { ReactNode } from 'react';
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
