import { describe, expect, it } from 'vitest';
import { checkLine, factsLines } from '../../src/core/link-summary.js';

describe('the result screen’s check line', () => {
  it.each([
    [{ ok: true, scope: 'link', status: 206 } as const, { tone: 'ok', text: '✓ checked: the link answers (HTTP 206)' }],
    [
      { ok: true, scope: 'bucket', status: 200 } as const,
      {
        tone: 'note',
        text: 'upload links are not tested (that would write); the bucket exists and profile “p” can see it',
      },
    ],
    [
      {
        ok: false,
        scope: 'link',
        status: 404,
        problem: { code: 'object-gone', message: 'The object does not exist.' },
      } as const,
      { tone: 'error', text: '✗ The object does not exist.' },
    ],
  ])('%j', (check, line) => {
    expect(checkLine(check, 'p')).toEqual(line);
  });
});

describe('the expiry screen’s object facts', () => {
  it('size, type, modified, class and encryption on one line', () => {
    const lines = factsLines(
      {
        bucket: 'b',
        key: 'r.pdf',
        size: 2_400_000,
        contentType: 'application/pdf',
        lastModified: new Date('2026-04-02T09:14:00Z'),
        storageClass: 'STANDARD',
        encryption: 'SSE-KMS',
        kmsKeyId: 'alias/finance',
      },
      'UTC',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toMatch(
      /^2\.4 MB · application\/pdf · modified 2026-04-02 09:14 · STANDARD · SSE-KMS \(key alias\/finance\)$/,
    );
  });

  it('an archived object: the restore status, and the problem in the error tone', () => {
    const lines = factsLines({
      bucket: 'b',
      key: 'old.tar',
      storageClass: 'GLACIER',
      restore: { ongoing: true },
      problem: { code: 'archived', message: 'The object is in GLACIER storage…' },
    });
    expect(lines[0]?.text).toBe('GLACIER · restore in progress');
    expect(lines[1]).toEqual({ tone: 'error', text: 'The object is in GLACIER storage…' });
  });

  it('a PDF stored as octet-stream: the hint to sign a viewable type', () => {
    const lines = factsLines({
      bucket: 'b',
      key: 'r.pdf',
      contentType: 'application/octet-stream',
      storageClass: 'STANDARD',
      suggestedContentType: 'application/pdf',
    });
    expect(lines.at(-1)?.text).toBe(
      'Stored as application/octet-stream: browsers will download it; sign as application/pdf to show it',
    );
  });
});
