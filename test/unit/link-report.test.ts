import { describe, expect, it } from 'vitest';
import type { PresignedUrl } from '../../src/core/ports.js';
import { reportLink } from '../../src/link-report.js';

const presigned: PresignedUrl = {
  url: 'https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Signature=x',
  method: 'GET',
  bucket: 'b',
  key: 'k',
  region: 'us-east-1',
  expiresInSeconds: 3600,
  signedAt: new Date('2026-11-28T12:00:00Z'),
  requestedExpiresAt: new Date('2026-11-28T13:00:00Z'),
  expiresAt: new Date('2026-11-28T13:00:00Z'),
};

describe('what non-interactive mode says about a check', () => {
  it('a proven link: checked, nothing on stderr', () => {
    expect(reportLink({ presigned, check: { ok: true, scope: 'link', status: 206 } }, 'p')).toEqual({
      notes: [],
      json: { checked: true },
    });
  });

  it('--no-check: not checked, nothing said', () => {
    expect(reportLink({ presigned }, 'p')).toEqual({ notes: [], json: { checked: false } });
  });

  it('a failing link: the message, and problem + message for --json', () => {
    const check = {
      ok: false as const,
      scope: 'link' as const,
      status: 404,
      problem: { code: 'object-gone' as const, message: 'gone' },
    };
    expect(reportLink({ presigned, check }, 'p')).toEqual({
      notes: [],
      failure: 'gone',
      json: { checked: true, problem: 'object-gone', message: 'gone' },
    });
  });

  it('an upload link: says plainly it was not tested, and checked is false', () => {
    const report = reportLink(
      { presigned: { ...presigned, method: 'PUT' }, check: { ok: true, scope: 'bucket', status: 200 } },
      'ops',
    );
    expect(report.json).toEqual({ checked: false });
    expect(report.notes).toEqual([
      'note: upload links are not tested (that would write to the bucket); the bucket exists and profile “ops” can see it',
    ]);
  });

  it('signed with S3’s time: warns with the offset', () => {
    const report = reportLink(
      { presigned: { ...presigned, clockOffsetMs: -3 * 3600_000 }, check: { ok: true, scope: 'link', status: 206 } },
      'p',
    );
    expect(report.notes).toEqual(["warning: your clock is 3 h 0 m ahead of S3's; links are signed with S3's time"]);
  });
});
