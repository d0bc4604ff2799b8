import { Box, Text } from 'ink';
import {
  effectiveExpiry,
  expiresAt,
  formatDuration,
  formatLocal,
  formatRelative,
  formatUtc,
  longestHoldingSeconds,
  MAX_EXPIRY_HOURS,
  parseExpiry,
} from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import { baseName } from '../../core/content-disposition.js';
import type { ExpiryScreen, LinkKind } from '../../state/app-state.js';
import { Spinner } from '../components/spinner.js';
import { useServices } from '../services-context.js';
import { FIELD_COLUMNS, visibleTail } from '../visible-tail.js';

/** Below this many terminal rows the screen drops its spacing and hint to fit. */
const COMPACT_BELOW_ROWS = 20;

export function ExpiryInput({ screen, rows }: { screen: ExpiryScreen; rows: number }) {
  const { clock } = useServices();
  const compact = rows < COMPACT_BELOW_ROWS;
  const gap = compact ? null : <Text> </Text>;
  const now = clock.now();
  const parsed = parseExpiry(screen.text);
  const credentialsEnd = screen.credentialsExpireAt ?? undefined;
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text wrap="truncate-middle">
        {'Object   '}
        <Text bold>{printable(`s3://${screen.bucket}/${screen.key}`)}</Text>
      </Text>
      <LinkKindLine screen={screen} />
      {gap}
      <Text wrap="truncate-start">
        {'Expires in (hours): '}
        <Text bold>{visibleTail(screen.text, FIELD_COLUMNS)}</Text>
        <Text inverse> </Text>
      </Text>
      {compact ? null : (
        <Text dimColor>{`1 to ${MAX_EXPIRY_HOURS} hours; decimals (1.5) and units (90m, 2d, 1w) work too`}</Text>
      )}
      {credentialsEnd ? (
        <Text color="yellow" wrap={compact ? 'truncate-end' : 'wrap'}>
          {`These credentials are temporary: links signed now work at most ${formatDuration(
            longestHoldingSeconds(now, credentialsEnd),
          )}, until ${formatLocal(credentialsEnd)}.`}
        </Text>
      ) : null}
      {gap}
      {screen.error ? (
        <Text color="red" wrap={compact ? 'truncate-end' : 'wrap'}>
          {printable(screen.error)}
        </Text>
      ) : parsed.ok ? (
        <Preview seconds={parsed.seconds} now={now} credentialsEnd={credentialsEnd} compact={compact} />
      ) : (
        <Text dimColor wrap={compact ? 'truncate-end' : 'wrap'}>
          {printable(parsed.message)}
        </Text>
      )}
      {screen.pendingRequest !== undefined ? <Spinner label="Signing…" /> : null}
    </Box>
  );
}

const KIND_LABELS: Record<LinkKind, (key: string) => string> = {
  download: () => 'download',
  attachment: (key) => `save as “${baseName(key)}”`,
  upload: () => 'upload (PUT)',
};

function LinkKindLine({ screen }: { screen: ExpiryScreen }) {
  return (
    <Text wrap="truncate-end">
      {'Link     '}
      {(Object.keys(KIND_LABELS) as LinkKind[]).map((kind) => (
        <Text key={kind} {...(kind === screen.linkKind ? { color: 'cyan', bold: true } : { dimColor: true })}>
          {`${kind === screen.linkKind ? '●' : '○'} ${printable(KIND_LABELS[kind](screen.key))}   `}
        </Text>
      ))}
      <Text dimColor>(tab)</Text>
    </Text>
  );
}

interface PreviewProps {
  seconds: number;
  now: Date;
  credentialsEnd?: Date;
  compact: boolean;
}

function Preview({ seconds, now, credentialsEnd, compact }: PreviewProps) {
  const requested = expiresAt(now, seconds);
  const at = effectiveExpiry(requested, credentialsEnd);
  const cut = at < requested;
  const lasts = Math.round((at.getTime() - now.getTime()) / 1000);
  if (compact) {
    return (
      <Text wrap="truncate-end">
        <Text color={cut ? 'yellow' : 'green'}>{formatRelative(lasts)}</Text>
        {` · ${formatUtc(at)}`}
      </Text>
    );
  }
  return (
    <Text wrap="wrap">
      {'The link would stop working '}
      <Text color={cut ? 'yellow' : 'green'}>{formatRelative(lasts)}</Text>
      {`, at ${formatLocal(at)} (${formatUtc(at)})`}
      {cut ? <Text color="yellow">{', when the credentials end.'}</Text> : '.'}
    </Text>
  );
}
