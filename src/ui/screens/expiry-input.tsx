import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import {
  effectiveExpiry,
  expiresAt,
  formatDuration,
  formatLocal,
  formatRelative,
  formatUtc,
  longestHoldingSeconds,
  EXPIRY_HINT,
  parseExpiry,
} from '../../core/expiry.js';
import { printable } from '../../core/printable.js';
import { displayWidth } from '../../core/display-width.js';
import { baseName } from '../../core/content-disposition.js';
import { formatBytes, formatCount, formatTimestamp } from '../../core/listing.js';
import { factsLines } from '../../core/link-summary.js';
import type { ExpiryScreen, LinkKind, MarkKind, Progress } from '../../state/app-state.js';
import { Spinner } from '../components/spinner.js';
import { TextFieldView } from '../components/text-field.js';
import { DOT_SEGMENTS_WARNING, hasDotSegments } from '../../core/dot-segments.js';
import { useServices } from '../services-context.js';
import { FIELD_COLUMNS } from '../visible-tail.js';

/** Below this many terminal rows the screen drops its spacing and hint to fit. */
const COMPACT_BELOW_ROWS = 20;

export function ExpiryInput({ screen, rows, columns }: { screen: ExpiryScreen; rows: number; columns: number }) {
  const { clock } = useServices();
  useTicking(TICK_MS);
  const compact = rows < COMPACT_BELOW_ROWS;
  const gap = compact ? null : <Text> </Text>;
  const now = clock.now();
  const parsed = parseExpiry(screen.text);
  const credentialsEnd = screen.credentialsExpireAt ?? undefined;
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {screen.marked ? (
        <Text wrap="truncate-middle">
          {'Objects  '}
          <Text bold>{markedText(screen.marked)}</Text>
          <Text dimColor>{`  in s3://${printable(screen.bucket)}/ · download links`}</Text>
        </Text>
      ) : (
        <Text wrap="truncate-middle">
          {'Object   '}
          <Text bold>{printable(`s3://${screen.bucket}/${screen.key}`)}</Text>
        </Text>
      )}
      {screen.versionId ? (
        <Text wrap="truncate-end">
          {'Version  '}
          <Text bold>{printable(screen.versionId)}</Text>
          <Text dimColor>{'  (the link serves this version even after the object changes)'}</Text>
        </Text>
      ) : screen.marked ? null : (
        <LinkKindLine screen={screen} width={columns - 2} />
      )}
      <FactsLines screen={screen} compact={compact} />
      {gap}
      <Text wrap="truncate-end">
        {'Expires in (hours): '}
        <Text bold>
          <TextFieldView
            field={{ value: screen.text, cursor: screen.cursor, selected: screen.selected }}
            width={FIELD_COLUMNS}
          />
        </Text>
      </Text>
      {compact ? null : (
        <Text dimColor wrap="wrap">
          {EXPIRY_HINT}
        </Text>
      )}
      {hasDotSegments(screen.key) && !screen.marked ? (
        <Text color="yellow" wrap={compact ? 'truncate-end' : 'wrap'}>{`⚠ ${DOT_SEGMENTS_WARNING}`}</Text>
      ) : null}
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
        <Preview
          seconds={parsed.seconds}
          now={now}
          credentialsEnd={credentialsEnd}
          compact={compact}
          many={screen.marked !== undefined}
        />
      ) : (
        <Text dimColor wrap={compact ? 'truncate-end' : 'wrap'}>
          {printable(parsed.message)}
        </Text>
      )}
      {screen.pendingRequest !== undefined ? <Spinner label={progressText(screen.progress)} /> : null}
    </Box>
  );
}

const KIND_LABELS: Record<LinkKind, (key: string) => string> = {
  download: () => 'download',
  attachment: (key) => `save as “${baseName(key)}”`,
  upload: () => 'upload (PUT)',
};

/** The three kinds with the chosen one marked; where they do not fit in a line, the chosen one alone. */
function LinkKindLine({ screen, width }: { screen: ExpiryScreen; width: number }) {
  const kinds = Object.keys(KIND_LABELS) as LinkKind[];
  const label = (kind: LinkKind) => printable(KIND_LABELS[kind](screen.key));
  const full = `Link     ${kinds.map((kind) => `● ${label(kind)}   `).join('')}(tab)`;
  if (displayWidth(full) > width) {
    return (
      <Text wrap="truncate-end">
        {'Link     '}
        <Text color="cyan" bold>{`● ${label(screen.linkKind)}`}</Text>
        <Text dimColor>{'   (tab changes)'}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {'Link     '}
      {kinds.map((kind) => (
        <Text key={kind} {...(kind === screen.linkKind ? { color: 'cyan', bold: true } : { dimColor: true })}>
          {`${kind === screen.linkKind ? '●' : '○'} ${label(kind)}   `}
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
  /** Several links (marked objects): the sentence speaks of them. */
  many: boolean;
}

function Preview({ seconds, now, credentialsEnd, compact, many }: PreviewProps) {
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
      {many ? 'The links would stop working ' : 'The link would stop working '}
      <Text color={cut ? 'yellow' : 'green'}>{formatRelative(lasts)}</Text>
      {`, at ${formatLocal(at)} (${formatUtc(at)})`}
      {cut ? <Text color="yellow">{', when the credentials end.'}</Text> : '.'}
    </Text>
  );
}

function markedText(marked: ReadonlyMap<string, MarkKind>): string {
  const folders = [...marked.values()].filter((kind) => kind === 'folder').length;
  const objects = marked.size - folders;
  const parts = [
    ...(objects ? [objects === 1 ? '1 object' : `${formatCount(objects)} objects`] : []),
    ...(folders ? [folders === 1 ? 'everything in 1 folder' : `everything in ${formatCount(folders)} folders`] : []),
  ];
  return parts.join(' and ');
}

function progressText(progress: Progress | undefined): string {
  if (!progress) return 'Signing…';
  const count =
    progress.total === undefined
      ? formatCount(progress.done)
      : `${formatCount(progress.done)}/${formatCount(progress.total)}`;
  return progress.done === 0 && progress.total !== undefined
    ? `${progress.what} ${formatCount(progress.total)} links…`
    : `${progress.what}… ${count}`;
}

const SUMMARY_COLOR = { ok: 'green', note: undefined, error: 'red' } as const;

/** What the recipient will get; for an upload, what it would replace. */
function FactsLines({ screen, compact }: { screen: ExpiryScreen; compact: boolean }) {
  const { facts } = screen;
  if (!facts || screen.marked) return null;
  if (screen.linkKind === 'upload') {
    const what = [
      facts.size !== undefined ? formatBytes(facts.size) : undefined,
      facts.lastModified ? formatTimestamp(facts.lastModified) : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    // A warning is never cut, on a small terminal either.
    return (
      <Text color="yellow" wrap="wrap">
        {`⚠ An upload replaces ${printable(`s3://${screen.bucket}/${screen.key}`)}${what ? ` (${what})` : ''}.`}
      </Text>
    );
  }
  const lines = factsLines(facts);
  // Small terminals keep the facts line and a problem, if any; the hints wait for more room.
  const shown = compact ? lines.filter((line, i) => i === 0 || line.tone === 'error').slice(0, 2) : lines;
  return (
    <>
      {shown.map((line, i) => (
        <Text
          key={i}
          wrap={compact ? 'truncate-end' : 'wrap'}
          dimColor={line.tone === 'note' && i === 0}
          color={SUMMARY_COLOR[line.tone]}
        >
          {`${i === 0 ? 'Shares   ' : ''}${line.text}`}
        </Text>
      ))}
    </>
  );
}

/** The preview is "from now": it is drawn again every second so it keeps time while the screen is open. */
const TICK_MS = 1000;

function useTicking(ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
