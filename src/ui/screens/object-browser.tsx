import { Box, Text } from 'ink';
import { countOf, countRows, formatBytes, formatCount, formatTimestamp, rowId, type Row } from '../../core/listing.js';
import { printable } from '../../core/printable.js';
import { matchCountText } from '../../core/fuzzy-filter.js';
import { sortLabel } from '../../core/sort-rows.js';
import type { Marks, ObjectsScreen } from '../../state/app-state.js';
import { isMarked, marksSummary } from '../../state/screens/marks.js';
import { objectMatches } from '../../state/selectors.js';
import { NoticeLine } from '../components/notice-line.js';
import { FilterLine, statusRoom } from '../components/filter-line.js';
import { highlighted } from '../components/highlighted-name.js';
import { NoMatchLine } from '../components/no-match-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';
import { BINDINGS } from '../keys.js';
import { fitStatus, part, positionText } from '../status-parts.js';
import { FIELD_COLUMNS, visibleTail } from '../visible-tail.js';

const SIZE_WIDTH = 10;
const DATE_WIDTH = 16;

/** Narrower than this, rows leave out the date so the name keeps its room. */
const DATE_FROM_COLUMNS = 60;

export function ObjectBrowser({
  screen,
  height,
  columns,
  marks,
}: {
  screen: ObjectsScreen;
  height: number;
  columns: number;
  marks?: Marks | undefined;
}) {
  const withDate = columns >= DATE_FROM_COLUMNS;
  const { listing } = screen;
  if (screen.pagesLoaded === 0) {
    if (listing.status === 'denied') {
      return (
        <Box flexDirection="column">
          <Text
            color="yellow"
            wrap="wrap"
          >{`  Listing this folder was refused: ${printable(listing.error.message)}`}</Text>
          <Text> </Text>
          <Text wrap="truncate-start">
            {'  Type the object key and press ⏎: '}
            <Text dimColor>{printable(screen.prefix)}</Text>
            <Text bold>{visibleTail(screen.nav.filter, FIELD_COLUMNS)}</Text>
            <Text inverse> </Text>
          </Text>
        </Box>
      );
    }
    if (listing.status === 'failed') return <NoticeLine notice={{ tone: 'error', text: listing.error.message }} />;
    return <Spinner label="Listing objects…" />;
  }
  const matches = objectMatches(screen);
  const rows = matches.rows;
  const noMatch = rows.length === 0;
  // The mark column shows once something in this bucket is marked.
  const marking = marks?.bucket === screen.bucket;
  if (screen.rows.length === 0 && listing.status === 'complete') {
    if (screen.search !== undefined) {
      return (
        <Box flexDirection="column">
          <Text>{`  No key in this folder starts with “${visibleTail(screen.search, FIELD_COLUMNS)}”.`}</Text>
          <Text dimColor>{'  esc back to the folder, with the filter to change'}</Text>
        </Box>
      );
    }
    return <Text>{screen.prefix === '' ? '  This bucket is empty.' : '  This folder is empty.'}</Text>;
  }
  return (
    <Box flexDirection="column">
      <FilterLine
        filter={screen.nav.filter}
        right={<Status screen={screen} shown={rows.length} marks={marks} columns={columns} />}
      />
      {noMatch ? <NoMatchLine hint={searchHint(screen)} /> : null}
      <WindowList
        items={rows}
        cursor={screen.nav.cursor}
        offset={screen.nav.offset}
        height={height - (noMatch ? 1 : 0)}
        rowKey={rowId}
        renderRow={(row, selected) => (
          <ObjectRow
            row={row}
            positions={matches.positions(row)}
            selected={selected}
            withDate={withDate}
            marked={marking ? isMarked(marks, screen.bucket, row) : undefined}
          />
        )}
      />
    </Box>
  );
}

/**
 * While more keys exist than are loaded, the server may hold a match: the key that asks it (its
 * words from the key map). A folder listed whole has none to give.
 */
function searchHint(screen: ObjectsScreen): string | undefined {
  if (screen.listing.status === 'complete') return undefined;
  const search = BINDINGS.find((binding) => binding.keys.includes('tab') && binding.owners.includes('objects'));
  if (!search) return undefined;
  // In a server search, Tab searches on from it.
  const start = (screen.search ?? '') + screen.nav.filter;
  return `${search.label} ${search.does} for keys starting with “${visibleTail(start, FIELD_COLUMNS)}”`;
}

/** The name takes what the size and date columns leave, so the row follows the terminal's width. */
interface ObjectRowProps {
  row: Row;
  /** The characters of the name the filter matched. */
  positions: ReadonlySet<number>;
  selected: boolean;
  withDate: boolean;
  /** undefined: no mark column (nothing marked). */
  marked: boolean | undefined;
}

function ObjectRow({ row, positions, selected, withDate, marked }: ObjectRowProps) {
  const mark =
    marked === undefined ? null : (
      <Box flexShrink={0} width={2}>
        <Text color="magenta" bold>
          {marked ? '●' : ' '}
        </Text>
      </Box>
    );
  if (row.kind === 'folder') {
    return (
      <Box flexGrow={1} flexShrink={1}>
        {mark}
        <Text bold={selected} color="blue" wrap="truncate-middle">{`📁 ${highlighted(row.name, positions)}`}</Text>
      </Box>
    );
  }
  return (
    <Box flexGrow={1}>
      {mark}
      <Box flexGrow={1} flexShrink={1} minWidth={4}>
        <Text bold={selected} wrap="truncate-middle">{`📄 ${highlighted(row.name, positions)}`}</Text>
      </Box>
      <Box width={SIZE_WIDTH + 2} flexShrink={0} justifyContent="flex-end">
        <Text>{formatBytes(row.size)}</Text>
      </Box>
      {withDate ? (
        <Box width={DATE_WIDTH + 2} flexShrink={0} justifyContent="flex-end">
          <Text dimColor>{row.modifiedAt === undefined ? '' : formatTimestamp(row.modifiedAt)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** The start of a failure's message that a narrow status line keeps (the rest is cut). */
const MESSAGE_COLUMNS = 24;

function Status({
  screen,
  shown,
  marks,
  columns,
}: {
  screen: ObjectsScreen;
  shown: number;
  marks?: Marks | undefined;
  columns: number;
}) {
  const { folders, objects } = countRows(screen.rows);
  const { listing } = screen;
  const more = listing.status !== 'complete';
  const toEnd = screen.nav.pending?.to === 'end';
  const counts = `${countOf(objects, 'object')} · ${countOf(folders, 'folder')}`;
  const text = fitStatus(
    [
      part(positionText(screen.nav.cursor, shown, more), 1),
      // What the order of the rows means, and while more pages exist, that it covers only those loaded.
      part(screen.sort && sortLabel(screen.sort, { rows: screen.rows.length, more }), 3),
      part(screen.search !== undefined && `starting “${visibleTail(screen.search, FIELD_COLUMNS)}”`, 4, 16),
      part(screen.nav.filter !== '' && matchCountText(shown), 6),
      part(marksSummary(marks, screen.bucket), 4),
      part(listing.status === 'more' && !toEnd ? `${counts} loaded` : counts, 5),
      listing.status === 'failed'
        ? part(printable(listing.error.message), 0, MESSAGE_COLUMNS)
        : toEnd
          ? part(`to the end… ${formatCount(screen.rows.length)} loaded`, 0)
          : listing.status === 'loading'
            ? part('loading more…', 2)
            : part(listing.status === 'more' && 'more ↓', 7),
    ],
    statusRoom(columns, screen.nav.filter),
  );
  return listing.status === 'failed' ? (
    <Text color="red" wrap="truncate-end">
      {text}
    </Text>
  ) : (
    <Text dimColor wrap="truncate-end">
      {text}
    </Text>
  );
}
