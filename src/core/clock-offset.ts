import type { Clock } from './ports.js';

/**
 * Beyond this difference between the local clock and S3's, links are signed with S3's time: a
 * link signed by a slow clock is dead (or shorter) on arrival, one signed by a fast clock starts late.
 */
export const SKEW_THRESHOLD_MS = 60_000;

/** S3's time minus the local time, in ms, from an answer's `Date` header; undefined if unreadable. */
export function offsetFromDateHeader(dateHeader: string | undefined, localNow: Date): number | undefined {
  if (!dateHeader) return undefined;
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return undefined;
  return serverTime - localNow.getTime();
}

/** Whether an offset is large enough to sign with S3's time instead of the local clock. */
export function isSkewed(offsetMs: number | undefined): offsetMs is number {
  return offsetMs !== undefined && Math.abs(offsetMs) > SKEW_THRESHOLD_MS;
}

/** "3 h 0 m", "1 d 2 h 5 m", "4 m 30 s", "45 s": the size of an offset, sign dropped. */
export function formatOffset(offsetMs: number): string {
  const rounded = Math.round(Math.abs(offsetMs) / 1000);
  // Beyond an hour, whole minutes: the Date header's second and the network make 2 h 59 m 59 s of 3 h.
  const total = rounded >= 3600 ? Math.round(rounded / 60) * 60 : rounded;
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} d ${hours} h ${minutes} m`;
  if (hours > 0) return `${hours} h ${minutes} m`;
  if (minutes > 0) return `${minutes} m ${seconds} s`;
  return `${seconds} s`;
}

/** The warning shown when links are signed with S3's time. */
export function skewWarning(offsetMs: number): string {
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  return `your clock is ${formatOffset(offsetMs)} ${direction} S3's; links are signed with S3's time`;
}

/**
 * What the adapter has learned of S3's time: the latest offset seen in any answer. `now()` is the
 * local clock, corrected once the offset is beyond the threshold (and only then: a second or two
 * of network delay is not a clock error).
 */
export class ServerTime implements Clock {
  private offset: number | undefined;

  constructor(private readonly local: Clock) {}

  /** Learns from an answer's `Date` header (ignored when absent or unreadable). */
  learn(dateHeader: string | undefined): void {
    const offset = offsetFromDateHeader(dateHeader, this.local.now());
    if (offset !== undefined) this.offset = offset;
  }

  /** The offset in use: undefined while the clocks agree (within the threshold) or nothing was seen. */
  get offsetMs(): number | undefined {
    return isSkewed(this.offset) ? this.offset : undefined;
  }

  now(): Date {
    return new Date(this.local.now().getTime() + (this.offsetMs ?? 0));
  }
}
