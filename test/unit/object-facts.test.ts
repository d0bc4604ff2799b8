import { describe, expect, it } from 'vitest';
import { needsRestore, parseRestore, suggestedContentType } from '../../src/core/object-facts.js';

describe('x-amz-restore', () => {
  it.each([
    [undefined, undefined],
    ['ongoing-request="true"', { ongoing: true }],
    [
      'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"',
      { ongoing: false, expiresAt: new Date('2012-12-21T00:00:00Z') },
    ],
  ])('%j → %j', (header, status) => {
    expect(parseRestore(header)).toEqual(status);
  });
});

describe('needs a restore before a GET works', () => {
  it.each([
    ['STANDARD', undefined, undefined, false],
    [undefined, undefined, undefined, false],
    ['GLACIER', undefined, undefined, true],
    ['DEEP_ARCHIVE', undefined, undefined, true],
    ['GLACIER_IR', undefined, undefined, false],
    ['INTELLIGENT_TIERING', undefined, undefined, false],
    ['INTELLIGENT_TIERING', 'ARCHIVE_ACCESS', undefined, true],
    ['INTELLIGENT_TIERING', 'DEEP_ARCHIVE_ACCESS', undefined, true],
    ['GLACIER', undefined, { ongoing: true }, true],
    ['GLACIER', undefined, { ongoing: false, expiresAt: new Date('2030-01-01T00:00:00Z') }, false],
  ])('%s %s restore %j → %j', (storageClass, archive, restore, expected) => {
    expect(needsRestore(storageClass, archive, restore)).toBe(expected);
  });
});

describe('a content type that shows in a browser', () => {
  it.each([
    ['report.pdf', 'application/octet-stream', 'application/pdf'],
    ['report.PDF', 'binary/octet-stream', 'application/pdf'],
    ['photo.jpg', undefined, 'image/jpeg'],
    ['report.pdf', 'application/pdf', undefined],
    ['archive.zip', 'application/octet-stream', undefined],
    ['no-extension', 'application/octet-stream', undefined],
    ['notes.txt', 'application/octet-stream; charset=binary', 'text/plain; charset=utf-8'],
  ])('%s stored as %j → %j', (key, stored, suggested) => {
    expect(suggestedContentType(key, stored)).toBe(suggested);
  });
});
