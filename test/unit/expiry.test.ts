import { describe, expect, it } from 'vitest';
import {
  effectiveExpiry,
  EXPIRY_HINT,
  expiresAt,
  longestHoldingSeconds,
  formatDuration,
  formatLocal,
  formatRelative,
  formatUtc,
  MAX_EXPIRY_SECONDS,
  parseExpiry,
} from '../../src/core/expiry.js';

describe('parseExpiry', () => {
  it.each([
    ['1', 3600],
    ['24', 86_400],
    ['1.5', 5400],
    ['.5', 1800],
    [' 12 ', 43_200],
    ['168', MAX_EXPIRY_SECONDS],
    ['90m', 5400],
    ['24h', 86_400],
    ['2d', 172_800],
    ['7d', MAX_EXPIRY_SECONDS],
    ['1w', MAX_EXPIRY_SECONDS],
    ['30s', 30],
    ['１２', 43_200], // full-width digits, as East Asian input methods type them
    ['1h30m', 5400],
    ['2d12h', 216_000],
    ['2d 12h', 216_000],
    ['1H30M', 5400],
    ['1m30s', 90],
    ['1.5h15m', 6300],
  ])('accepts %j as %i seconds', (text, seconds) => {
    expect(parseExpiry(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    '',
    ' ',
    '0',
    '-1',
    'abc',
    '1e9',
    'NaN',
    'Infinity',
    '1,5',
    '2 days',
    '0x10',
    '1h1h',
    '1h30',
    'h30m',
    '1h-30m',
  ])('refuses %j as not a positive duration', (text) => {
    const result = parseExpiry(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/hours/);
  });

  it.each(['168.01', '169', '7.5d', '2w', '10081m'])('refuses %j as over the 7-day limit', (text) => {
    const result = parseExpiry(text);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('168-hour (7-day) limit');
  });

  it('refuses a mix over the limit', () => {
    const result = parseExpiry('6d25h');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('7-day');
  });

  it('has a hint naming every form it accepts', () => {
    for (const example of ['1.5', '30s', '90m', '2d', '1w', '1h30m', '2d12h']) {
      expect(EXPIRY_HINT).toContain(example);
      const accepted = parseExpiry(example);
      expect(accepted.ok).toBe(true);
    }
  });

  it('refuses durations under one second', () => {
    const result = parseExpiry('0.0001');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('shorter than 1 second');
  });

  it('keeps the message short for a huge paste', () => {
    const result = parseExpiry('9'.repeat(10_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });
});

describe('formatting', () => {
  const now = new Date('2026-11-28T16:00:00Z');

  it('adds the seconds to now', () => {
    expect(expiresAt(now, 86_400).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('says durations the way people do', () => {
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(86_400)).toBe('24 hours');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
    expect(formatDuration(172_800)).toBe('2 days');
    expect(formatDuration(MAX_EXPIRY_SECONDS)).toBe('7 days');
    expect(formatDuration(45)).toBe('45 seconds');
    expect(formatRelative(86_400)).toBe('in 24 hours');
  });

  it('prints UTC as ISO-8601 to the second', () => {
    expect(formatUtc(new Date('2026-11-29T16:05:00.123Z'))).toBe('2026-11-29T16:05:00Z');
  });

  it('prints local time with its zone', () => {
    const text = formatLocal(new Date('2026-11-29T16:05:00Z'), 'Asia/Tokyo', 'en-GB');
    expect(text).toContain('30 Nov 2026');
    expect(text).toContain('01:05:00');
    expect(text).toMatch(/GMT\+9|JST/);
  });
});

describe('effective expiry under temporary credentials', () => {
  const now = new Date('2026-11-28T16:00:00Z');
  const requested = new Date('2026-11-29T16:00:00Z');

  it('is the request when the credentials last longer or never end', () => {
    expect(effectiveExpiry(requested, undefined)).toBe(requested);
    expect(effectiveExpiry(requested, new Date('2026-12-01T00:00:00Z'))).toBe(requested);
  });

  it('is the end of the credentials when they end first', () => {
    const end = new Date('2026-11-28T18:00:00Z');
    expect(effectiveExpiry(requested, end)).toBe(end);
  });

  it('gives the longest expiry that holds', () => {
    expect(longestHoldingSeconds(now, undefined)).toBe(MAX_EXPIRY_SECONDS);
    expect(longestHoldingSeconds(now, new Date('2026-11-28T18:00:00Z'))).toBe(7200);
    expect(longestHoldingSeconds(now, new Date('2026-12-28T18:00:00Z'))).toBe(MAX_EXPIRY_SECONDS);
    expect(longestHoldingSeconds(now, new Date('2026-11-28T15:00:00Z'))).toBe(0);
  });
});
