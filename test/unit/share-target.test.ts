import { describe, expect, it } from 'vitest';
import { describeTarget, parseShareTarget } from '../../src/core/share-target.js';

describe('parseShareTarget', () => {
  it('an s3:// URI is one object', () => {
    expect(parseShareTarget('s3://bkt/a/b.txt', false)).toEqual({
      ok: true,
      target: { kind: 'object', uri: 's3://bkt/a/b.txt', bucket: 'bkt', key: 'a/b.txt' },
    });
    // --recursive leaves a URI that does not end in / as the one object.
    expect(parseShareTarget('s3://bkt/a/b.txt', true)).toMatchObject({ ok: true, target: { kind: 'object' } });
  });

  it('with --recursive, a URI ending in / is everything under that prefix; a bare bucket the whole bucket', () => {
    expect(parseShareTarget('s3://bkt/logs/2026/', true)).toEqual({
      ok: true,
      target: { kind: 'prefix', uri: 's3://bkt/logs/2026/', bucket: 'bkt', prefix: 'logs/2026/' },
    });
    expect(parseShareTarget('s3://bkt/', true)).toMatchObject({ ok: true, target: { kind: 'prefix', prefix: '' } });
    expect(parseShareTarget('s3://bkt', true)).toMatchObject({
      ok: true,
      target: { kind: 'prefix', bucket: 'bkt', prefix: '' },
    });
  });

  it('without --recursive, a folder is an error that suggests it', () => {
    expect(parseShareTarget('s3://bkt/logs/', false)).toEqual({
      ok: false,
      message: 's3://bkt/logs/ is a folder: add --recursive to share every object under it',
    });
    expect(parseShareTarget('s3://bkt/', false)).toMatchObject({ ok: false, message: /add --recursive/ });
    expect(parseShareTarget('s3://b/', false)).toMatchObject({ ok: false, message: /not a valid bucket name/ });
  });

  it('bad URIs keep their own messages', () => {
    expect(parseShareTarget('s3://bkt', false)).toMatchObject({ ok: false, message: /needs a key/ });
    expect(parseShareTarget('s3://B_ad/', true)).toMatchObject({ ok: false, message: /not a valid bucket name/ });
    expect(parseShareTarget('https://x/y', true)).toMatchObject({ ok: false, message: /not an S3 URI/ });
  });

  it('names a target with its version, control characters escaped', () => {
    expect(describeTarget({ kind: 'object', uri: 's3://bkt/k', bucket: 'bkt', key: 'k', versionId: 'v1' })).toBe(
      's3://bkt/k (version v1)',
    );
    expect(describeTarget({ kind: 'object', uri: 's3://bkt/a\u001b[2J', bucket: 'bkt', key: 'a\u001b[2J' })).toBe(
      's3://bkt/a\\e[2J',
    );
  });
});
