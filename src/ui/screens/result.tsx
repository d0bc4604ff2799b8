import { Box, Text } from 'ink';
import { formatLocal, formatRelative, formatUtc } from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import { qrForTerminal } from '../../core/qr.js';
import { shellQuote } from '../../core/shell-quote.js';
import type { ResultScreen } from '../../state/app-state.js';
import { NoticeLine } from '../components/notice-line.js';
import { checkLine } from '../../core/link-summary.js';
import { skewWarning } from '../../core/clock-offset.js';

/**
 * The URL stands alone on its lines, in the first column, without borders or colour: the
 * terminal's own wrapping then lets a mouse selection copy it whole (see soft-wrap.ts).
 * Nothing on this screen ticks, so a selection in progress is never cleared by a redraw.
 */
interface ResultProps {
  screen: ResultScreen;
  columns: number;
  rows: number;
  /** What stays on the terminal after the app ends: the link without passing notices. */
  final?: boolean;
  /** The profile that signed, named in the check's messages. */
  profile?: string | undefined;
}

export function Result({ screen, columns, rows, final = false, profile }: ResultProps) {
  const { presigned } = screen;
  const notice = final ? undefined : screen.notice;
  if (screen.showQr) return <QrCode url={presigned.url} columns={columns} rows={rows} />;
  // Header, footer and the expiry line around the URL; never show a link cut short.
  const urlRows = Math.ceil(presigned.url.length / Math.max(1, columns));
  if (urlRows + RESULT_CHROME_ROWS > rows) {
    return (
      <Text color="yellow" wrap="wrap">
        {`  The link takes ${urlRows} lines at this width and does not fit: enlarge the terminal to see it whole, or press c to copy it.`}
      </Text>
    );
  }
  const roomy = urlRows + RESULT_CHROME_ROWS + 4 <= rows;
  const lasts = Math.round((presigned.expiresAt.getTime() - presigned.signedAt.getTime()) / 1000);
  const cutShort = presigned.expiresAt < presigned.requestedExpiresAt;
  const check = screen.check ? checkLine(screen.check, profile ?? 'default') : undefined;
  return (
    <Box flexDirection="column">
      {/* A link that fails its check never looks like a good one: the reason comes first. */}
      {check?.tone === 'error' ? <NoticeLine notice={{ tone: 'error', text: check.text }} /> : null}
      {roomy ? (
        <>
          <Text wrap="truncate-middle">
            {`  ${presigned.method} link to `}
            <Text bold>{printable(`s3://${presigned.bucket}/${presigned.key}`)}</Text>
            <Text dimColor>{`  (signed for ${printable(presigned.region)})`}</Text>
          </Text>
          {presigned.versionId ? (
            <Text wrap="truncate-end" dimColor>
              {`  version ${printable(presigned.versionId)}: fixed, it serves this content even after the object changes`}
            </Text>
          ) : null}
          <Text> </Text>
        </>
      ) : null}
      <Text>{presigned.url}</Text>
      {roomy ? <Text> </Text> : null}
      {presigned.method === 'PUT' ? (
        <>
          <Text dimColor>{'  Upload with:'}</Text>
          <Text>{`curl -T FILE ${shellQuote(presigned.url)}`}</Text>
          <Text> </Text>
        </>
      ) : null}
      <Text>
        {'  Expires '}
        <Text color={cutShort ? 'yellow' : 'green'} bold>
          {formatRelative(lasts)}
        </Text>
        {`  ·  ${formatLocal(presigned.expiresAt)}  ·  ${formatUtc(presigned.expiresAt)}`}
      </Text>
      {cutShort ? (
        <Text color="yellow" wrap="wrap">
          {`  ⚠ The temporary credentials that signed this link end first: it stops working at ${formatLocal(
            presigned.expiresAt,
          )}, not at ${formatLocal(presigned.requestedExpiresAt)} as asked. Sign with long-term keys or a longer session for more.`}
        </Text>
      ) : null}
      {check && check.tone !== 'error' ? (
        <NoticeLine notice={{ tone: check.tone === 'ok' ? 'success' : 'info', text: check.text }} />
      ) : null}
      {presigned.clockOffsetMs !== undefined ? (
        <NoticeLine notice={{ tone: 'warning', text: `⚠ ${skewWarning(presigned.clockOffsetMs)}` }} />
      ) : null}
      {notice ? <NoticeLine notice={notice} /> : null}
    </Box>
  );
}

/** Rows the header, footer, expiry line, check line and a spare take around the URL. */
const RESULT_CHROME_ROWS = 8;

/** Rows the header and footer take around the code. */
const QR_CHROME_ROWS = 5;

function QrCode({ url, columns, rows }: { url: string; columns: number; rows: number }) {
  const fit = qrForTerminal(url, columns, rows, QR_CHROME_ROWS);
  if (!fit.fits) {
    return (
      <Box paddingLeft={2}>
        <Text color="yellow" wrap="wrap">
          {fit.message}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {fit.lines.map((line, i) => (
        <Text key={i} color="black" backgroundColor="white">
          {line}
        </Text>
      ))}
    </Box>
  );
}
