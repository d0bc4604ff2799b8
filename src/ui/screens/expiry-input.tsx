import { Box, Text } from 'ink';
import { expiresAt, formatLocal, formatRelative, formatUtc, MAX_EXPIRY_HOURS, parseExpiry } from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import type { ExpiryScreen } from '../../state/app-state.js';
import { Spinner } from '../components/spinner.js';
import { useServices } from '../services-context.js';

export function ExpiryInput({ screen }: { screen: ExpiryScreen }) {
  const { clock } = useServices();
  const parsed = parseExpiry(screen.text);
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text wrap="truncate-middle">
        {'Object   '}
        <Text bold>{printable(`s3://${screen.bucket}/${screen.key}`)}</Text>
      </Text>
      <Text> </Text>
      <Text>
        {'Expires in (hours): '}
        <Text bold>{printable(screen.text)}</Text>
        <Text inverse> </Text>
      </Text>
      <Text dimColor>{`1 to ${MAX_EXPIRY_HOURS} hours; decimals (1.5) and units (90m, 2d, 1w) work too`}</Text>
      <Text> </Text>
      {screen.error ? (
        <Text color="red" wrap="wrap">
          {printable(screen.error)}
        </Text>
      ) : parsed.ok ? (
        <Preview seconds={parsed.seconds} now={clock.now()} />
      ) : (
        <Text dimColor wrap="wrap">
          {parsed.message}
        </Text>
      )}
      {screen.pendingRequest !== undefined ? <Spinner label="Signing…" /> : null}
    </Box>
  );
}

function Preview({ seconds, now }: { seconds: number; now: Date }) {
  const at = expiresAt(now, seconds);
  return (
    <Text>
      {'The link would stop working '}
      <Text color="green">{formatRelative(seconds)}</Text>
      {`, at ${formatLocal(at)} (${formatUtc(at)}).`}
    </Text>
  );
}
