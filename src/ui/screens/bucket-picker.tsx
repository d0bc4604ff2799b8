import { Box, Text } from 'ink';
import { formatTimestamp } from '../../core/listing.js';
import { printable } from '../../core/printable.js';
import { columnWidth, padToWidth } from '../../core/display-width.js';
import type { BucketsScreen } from '../../state/app-state.js';
import { bucketMatches, bucketRegion } from '../../state/selectors.js';
import { NoticeLine } from '../components/notice-line.js';
import { CountStatus, FilterLine } from '../components/filter-line.js';
import { highlightedCell } from '../components/highlighted-name.js';
import { NoMatchLine } from '../components/no-match-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';
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
  const matches = bucketMatches(screen);
  const buckets = matches.rows;
  const nameWidth = columnWidth(buckets, (b) => b.name, 8, 40);
  const noMatch = buckets.length === 0;
  return (
    <Box flexDirection="column">
      <FilterLine
        filter={screen.nav.filter}
        right={
          <CountStatus
            cursor={screen.nav.cursor}
            shown={buckets.length}
            total={load.value.length}
            noun="bucket"
            filter={screen.nav.filter}
            columns={columns}
          />
        }
      />
      {noMatch ? <NoMatchLine /> : null}
      <WindowList
        items={buckets}
        cursor={screen.nav.cursor}
        offset={screen.nav.offset}
        height={height - (noMatch ? 1 : 0)}
        rowKey={(b) => b.name}
        renderRow={(bucket, selected) => (
          <Text wrap="truncate-end">
            <Text bold={selected}>{highlightedCell(bucket.name, matches.positions(bucket), nameWidth)}</Text>
            {'  '}
            <Text color="green">{padToWidth(printable(bucketRegion(screen, bucket) ?? ''), 16)}</Text>
            <Text dimColor>{bucket.createdAt ? `created ${formatTimestamp(bucket.createdAt)}` : ''}</Text>
          </Text>
        )}
      />
    </Box>
  );
}
