import { Box, Text } from 'ink';
import { formatBytes, formatCount, formatTimestamp } from '../../core/listing.js';
import { printable } from '../../core/printable.js';
import type { VersionsScreen } from '../../state/app-state.js';
import { scrollFor } from '../../state/list-nav.js';
import { NoticeLine } from '../components/notice-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';
import { fitStatus, part, positionText } from '../status-parts.js';

/** Version ids are long; the first characters tell them apart on screen. */
const ID_WIDTH = 12;

/** Columns the title keeps on a narrow line: "  Versions of " and the start of the key. */
const TITLE_ROOM = 20;

export function Versions({ screen, height, columns }: { screen: VersionsScreen; height: number; columns: number }) {
  const { listing } = screen;
  const more = listing.status !== 'complete';
  const status = fitStatus(
    [
      part(screen.pagesLoaded > 0 && positionText(screen.nav.cursor, screen.versions.length, more), 1),
      screen.nav.pending?.to === 'end'
        ? part(`to the end… ${formatCount(screen.versions.length)} loaded`, 0)
        : part(listing.status === 'loading' && screen.pagesLoaded > 0 && 'loading more…', 2),
    ],
    Math.max(1, columns - 3 - TITLE_ROOM),
  );
  const title = (
    <Box justifyContent="space-between">
      <Text wrap="truncate-middle">
        {`  Versions of `}
        <Text bold>{printable(screen.key)}</Text>
      </Text>
      {status === '' ? null : (
        <Box marginLeft={2} marginRight={1} flexShrink={0}>
          <Text dimColor wrap="truncate-end">
            {status}
          </Text>
        </Box>
      )}
    </Box>
  );
  if (screen.versioning === 'off') {
    return (
      <Box flexDirection="column">
        {title}
        <NoticeLine
          notice={{
            tone: 'warning',
            text: 'Versioning is off for this bucket: only the current object can be shared.',
          }}
        />
      </Box>
    );
  }
  if (listing.status === 'failed') return <NoticeLine notice={{ tone: 'error', text: listing.error.message }} />;
  if (screen.pagesLoaded === 0) return <Spinner label="Listing versions…" />;
  const rows = height - 1 - (screen.versioning === 'suspended' ? 1 : 0);
  return (
    <Box flexDirection="column">
      {title}
      {screen.versioning === 'suspended' ? (
        <NoticeLine
          notice={{ tone: 'info', text: 'Versioning is suspended: new writes replace the current version.' }}
        />
      ) : null}
      <WindowList
        items={screen.versions}
        cursor={screen.nav.cursor}
        // The title (and a notice) take rows from the list: scrolled for the rows it has, the cursor stays on screen.
        offset={scrollFor(screen.nav.offset, screen.nav.cursor, screen.versions.length, rows)}
        height={rows}
        rowKey={(version) => version.versionId}
        renderRow={(version, selected) => (
          <Text wrap="truncate-end">
            <Text bold={selected}>{printable(version.versionId.slice(0, ID_WIDTH)).padEnd(ID_WIDTH + 2)}</Text>
            <Text dimColor>
              {(version.lastModified ? formatTimestamp(version.lastModified.getTime()) : '').padEnd(18)}
            </Text>
            {version.deleteMarker ? (
              <Text color="yellow">{'delete marker (nothing to share)'}</Text>
            ) : (
              <Text>{formatBytes(version.size ?? 0).padStart(10)}</Text>
            )}
            {version.isLatest ? <Text color="green">{'  latest'}</Text> : null}
          </Text>
        )}
      />
    </Box>
  );
}
