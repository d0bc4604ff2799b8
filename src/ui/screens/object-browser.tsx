import { Box, Text } from 'ink';
import { countOf, countRows, formatBytes, formatCount, formatTimestamp, rowId, type Row } from '../../core/listing.js';
import { printable } from '../../core/printable.js';
import type { ObjectsScreen } from '../../state/app-state.js';
import { visibleRows } from '../../state/selectors.js';
import { FilterLine } from '../components/filter-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';
import { FIELD_COLUMNS, visibleTail } from '../visible-tail.js';

const SIZE_WIDTH = 10;
const DATE_WIDTH = 16;

/** Narrower than this, rows leave out the date so the name keeps its room. */
const DATE_FROM_COLUMNS = 60;

export function ObjectBrowser({ screen, height, columns }: { screen: ObjectsScreen; height: number; columns: number }) {
  const withDate = columns >= DATE_FROM_COLUMNS;
  if (screen.pagesLoaded === 0) {
    if (screen.denied) {
      return (
        <Box flexDirection="column">
          <Text color="yellow" wrap="wrap">{`  Listing this folder was refused: ${printable(screen.error ?? '')}`}</Text>
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
    if (screen.error) {
      return (
        <Box flexDirection="column">
          <Text color="red" wrap="wrap">{`  ${printable(screen.error)}`}</Text>
          <Text dimColor>{'  r retry  esc back'}</Text>
        </Box>
      );
    }
    return <Spinner label="Listing objects…" />;
  }
  const rows = visibleRows(screen);
  if (screen.rows.length === 0 && screen.complete) {
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
      <FilterLine filter={screen.nav.filter} right={<Status screen={screen} shown={rows.length} />} />
      <WindowList
        items={rows}
        cursor={screen.nav.cursor}
        offset={screen.nav.offset}
        height={height}
        rowKey={rowId}
        renderRow={(row, selected) => <ObjectRow row={row} selected={selected} withDate={withDate} />}
      />
      {rows.length === 0 ? <Text dimColor>{'   nothing loaded matches the filter'}</Text> : null}
    </Box>
  );
}

/** The name takes what the size and date columns leave, so the row follows the terminal's width. */
function ObjectRow({ row, selected, withDate }: { row: Row; selected: boolean; withDate: boolean }) {
  if (row.kind === 'folder') {
    return (
      <Box flexGrow={1} flexShrink={1}>
        <Text bold={selected} color="blue" wrap="truncate-middle">{`📁 ${printable(row.name)}`}</Text>
      </Box>
    );
  }
  return (
    <Box flexGrow={1}>
      <Box flexGrow={1} flexShrink={1} minWidth={4}>
        <Text bold={selected} wrap="truncate-middle">{`📄 ${printable(row.name)}`}</Text>
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

function Status({ screen, shown }: { screen: ObjectsScreen; shown: number }) {
  const { folders, objects } = countRows(screen.rows);
  const counts = `${countOf(objects, 'object')} · ${countOf(folders, 'folder')}`;
  const filtered = screen.nav.filter === '' ? '' : `${formatCount(shown)} match · `;
  const search = screen.search === undefined ? '' : `starting “${visibleTail(screen.search, FIELD_COLUMNS)}” · `;
  if (screen.error) {
    return <Text color="red" wrap="truncate-end">{`${counts} · (r retry) ${printable(screen.error)}`}</Text>;
  }
  if (screen.pendingRequest !== undefined) return <Text dimColor>{`${search}${filtered}${counts} · loading more…`}</Text>;
  const more = screen.complete ? '' : ' loaded · more ↓';
  return <Text dimColor>{`${search}${filtered}${counts}${more}`}</Text>;
}
