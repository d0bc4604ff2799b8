import { describe, expect, it } from 'vitest';
import { boundedCall, isAccessDenied } from '../../src/adapters/aws-errors.js';
import { S3CallError } from '../../src/core/ports.js';

const sdkError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('isAccessDenied', () => {
  it('is true for S3 refusing permission, with or without a body', () => {
    expect(isAccessDenied(sdkError('AccessDenied', 403))).toBe(true);
    expect(
      isAccessDenied(Object.assign(new Error('x'), { Code: 'AllAccessDisabled', $metadata: { httpStatusCode: 403 } })),
    ).toBe(true);
    expect(isAccessDenied(sdkError('Forbidden', 403))).toBe(true);
    // A HEAD answer has no body: the SDK knows only the status.
    expect(isAccessDenied(sdkError('Unknown', 403))).toBe(true);
  });

  it('is false for other 403s (wrong keys, expired tokens) and for other failures', () => {
    expect(isAccessDenied(sdkError('InvalidAccessKeyId', 403))).toBe(false);
    expect(isAccessDenied(sdkError('SignatureDoesNotMatch', 403))).toBe(false);
    expect(isAccessDenied(sdkError('ExpiredToken', 400))).toBe(false);
    expect(isAccessDenied(sdkError('NoSuchBucket', 404))).toBe(false);
    expect(isAccessDenied(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isAccessDenied(undefined)).toBe(false);
  });
});

describe('boundedCall', () => {
  const connection = { profile: 'dev', endpointUrl: 'http://127.0.0.1:9' };

  it('fails with an S3CallError that says whether permission was refused', async () => {
    const denied = await boundedCall(connection, 1000, () => Promise.reject(sdkError('AccessDenied', 403))).catch(
      (e: unknown) => e,
    );
    expect(denied).toBeInstanceOf(S3CallError);
    expect(denied).toMatchObject({ denied: true });
    expect((denied as S3CallError).message).toMatch(/^AccessDenied \(HTTP 403\)/);
    const missing = await boundedCall(connection, 1000, () => Promise.reject(sdkError('NoSuchBucket', 404))).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(S3CallError);
    expect(missing).toMatchObject({ denied: false });
    expect((missing as S3CallError).message).toMatch(/^NoSuchBucket/);
  });

  it('ends a call that never answers at the timeout, with one line', async () => {
    const never = boundedCall(
      connection,
      50,
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error))),
    );
    await expect(never).rejects.toThrow('No answer from http://127.0.0.1:9 in 0.05 s (--timeout).');
  });

  it('tells the caller about each failure before describing it', async () => {
    const seen: unknown[] = [];
    const error = sdkError('PermanentRedirect', 301);
    await boundedCall(
      connection,
      1000,
      () => Promise.reject(error),
      (e) => seen.push(e),
    ).catch(() => undefined);
    expect(seen).toEqual([error]);
  });
});
