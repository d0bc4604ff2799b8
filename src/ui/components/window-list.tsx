import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

interface WindowListProps<T> {
  items: readonly T[];
  cursor: number;
  offset: number;
  height: number;
  renderRow: (item: T, selected: boolean) => ReactNode;
  rowKey: (item: T) => string;
}

/** Renders only the rows inside the visible window, so a list of 100,000 rows stays fast. */
export function WindowList<T>({ items, cursor, offset, height, renderRow, rowKey }: WindowListProps<T>) {
  const visible = items.slice(offset, offset + height);
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((item, i) => {
        const selected = offset + i === cursor;
        return (
          <Box key={rowKey(item)}>
            {/* A fixed column: Ink would otherwise shrink the marker when a row is too long. */}
            <Box flexShrink={0}>
              <Text color="cyan">{selected ? ' ❯ ' : '   '}</Text>
            </Box>
            {renderRow(item, selected)}
          </Box>
        );
      })}
    </Box>
  );
}
