import { Box, Text } from 'ink';
import { formatLocal, formatRelative, formatUtc } from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import type { ResultScreen } from '../../state/app-state.js';

/**
 * The URL stands alone on its lines, in the first column, without borders or colour: the
 * terminal's own wrapping then lets a mouse selection copy it whole (see soft-wrap.ts).
 * Nothing on this screen ticks, so a selection in progress is never cleared by a redraw.
 */
export function Result({ screen }: { screen: ResultScreen }) {
  const { presigned, notice } = screen;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-middle">
        {`  ${presigned.method} link to `}
        <Text bold>{printable(`s3://${presigned.bucket}/${presigned.key}`)}</Text>
        <Text dimColor>{`  (signed for ${presigned.region})`}</Text>
      </Text>
      <Text> </Text>
      <Text>{presigned.url}</Text>
      <Text> </Text>
      <Text>
        {'  Expires '}
        <Text color="green" bold>
          {formatRelative(presigned.expiresInSeconds)}
        </Text>
        {`  ·  ${formatLocal(presigned.expiresAt)}  ·  ${formatUtc(presigned.expiresAt)}`}
      </Text>
      {notice ? (
        <Text color={notice.startsWith('Not copied') ? 'yellow' : 'cyan'} wrap="wrap">{`  ${printable(notice)}`}</Text>
      ) : null}
    </Box>
  );
}
