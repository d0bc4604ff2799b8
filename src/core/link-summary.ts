import { formatUtc } from './expiry.js';
import { formatBytes, formatTimestamp } from './listing.js';
import type { LinkCheck, ObjectFacts } from './ports.js';
import { printable } from './printable.js';

/** How a line is drawn: proven, a plain note, or the reason a link does not work (error colour). */
type Tone = 'ok' | 'note' | 'error';

export interface SummaryLine {
  tone: Tone;
  text: string;
}

/** One line for the result screen about what the check proved. */
export function checkLine(check: LinkCheck, profile: string): SummaryLine {
  if (!check.ok) return { tone: 'error', text: `✗ ${check.problem.message}` };
  if (check.scope === 'bucket') {
    return {
      tone: 'note',
      text: `upload links are not tested (that would write); the bucket exists and profile “${printable(profile)}” can see it`,
    };
  }
  return { tone: 'ok', text: `✓ checked: the link answers (HTTP ${check.status})` };
}

/**
 * What a recipient will get, for the expiry screen: "2.4 MB · application/pdf · modified
 * 2026-04-02 09:14 · STANDARD · SSE-KMS (key …)", then the hint or problem lines.
 */
export function factsLines(facts: ObjectFacts, timeZone?: string): SummaryLine[] {
  const parts: string[] = [];
  if (facts.size !== undefined) parts.push(formatBytes(facts.size));
  if (facts.contentType) parts.push(printable(facts.contentType));
  if (facts.lastModified) parts.push(`modified ${formatTimestamp(facts.lastModified, timeZone)}`);
  parts.push(printable(facts.archiveStatus ? `${facts.storageClass} (${facts.archiveStatus})` : facts.storageClass));
  if (facts.encryption && facts.encryption !== 'none') {
    parts.push(facts.kmsKeyId ? `${facts.encryption} (key ${printable(facts.kmsKeyId)})` : facts.encryption);
  }
  if (facts.restore?.ongoing) parts.push('restore in progress');
  else if (facts.restore?.expiresAt) parts.push(`restored until ${formatUtc(facts.restore.expiresAt)}`);
  const lines: SummaryLine[] = [{ tone: 'note', text: parts.join(' · ') }];
  if (facts.problem) lines.push({ tone: 'error', text: facts.problem.message });
  if (facts.suggestedContentType) {
    lines.push({
      tone: 'note',
      text: `Stored as ${printable(facts.contentType ?? 'no type')}: browsers will download it; sign as ${facts.suggestedContentType} to show it`,
    });
  }
  return lines;
}
