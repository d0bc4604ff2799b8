import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatLocal, formatRelative, formatUtc } from '../../core/expiry.js';
import { LINK_FORMAT_LABELS, type LinkFormat } from '../../core/link-formats.js';
import { displayWidth } from '../../core/display-width.js';
import { printable } from '../../core/printable.js';
import type { LinksScreen, SharedRow } from '../../state/app-state.js';
import { doneChecks, failedChecks } from '../../state/screens/links.js';
import { NoticeLine } from '../components/notice-line.js';
import { wrapWords } from '../wrap-text.js';

/** Rows around the list: header, expiry line, format line, check line, notice and footer. */
export const LINKS_CHROME_ROWS = 10;

const TIME_SEPARATOR = '  ·  ';

/** Where a row's problem starts: under its key. */
const PROBLEM_INDENT = '    ';

/**
 * Several links: each key on its line (✓ when its check answered, ✗ and why not), its URL alone
 * on the next line(s) in the first column, so a mouse selection still copies whole URLs. One
 * expiry for all; one line for the checks. Scrolls by link.
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
  const unsigned = screen.rows.length - signed;
  const room = Math.max(2, rows - LINKS_CHROME_ROWS);
  const shown: ReactNode[] = [];
  let used = 0;
  for (let i = screen.offset; i < screen.rows.length; i += 1) {
    const row = screen.rows[i]!;
    const height = linkRowHeight(row, columns);
    if (used + height > room && shown.length > 0) break;
    used += height;
    shown.push(<LinkRow key={i} row={row} columns={columns} checking={screen.checks?.request !== undefined} />);
  }
  const last = screen.offset + shown.length;
  const lead = `  ${signed === 1 ? '1 link' : `${signed} links`}${unsigned ? `, ${unsigned} not signed` : ''} · expire `;
  const relative = formatRelative(lasts);
  // One line, as LINKS_CHROME_ROWS counts it: the exact times give way (UTC first) on a narrow terminal.
  const times = [formatLocal(screen.expiresAt), formatUtc(screen.expiresAt)];
  const timesRoom = columns - 1 - displayWidth(lead + relative);
  while (times.length > 0 && displayWidth(times.map((time) => `${TIME_SEPARATOR}${time}`).join('')) > timesRoom)
    times.pop();
  return (
    <Box flexDirection="column">
      <Text>
        {lead}
        <Text color="green" bold>
          {relative}
        </Text>
        {times.map((time) => `${TIME_SEPARATOR}${time}`).join('')}
      </Text>
      <Text
        dimColor
      >{`  c copies all as ${LINK_FORMAT_LABELS[format]} (f changes) · ${screen.offset + 1}–${last} of ${screen.rows.length}`}</Text>
      <ChecksLine screen={screen} />
      {shown}
      {screen.notice ? <NoticeLine notice={screen.notice} /> : null}
    </Box>
  );
}

/** How the checks stand: counting while they run, then how many failed. */
function ChecksLine({ screen }: { screen: LinksScreen }) {
  const { checks } = screen;
  if (!checks) return <Text dimColor>{'  links not checked'}</Text>;
  const done = doneChecks(screen);
  if (checks.request !== undefined) return <Text color="cyan">{`  checked ${done} of ${checks.total}`}</Text>;
  const failed = failedChecks(screen);
  if (failed === 0) {
    return (
      <Text color="green">{checks.total === 1 ? '  ✓ the link answers' : `  ✓ all ${checks.total} links answer`}</Text>
    );
  }
  return (
    <Text color="red">{`  ✗ ${failed} of ${checks.total} ${checks.total === 1 ? 'link' : 'links'} failed the check`}</Text>
  );
}

function LinkRow({ row, columns, checking }: { row: SharedRow; columns: number; checking: boolean }) {
  const problem = problemOf(row);
  const mark =
    !row.url || row.check?.ok === false ? (
      <Text color="red">{'  ✗ '}</Text>
    ) : row.check?.ok ? (
      <Text color="green">{'  ✓ '}</Text>
    ) : (
      <Text dimColor>{checking ? '  … ' : '  · '}</Text>
    );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-middle">
        {mark}
        <Text bold>{printable(row.key)}</Text>
      </Text>
      {problem
        ? problemLines(problem, columns).map((line, i) => (
            <Text key={i} color="red">
              {line}
            </Text>
          ))
        : null}
      {row.url ? <Text>{row.url}</Text> : null}
    </Box>
  );
}

/** Lines a row takes at this width: its key, why it fails (wrapped), its URL (wrapped by the terminal). */
export function linkRowHeight(row: SharedRow, columns: number): number {
  const problem = problemOf(row);
  return (
    1 +
    (problem ? problemLines(problem, columns).length : 0) +
    (row.url ? Math.ceil(row.url.length / Math.max(1, columns)) : 0)
  );
}

/** Why a row's link does not work: it could not be signed, or its check failed. */
function problemOf(row: SharedRow): string | undefined {
  if (row.problem) return row.problem;
  return row.check?.ok === false ? row.check.message : undefined;
}

function problemLines(problem: string, columns: number): string[] {
  return wrapWords(printable(problem), Math.max(1, columns - PROBLEM_INDENT.length)).map(
    (line) => PROBLEM_INDENT + line,
  );
}
