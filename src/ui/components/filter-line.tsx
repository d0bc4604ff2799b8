import { Box, Text, useStdout } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth } from '../../core/display-width.js';
import { matchCountText } from '../../core/fuzzy-filter.js';
import { countOf, formatCount } from '../../core/listing.js';
import { fitStatus, part, positionText } from '../status-parts.js';
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

/**
 * The right side of a whole list's filter line (profiles, buckets): the cursor's position, then
 * "5 of 5 buckets", or while filtering "2 matches · 5 buckets"; the count gives way first.
 */
export function CountStatus(props: {
  cursor: number;
  shown: number;
  total: number;
  noun: string;
  filter: string;
  columns: number;
}) {
  const { cursor, shown, total, noun, filter, columns } = props;
  const counts =
    filter === ''
      ? `${formatCount(shown)} of ${formatCount(total)} ${noun}s`
      : `${matchCountText(shown)} · ${countOf(total, noun)}`;
  return (
    <Text dimColor wrap="truncate-end">
      {fitStatus([part(positionText(cursor, shown, false), 1), part(counts, 2)], statusRoom(columns, filter))}
    </Text>
  );
}
