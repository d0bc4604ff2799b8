import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatLocal, formatRelative, formatUtc } from '../../core/expiry.js';
import { LINK_FORMAT_LABELS, type LinkFormat } from '../../core/link-formats.js';
import { printable } from '../../core/printable.js';
import type { LinksScreen } from '../../state/app-state.js';
import { NoticeLine } from '../components/notice-line.js';

/** Rows around the list: header, expiry line, format line, notice and footer. */
export const LINKS_CHROME_ROWS = 9;

/**
 * Several links: each key on its line, its URL alone on the next line(s) in the first column, so a
 * mouse selection still copies whole URLs. One expiry for all. Scrolls by link.
 */
export function Links({
  screen,
  format,
  columns,
  rows,
}: {
  screen: LinksScreen;
  format: LinkFormat;
  columns: number;
  rows: number;
}) {
  const lasts = Math.round((screen.expiresAt.getTime() - screen.signedAt.getTime()) / 1000);
  const signed = screen.rows.filter((row) => row.url).length;
  const failed = screen.rows.length - signed;
  const room = Math.max(2, rows - LINKS_CHROME_ROWS);
  const shown: ReactNode[] = [];
  let used = 0;
  for (let i = screen.offset; i < screen.rows.length; i += 1) {
    const row = screen.rows[i]!;
    const height = 1 + (row.url ? Math.ceil(row.url.length / Math.max(1, columns)) : 0);
    if (used + height > room && shown.length > 0) break;
    used += height;
    shown.push(
      <Box key={i} flexDirection="column">
        <Text wrap="truncate-middle">
          {row.url ? <Text color="green">{'  ✓ '}</Text> : <Text color="red">{'  ✗ '}</Text>}
          <Text bold>{printable(row.key)}</Text>
          {row.problem ? <Text color="red">{`  ${printable(row.problem)}`}</Text> : null}
        </Text>
        {row.url ? <Text>{row.url}</Text> : null}
      </Box>,
    );
  }
  const last = screen.offset + shown.length;
  return (
    <Box flexDirection="column">
      <Text>
        {`  ${signed === 1 ? '1 link' : `${signed} links`}${failed ? `, ${failed} not signed` : ''} · expire `}
        <Text color="green" bold>
          {formatRelative(lasts)}
        </Text>
        {`  ·  ${formatLocal(screen.expiresAt)}  ·  ${formatUtc(screen.expiresAt)}`}
      </Text>
      <Text
        dimColor
      >{`  c copies all as ${LINK_FORMAT_LABELS[format]} (f changes) · ${screen.offset + 1}–${last} of ${screen.rows.length}`}</Text>
      {shown}
      {screen.notice ? <NoticeLine notice={screen.notice} /> : null}
    </Box>
  );
}
