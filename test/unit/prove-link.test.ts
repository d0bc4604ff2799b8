import { describe, expect, it } from 'vitest';
import { signAndProve } from '../../src/core/prove-link.js';
import type { LinkCheck, PresignedUrl } from '../../src/core/ports.js';
import { FakeS3 } from '../support/fakes.js';

const account = { '*': [{ name: 'b', region: 'us-east-1', objects: [{ key: 'k', size: 3 }] }] };
const connection = { profile: 'p', region: 'us-east-1' };

describe('sign and prove a link', () => {
  it('makes one check for a link that answers', async () => {
    const s3 = new FakeS3(account);
    const proven = await signAndProve(s3.connect(connection), { bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(proven.check).toEqual({ ok: true, scope: 'link', status: 206 });
    expect(s3.callsOf('presign')).toHaveLength(1);
    expect(s3.callsOf('checkLink')).toHaveLength(1);
  });

  it('skips the check when told to', async () => {
    const s3 = new FakeS3(account);
    const proven = await signAndProve(s3.connect(connection), { bucket: 'b', key: 'k', expiresInSeconds: 60 }, false);
    expect(proven.check).toBeUndefined();
    expect(s3.callsOf('checkLink')).toHaveLength(0);
  });

  it('reports a missing object as object-gone', async () => {
    const s3 = new FakeS3(account);
    const proven = await signAndProve(s3.connect(connection), { bucket: 'b', key: 'gone', expiresInSeconds: 60 });
    expect(proven.check).toMatchObject({ ok: false, status: 404, problem: { code: 'object-gone' } });
  });

  it('signs again once the check shows the clock is off, and proves the new link', async () => {
    let offset: number | undefined;
    const s3 = new FakeS3(account, {
      checkLink: (): LinkCheck => {
        offset = 3 * 3600_000;
        return { ok: true, scope: 'link', status: 206, clockOffsetMs: offset };
      },
    });
    const session = s3.connect(connection);
    const skewed = { ...session, clockOffsetMs: () => offset };
    const signed: PresignedUrl[] = [];
    skewed.presign = async (request) => {
      const presigned = await session.presign(request);
      signed.push(presigned);
      return offset === undefined ? presigned : { ...presigned, clockOffsetMs: offset };
    };
    const proven = await signAndProve(skewed, { bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(signed).toHaveLength(2);
    expect(proven.presigned.clockOffsetMs).toBe(3 * 3600_000);
    expect(s3.callsOf('checkLink')).toHaveLength(2);
  });

  it('signs again for the region S3 names on a redirect', async () => {
    const s3 = new FakeS3(account, {
      checkLink: (presigned): LinkCheck =>
        presigned.region === 'eu-west-1'
          ? { ok: true, scope: 'link', status: 206 }
          : {
              ok: false,
              scope: 'link',
              status: 301,
              problem: { code: 'wrong-region', message: 'elsewhere' },
              bucketRegion: 'eu-west-1',
            },
    });
    const proven = await signAndProve(s3.connect(connection), { bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(proven.presigned.region).toBe('eu-west-1');
    expect(proven.check).toEqual({ ok: true, scope: 'link', status: 206 });
  });
});
