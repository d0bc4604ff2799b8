import { describe, expect, it } from 'vitest';
import { formatOffset, isSkewed, offsetFromDateHeader, ServerTime, skewWarning } from '../../src/core/clock-offset.js';

const LOCAL = new Date('2026-11-28T12:00:00Z');
const fixed = (date: Date) => ({ now: () => new Date(date.getTime()) });

describe('the offset between the local clock and S3', () => {
  it.each([
    ['Sat, 28 Nov 2026 15:00:00 GMT', 3 * 3600_000],
    ['Sat, 28 Nov 2026 09:00:00 GMT', -3 * 3600_000],
    ['Sat, 28 Nov 2026 12:00:01 GMT', 1000],
    ['not a date', undefined],
    [undefined, undefined],
  ])('Date %j against a local 12:00:00 → %j ms', (header, offset) => {
    expect(offsetFromDateHeader(header, LOCAL)).toBe(offset);
  });

  it.each([
    [undefined, false],
    [0, false],
    [60_000, false],
    [-60_000, false],
    [60_001, true],
    [-60_001, true],
    [3 * 3600_000, true],
  ])('%j ms is skewed: %j (beyond 60 s either way)', (offset, skewed) => {
    expect(isSkewed(offset)).toBe(skewed);
  });

  it.each([
    [3 * 3600_000, '3 h 0 m'],
    [-(3 * 3600_000 + 5 * 60_000), '3 h 5 m'],
    [90_000, '1 m 30 s'],
    [45_000, '45 s'],
    [26 * 3600_000 + 60_000, '1 d 2 h 1 m'],
    [3 * 3600_000 - 1200, '3 h 0 m'],
    [3 * 3600_000 - 31_000, '2 h 59 m'],
  ])('%j ms reads "%s"', (offset, text) => {
    expect(formatOffset(offset)).toBe(text);
  });

  it('warns in words, with the direction', () => {
    expect(skewWarning(3 * 3600_000)).toBe("your clock is 3 h 0 m behind S3's; links are signed with S3's time");
    expect(skewWarning(-3 * 3600_000)).toBe("your clock is 3 h 0 m ahead of S3's; links are signed with S3's time");
  });
});

describe('ServerTime', () => {
  it('is the local clock until an answer shows a difference beyond 60 s', () => {
    const time = new ServerTime(fixed(LOCAL));
    expect(time.now()).toEqual(LOCAL);
    expect(time.offsetMs).toBeUndefined();
    time.learn('Sat, 28 Nov 2026 12:00:59 GMT');
    expect(time.offsetMs).toBeUndefined();
    expect(time.now()).toEqual(LOCAL);
  });

  it('corrects the local clock once S3 is 3 h ahead (the local clock is slow)', () => {
    const time = new ServerTime(fixed(LOCAL));
    time.learn('Sat, 28 Nov 2026 15:00:00 GMT');
    expect(time.offsetMs).toBe(3 * 3600_000);
    expect(time.now().toISOString()).toBe('2026-11-28T15:00:00.000Z');
  });

  it('follows the latest answer, and ignores an unreadable Date', () => {
    const time = new ServerTime(fixed(LOCAL));
    time.learn('Sat, 28 Nov 2026 09:00:00 GMT');
    expect(time.now().toISOString()).toBe('2026-11-28T09:00:00.000Z');
    time.learn('garbage');
    expect(time.offsetMs).toBe(-3 * 3600_000);
    time.learn('Sat, 28 Nov 2026 12:00:00 GMT');
    expect(time.offsetMs).toBeUndefined();
    expect(time.now()).toEqual(LOCAL);
  });
});
