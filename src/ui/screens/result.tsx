import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { formatLocal, formatRelative, formatUtc } from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import { qrForTerminal } from '../../core/qr.js';
import { shellQuote } from '../../core/shell-quote.js';
import type { PresignedUrl } from '../../core/ports.js';
import type { Notice, ResultScreen } from '../../state/app-state.js';
import { TONE_COLOR } from '../components/notice-line.js';
import { fitBlocks, KEEP, type Block, type Variant } from '../fit-blocks.js';
import { packParts, wrapWords } from '../wrap-text.js';
import { checkLine } from '../../core/link-summary.js';
import { skewWarning } from '../../core/clock-offset.js';

interface ResultProps {
  screen: ResultScreen;
  columns: number;
  /** The terminal's rows (the QR code's size check names them). */
  rows: number;
  /** Rows this screen may fill between the header and the footer. */
  room: number;
  /** What stays on the terminal after the app ends: the link without passing notices. */
  final?: boolean;
  /** The profile that signed, named in the check's messages. */
  profile?: string | undefined;
}

const INDENT = '  ';

/**
 * Nothing on this screen ticks, so a selection in progress is never cleared by a redraw.
 * The URL always shows whole, with the header above and the footer below; what does not fit
 * around it gives way, the least needed first: spacing, the version note, the `curl -T` line
 * (then its short form), the check's proof, the title, the long expiry, warnings, the notice.
 * The reason a link fails never gives way: without it, a failing link would look like a good one.
 */
export function Result({ screen, columns, rows, room, final = false, profile }: ResultProps) {
  const { presigned } = screen;
  if (screen.showQr) return <QrCode url={presigned.url} columns={columns} rows={rows} />;
  const blocks = resultBlocks(screen, columns, final ? undefined : screen.notice, profile);
  // A spare row when there is one: a frame as tall as the terminal is redrawn by clearing it.
  // What stays after the app ends may run into the scrollback rather than leave the URL out.
  const fitted =
    fitBlocks(blocks, room - 1) ??
    fitBlocks(blocks, room) ??
    (final ? fitBlocks(blocks, Number.POSITIVE_INFINITY) : undefined);
  if (!fitted) {
    const urlRows = Math.ceil(stringWidth(presigned.url) / Math.max(1, columns));
    const message = `The link takes ${urlRows} lines at this width and does not fit: enlarge the terminal to see it whole, or press c to copy it.`;
    const problem = blocks.find((block) => block.key === 'problem')?.variants[0]?.node;
    return (
      <Box flexDirection="column">
        {problem}
        <Lines rows={wrapWords(message, columns - INDENT.length)} color="yellow" />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {fitted.map((variant) => (
        <Box key={variant.key} flexDirection="column">
          {variant.node}
        </Box>
      ))}
    </Box>
  );
}

function resultBlocks(
  screen: ResultScreen,
  columns: number,
  notice: Notice | undefined,
  profile: string | undefined,
): Block[] {
  const { presigned } = screen;
  const width = columns - INDENT.length;
  const check = screen.check ? checkLine(screen.check, profile ?? 'default') : undefined;
  const lasts = Math.round((presigned.expiresAt.getTime() - presigned.signedAt.getTime()) / 1000);
  const cutShort = presigned.expiresAt < presigned.requestedExpiresAt;
  const spacer = (key: string, rank: number): Block => ({ key, variants: [{ node: <Text> </Text>, rows: 1, rank }] });
  const text = (key: string, content: string, rank: number, color?: string): Block => ({
    key,
    variants: [lines(content, width, rank, color)],
  });
  const blocks: Block[] = [];
  // A link that fails its check never looks like a good one: the reason comes first, and stays.
  if (check?.tone === 'error') blocks.push(text('problem', check.text, KEEP, 'red'));
  blocks.push({ key: 'title', variants: [{ rows: 1, rank: 40, node: <Title presigned={presigned} width={width} /> }] });
  if (presigned.versionId) {
    blocks.push({
      key: 'version',
      variants: [
        {
          rows: 1,
          rank: 60,
          node: (
            <Text wrap="truncate-end" dimColor>
              {`${INDENT}version ${printable(presigned.versionId)}: fixed, it serves this content even after the object changes`}
            </Text>
          ),
        },
      ],
    });
  }
  blocks.push(spacer('above-url', 92));
  // The URL stands alone on its lines, in the first column, without borders or colour: the
  // terminal's own wrapping then lets a mouse selection copy it whole (see soft-wrap.ts).
  blocks.push({
    key: 'url',
    variants: [{ node: <Text>{presigned.url}</Text>, rows: rowsOf(presigned.url, columns), rank: KEEP }],
  });
  blocks.push(spacer('below-url', 91));
  blocks.push({
    key: 'expiry',
    variants: [
      expiryLines([formatLocal(presigned.expiresAt), formatUtc(presigned.expiresAt)], lasts, cutShort, width, 35),
      expiryLines([formatUtc(presigned.expiresAt)], lasts, cutShort, width, 20),
      expiryLines([], lasts, cutShort, width, 6),
    ],
  });
  if (cutShort) {
    blocks.push({
      key: 'cut-short',
      variants: [
        lines(
          `⚠ The temporary credentials that signed this link end first: it stops working at ${formatLocal(
            presigned.expiresAt,
          )}, not at ${formatLocal(presigned.requestedExpiresAt)} as asked. Sign with long-term keys or a longer session for more.`,
          width,
          30,
          'yellow',
        ),
        lines('⚠ It ends early, with the credentials that signed it.', width, 14, 'yellow'),
      ],
    });
  }
  if (check && check.tone !== 'error') {
    blocks.push(text('check', check.text, check.tone === 'ok' ? 50 : 52, check.tone === 'ok' ? 'green' : 'cyan'));
  }
  if (presigned.clockOffsetMs !== undefined) {
    blocks.push(text('clock', `⚠ ${skewWarning(presigned.clockOffsetMs)}`, 30, 'yellow'));
  }
  if (presigned.method === 'PUT') {
    const curl = `curl -T FILE ${shellQuote(presigned.url)}`;
    blocks.push(spacer('above-upload', 89));
    blocks.push({
      key: 'upload',
      variants: [
        {
          rows: 1 + rowsOf(curl, columns),
          rank: 70,
          node: (
            <>
              <Text dimColor>{`${INDENT}Upload with:`}</Text>
              <Text>{curl}</Text>
            </>
          ),
        },
        lines('Upload with curl -T FILE and the URL', width, 45, undefined, true),
      ],
    });
  }
  if (notice) blocks.push(text('notice', notice.text, 12, TONE_COLOR[notice.tone]));
  return blocks;
}

/**
 * "GET link to s3://bucket/key  (signed for region)": on a narrow terminal the region goes
 * first, so the object's name stays whole as long as it can.
 */
function Title({ presigned, width }: { presigned: PresignedUrl; width: number }) {
  const what = `${presigned.method} link to `;
  const uri = printable(`s3://${presigned.bucket}/${presigned.key}`);
  const region = `  (signed for ${printable(presigned.region)})`;
  const withRegion = stringWidth(what + uri + region) <= width;
  return (
    <Text wrap="truncate-middle">
      {INDENT + what}
      <Text bold>{uri}</Text>
      {withRegion ? <Text dimColor>{region}</Text> : null}
    </Text>
  );
}

/** Text wrapped at spaces to the screen's indent: exactly as many rows as it says. */
function lines(text: string, width: number, rank: number, color?: string, dim = false): Variant {
  const wrapped = wrapWords(printable(text), width);
  return { rows: wrapped.length, rank, node: <Lines rows={wrapped} color={color} dim={dim} /> };
}

function Lines({ rows, color, dim = false }: { rows: readonly string[]; color?: string | undefined; dim?: boolean }) {
  return (
    <>
      {rows.map((line, i) => (
        <Text key={i} color={color} dimColor={dim} wrap="truncate-end">
          {INDENT + line}
        </Text>
      ))}
    </>
  );
}

/** "Expires in 24 hours" and the times given, packed onto as few rows as the width allows. */
function expiryLines(times: readonly string[], lasts: number, cutShort: boolean, width: number, rank: number): Variant {
  const relative = formatRelative(lasts);
  const parts = [`Expires ${relative}`, ...times];
  const packed = packParts(parts, SEPARATOR, width);
  return {
    rows: packed.length,
    rank,
    node: (
      <>
        {packed.map((indexes, row) => (
          <Text key={row}>
            {INDENT}
            {indexes.map((index, i) => (
              <Text key={index}>
                {i > 0 ? SEPARATOR : ''}
                {index === 0 ? (
                  <>
                    {'Expires '}
                    <Text color={cutShort ? 'yellow' : 'green'} bold>
                      {relative}
                    </Text>
                  </>
                ) : (
                  parts[index]
                )}
              </Text>
            ))}
          </Text>
        ))}
      </>
    ),
  };
}

const SEPARATOR = '  ·  ';

/** Rows a line without spaces (a URL) takes: the terminal breaks it every `columns` cells. */
function rowsOf(line: string, columns: number): number {
  return Math.max(1, Math.ceil(stringWidth(line) / Math.max(1, columns)));
}

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
