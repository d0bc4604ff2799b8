import { printable } from './printable.js';

/** Presigned URLs signed with SigV4 live at least one second and at most seven days. */
const MIN_EXPIRY_SECONDS = 1;
export const MAX_EXPIRY_SECONDS = 7 * 24 * 3600;
const MAX_EXPIRY_HOURS = MAX_EXPIRY_SECONDS / 3600;
export const DEFAULT_EXPIRY_TEXT = '1';

export type ExpiryParse = { ok: true; seconds: number } | { ok: false; message: string };

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const NUMBER = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const BARE_HOURS = new RegExp(`^${NUMBER}$`);
const COMPOUND = new RegExp(`^(?:${NUMBER}\\s*[smhdw]\\s*)+$`, 'i');
const PART = new RegExp(`(${NUMBER})\\s*([smhdw])`, 'gi');
const ALLOWED = `hours like 24 or 1.5, or 90m, 2d, 1h30m, 2d12h (at most ${MAX_EXPIRY_HOURS} hours)`;

/** What the expiry input accepts, in one line under it. */
export const EXPIRY_HINT = `1 to ${MAX_EXPIRY_HOURS} hours; decimals (1.5), units (30s, 90m, 2d, 1w) and mixes (1h30m, 2d12h) work too`;

/**
 * Reads an expiry typed by a person: a bare number is hours; `s`, `m`, `h`, `d`, `w` suffixes
 * name other units, and several may be joined (`1h30m`, `2d 12h`), each unit once. Full-width digits are folded to ASCII (NFKC) so pasted text from East Asian
 * input methods works; exponents, signs and words are refused.
 */
export function parseExpiry(text: string): ExpiryParse {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return { ok: false, message: `Enter how long the link should work: ${ALLOWED}.` };
  const seconds = durationSeconds(normalized);
  if (seconds === undefined) return { ok: false, message: `${quote(normalized)} is not a duration: use ${ALLOWED}.` };
  if (seconds < MIN_EXPIRY_SECONDS) {
    return { ok: false, message: `${quote(normalized)} is shorter than 1 second: use ${ALLOWED}.` };
  }
  if (seconds > MAX_EXPIRY_SECONDS) {
    return {
      ok: false,
      message: `${quote(normalized)} is over the ${MAX_EXPIRY_HOURS}-hour (7-day) limit of presigned URLs.`,
    };
  }
  return { ok: true, seconds };
}

function durationSeconds(text: string): number | undefined {
  if (BARE_HOURS.test(text)) return Math.round(Number(text) * 3600);
  if (!COMPOUND.test(text)) return undefined;
  const seen = new Set<string>();
  let total = 0;
  for (const [, amount, unitLetter] of text.matchAll(PART)) {
    const unit = (unitLetter ?? '').toLowerCase();
    if (seen.has(unit)) return undefined;
    seen.add(unit);
    total += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  }
  return Math.round(total);
}

function quote(text: string): string {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `“${printable(shown)}”`;
}

export function expiresAt(now: Date, seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * When a link really stops working: a URL signed with temporary credentials dies when they
 * do, whatever its X-Amz-Expires says. (The 7-day cap is enforced when the expiry is parsed.)
 */
export function effectiveExpiry(requested: Date, credentialsExpireAt: Date | undefined): Date {
  return credentialsExpireAt && credentialsExpireAt < requested ? credentialsExpireAt : requested;
}

/** The longest expiry that will hold, in whole seconds from now: 7 days or the credentials' end. */
export function longestHoldingSeconds(now: Date, credentialsExpireAt: Date | undefined): number {
  if (!credentialsExpireAt) return MAX_EXPIRY_SECONDS;
  const left = Math.floor((credentialsExpireAt.getTime() - now.getTime()) / 1000);
  return Math.max(0, Math.min(MAX_EXPIRY_SECONDS, left));
}

/** "1 day 2 hours", "24 hours", "90 minutes" → reads as a person would say it. */
export function formatDuration(seconds: number, locale = 'en'): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  const days = Math.floor(rest / 86_400);
  // Up to two days reads better in hours ("36 hours"), as people type it.
  const useDays = days >= 2;
  if (useDays) rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const unit = (value: number, name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (useDays) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (secs && !useDays && !hours) parts.push(unit(secs, 'second'));
  return parts.length ? parts.join(' ') : unit(0, 'second');
}

export function formatRelative(seconds: number, locale = 'en'): string {
  return `in ${formatDuration(seconds, locale)}`;
}

/** Local time with its zone, e.g. "Sun, 29 Nov 2026, 16:05:00 GMT+1". */
export function formatLocal(date: Date, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
}

/** UTC to the second, ISO-8601: "2026-11-29T16:05:00Z". */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
