import { describe, expect, it } from 'vitest';
import { DOT_SEGMENTS_WARNING, hasDotSegments } from '../../src/core/dot-segments.js';
import { MAX_FIELD_LENGTH } from '../../src/core/limits.js';
import { nextPage, REPEATING_PAGES_MESSAGE } from '../../src/core/paging-guard.js';
import { printable } from '../../src/core/printable.js';
import { columnWidth, displayWidth, padToWidth } from '../../src/core/display-width.js';
import { redactUserinfo, shownEndpoint } from '../../src/core/redact.js';
import { isValidRegion, validRegion } from '../../src/core/region.js';
import { shellQuote } from '../../src/core/shell-quote.js';

describe('printable, for invisible and width-changing characters', () => {
  it('escapes zero-width characters and the byte-order mark', () => {
    expect(printable('a\u200bb\u200dc\ufeffd')).toBe('a\\u200bb\\u200dc\\ufeffd');
  });

  it('escapes the Arabic number signs U+0600 to U+0605', () => {
    expect(printable('x\u0600\u0601\u0602\u0603\u0604\u0605y')).toBe('x\\u0600\\u0601\\u0602\\u0603\\u0604\\u0605y');
    // Arabic letters around them are text, not controls.
    expect(printable('\u0627\u0628')).toBe('\u0627\u0628');
  });

  it('is idempotent: escaping twice changes nothing more', () => {
    const once = printable('k\u001b]52;c;aGk=\u0007\u200b');
    expect(printable(once)).toBe(once);
  });
});

describe('padding by display width', () => {
  it('measures the escaped text, wide characters as two columns', () => {
    expect(displayWidth(printable('a\u200bb'))).toBe('a\\u200bb'.length);
    expect(displayWidth('ファイル')).toBe(8);
    expect(padToWidth('ファイル', 10)).toBe('ファイル  ');
    expect(padToWidth(printable('a\u001bb'), 6)).toBe('a\\eb  ');
  });

  it('sizes a column by the widest escaped name, within bounds, without spreading the list', () => {
    const names = ['ab', 'a\u200b\u200b\u200bb', 'ファイル'];
    expect(columnWidth(names, (n) => n, 1, 40)).toBe('a\\u200b\\u200b\\u200bb'.length);
    expect(columnWidth(names, (n) => n, 1, 10)).toBe(10);
    expect(columnWidth(['a'], (n) => n, 8, 40)).toBe(8);
    const many = Array.from({ length: 300_000 }, (_, i) => `bucket-${i}`);
    expect(columnWidth(many, (n) => n, 8, 40)).toBe('bucket-299999'.length);
  });
});

describe('region names', () => {
  it('accepts AWS regions and the plain names S3-compatible stores use', () => {
    for (const region of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'default', 'a'.repeat(32)]) {
      expect(isValidRegion(region), region).toBe(true);
    }
  });

  it('refuses escapes, spaces, capitals, paths, URLs and overlong names', () => {
    for (const region of [
      'us-east-1\u001b]52;c;aGk=\u0007',
      'us east',
      'US-EAST-1',
      '../etc',
      'http://x',
      '',
      'a'.repeat(33),
    ]) {
      expect(isValidRegion(region), region).toBe(false);
      expect(validRegion(region)).toBeUndefined();
    }
    expect(validRegion(undefined)).toBeUndefined();
    expect(validRegion('eu-west-1')).toBe('eu-west-1');
  });
});

describe('nextPage (paging guard)', () => {
  it('follows a new token and stops at the last page', () => {
    expect(nextPage(new Set(), { nextToken: 't1', newEntries: 3 })).toEqual({ kind: 'next', token: 't1' });
    expect(nextPage(new Set(['t1']), { nextToken: undefined, newEntries: 0 })).toEqual({ kind: 'done' });
    expect(nextPage(new Set(['t1']), { nextToken: '', newEntries: 2 })).toEqual({ kind: 'done' });
  });

  it('says "repeat" for a token sent before, or a page that adds nothing but promises more', () => {
    expect(nextPage(new Set(['t1']), { nextToken: 't1', newEntries: 5 })).toEqual({
      kind: 'repeat',
      message: REPEATING_PAGES_MESSAGE,
    });
    expect(nextPage(new Set(['t1']), { nextToken: 't2', newEntries: 0 }).kind).toBe('repeat');
  });
});

describe('hasDotSegments', () => {
  it('finds . and .. segments anywhere in a key', () => {
    for (const key of ['.', '..', '../x', 'a/../b', 'a/./b', 'a/..', '../../etc/passwd'])
      expect(hasDotSegments(key), key).toBe(true);
  });

  it('leaves names that merely contain dots alone', () => {
    for (const key of ['a.txt', '.hidden', 'a/.../b', '..x', 'x..', 'a//b', 'dir/'])
      expect(hasDotSegments(key), key).toBe(false);
    expect(DOT_SEGMENTS_WARNING).toMatch(/--path-as-is/);
  });
});

describe('shellQuote', () => {
  it('keeps a URL one word for a POSIX shell, quotes included', async () => {
    const { execFileSync } = await import('node:child_process');
    for (const word of ['http://h/b/k?a=1&b=2', "http://o'brien:9000/b/it's here?x=$HOME;`id`", "'", '']) {
      const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' });
      expect(echoed).toBe(word);
    }
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
  });
});

describe('redactUserinfo', () => {
  it('hides the user and password of URLs anywhere in a message', () => {
    expect(redactUserinfo('Cannot connect to http://admin:pw@host:9000: refused')).toBe(
      'Cannot connect to http://…@host:9000: refused',
    );
    expect(redactUserinfo('https://token@h/x and http://u:p@k/')).toBe('https://…@h/x and http://…@k/');
    expect(redactUserinfo('mail me at a@b or http://host/a@b')).toBe('mail me at a@b or http://host/a@b');
    expect(shownEndpoint('http://admin:pw@host\u001b]0;t\u0007')).toBe('http://…@host\\e]0;t\\x07');
  });
});

describe('limits', () => {
  it('caps a field at the longest S3 key', () => {
    expect(MAX_FIELD_LENGTH).toBe(1024);
  });
});

describe('connectionFor and regions', () => {
  it('treats a region that is not a region name (AWS_REGION, --region, the profile) as none', async () => {
    const { connectionFor } = await import('../../src/core/connection.js');
    const profile = { name: 'p', kind: 'keys' as const, region: 'eu-west-1' };
    expect(connectionFor(profile, { region: 'us\u001b]0;x\u0007' }).region).toBe('eu-west-1');
    expect(connectionFor({ ...profile, region: 'bad region' }, {}).region).toBeUndefined();
    expect(connectionFor(profile, { region: 'ap-south-1' }).region).toBe('ap-south-1');
  });
});
