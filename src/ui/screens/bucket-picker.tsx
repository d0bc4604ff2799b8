import { Box, Text } from 'ink';
import { formatCount, formatTimestamp } from '../../core/listing.js';
import { columnWidth, padToWidth, printable } from '../../core/printable.js';
import type { BucketsScreen } from '../../state/app-state.js';
import { bucketRegion, visibleBuckets } from '../../state/selectors.js';
import { NoticeLine } from '../components/notice-line.js';
import { FilterLine, statusRoom } from '../components/filter-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';
import { fitStatus, part, positionText } from '../status-parts.js';
import { FIELD_COLUMNS, visibleTail } from '../visible-tail.js';

export function BucketPicker({ screen, height, columns }: { screen: BucketsScreen; height: number; columns: number }) {
  const { load } = screen;
  if (load.status === 'idle' || load.status === 'loading') return <Spinner label="Listing buckets…" />;
  if (load.status === 'denied') {
    return (
      <Box flexDirection="column">
        <Text color="yellow" wrap="wrap">{`  Listing buckets was refused: ${printable(load.error.message)}`}</Text>
        <Text> </Text>
        <Text>
          {'  Type a bucket name and press ⏎: '}
          <Text bold>{visibleTail(screen.nav.filter, FIELD_COLUMNS)}</Text>
          <Text inverse> </Text>
        </Text>
      </Box>
    );
  }
  if (load.status === 'failed') {
    return (
      <Box flexDirection="column">
        <NoticeLine notice={{ tone: 'error', text: load.error.message }} />
      </Box>
    );
  }
  if (load.value.length === 0) return <Text>{'  This account has no buckets.'}</Text>;
  const buckets = visibleBuckets(screen);
  const nameWidth = columnWidth(buckets, (b) => b.name, 8, 40);
  return (
    <Box flexDirection="column">
      <FilterLine
        filter={screen.nav.filter}
        right={
          <Text dimColor wrap="truncate-end">
            {fitStatus(
              [
                part(positionText(screen.nav.cursor, buckets.length, false), 1),
                part(`${formatCount(buckets.length)} of ${formatCount(load.value.length)} buckets`, 2),
              ],
              statusRoom(columns, screen.nav.filter),
            )}
          </Text>
        }
      />
      <WindowList
        items={buckets}
        cursor={screen.nav.cursor}
        offset={screen.nav.offset}
        height={height}
        rowKey={(b) => b.name}
        renderRow={(bucket, selected) => (
          <Text wrap="truncate-end">
            <Text bold={selected}>{padToWidth(printable(bucket.name), nameWidth)}</Text>
            {'  '}
            <Text color="green">{padToWidth(printable(bucketRegion(screen, bucket) ?? ''), 16)}</Text>
            <Text dimColor>{bucket.createdAt ? `created ${formatTimestamp(bucket.createdAt)}` : ''}</Text>
          </Text>
        )}
      />
    </Box>
  );
}
