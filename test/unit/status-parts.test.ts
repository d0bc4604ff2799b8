import { describe, expect, it } from 'vitest';
import { fitStatus, part, positionText } from '../../src/ui/status-parts.js';

describe('positionText', () => {
  it('is row/rows, grouped as the rest of the app counts, with "+" while more pages exist', () => {
    expect(positionText(1203, 3000, true)).toBe('1,204/3,000+');
    expect(positionText(1203, 3000, false)).toBe('1,204/3,000');
    expect(positionText(0, 1, false)).toBe('1/1');
  });

  it('is left out for an empty list, and never names a row past the last', () => {
    expect(positionText(0, 0, true)).toBeUndefined();
    expect(positionText(7, 3, false)).toBe('3/3');
  });
});

describe('fitStatus', () => {
  const parts = [part('1,204/3,000+', 1), part('sorted by date', 3), part('3,000 objects', 5), part('more ↓', 7)];

  it('joins the parts in their order when they fit', () => {
    expect(fitStatus(parts, 80)).toBe('1,204/3,000+ · sorted by date · 3,000 objects · more ↓');
  });

  it('drops the highest-ranked parts first until the line fits', () => {
    expect(fitStatus(parts, 45)).toBe('1,204/3,000+ · sorted by date · 3,000 objects');
    expect(fitStatus(parts, 30)).toBe('1,204/3,000+ · sorted by date');
    expect(fitStatus(parts, 20)).toBe('1,204/3,000+');
  });

  it('cuts what is left when even the most important part does not fit', () => {
    expect(fitStatus(parts, 5)).toBe('1,20…');
  });

  it('keeps a part that may be cut (a message) with the others, cut at the end of the line', () => {
    const failed = [part('1/100+', 1), part('100 objects', 5), part('InternalError (HTTP 500): try again', 0, 12)];
    expect(fitStatus(failed, 80)).toBe('1/100+ · 100 objects · InternalError (HTTP 500): try again');
    expect(fitStatus(failed, 40)).toBe('1/100+ · 100 objects · InternalError (H…');
    expect(fitStatus(failed, 30)).toBe('1/100+ · InternalError (HTTP…');
  });

  it('skips parts without text', () => {
    expect(fitStatus([part(undefined, 0), part(false, 1), part('x', 2)], 10)).toBe('x');
  });

  it('measures wide characters by the columns they take', () => {
    const wide = [part('1/2', 1), part('starting “日本語”', 4)];
    expect(fitStatus(wide, 23)).toBe('1/2 · starting “日本語”');
    expect(fitStatus(wide, 22)).toBe('1/2');
  });
});
