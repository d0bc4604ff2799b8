/**
 * A role profile with `mfa_serial`, end to end: the SDK asks for the code during the first S3 call,
 * the person types it in the terminal, and it reaches STS (a stand-in on loopback, which the SDK
 * uses through AWS_ENDPOINT_URL_STS) as TokenCode.
 */
import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useE2E } from '../support/e2e.js';

const e2e = useE2E();
const SERIAL = 'arn:aws:iam::111122223333:mfa/ana';

/** Answers AssumeRole with the local server's own keys (as a session), recording each request body. */
function stsStandIn(): { server: Server; bodies: string[]; url(): string } {
  const bodies: string[] = [];
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>${e2e.server.accessKeyId}</AccessKeyId><SecretAccessKey>${e2e.server.secretAccessKey}</SecretAccessKey>
<SessionToken>stand-in-session</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/share/s3share</Arn><AssumedRoleId>AROA:s3share</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  return { server, bodies, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('a role profile with mfa_serial in the TUI', () => {
  let sts: ReturnType<typeof stsStandIn>;
  beforeEach(async () => {
    sts = stsStandIn();
    await new Promise<void>((resolve) => sts.server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => sts.server.close(() => resolve())));

  test('the code typed while the bucket list loads reaches STS as TokenCode', async () => {
    const home = e2e.home([{ name: 'base' }]);
    appendFileSync(
      home.configPath,
      [
        '[profile mfa-role]',
        'role_arn = arn:aws:iam::111122223333:role/share',
        'source_profile = base',
        `mfa_serial = ${SERIAL}`,
        'region = us-east-1',
        `endpoint_url = ${e2e.server.endpoint}`,
        '',
      ].join('\n'),
    );
    const session = e2e.launch(home, { args: ['--profile', 'mfa-role'], env: { AWS_ENDPOINT_URL_STS: sts.url() } });
    await session.waitFor('Multi-factor authentication');
    expect(session.screen()).toContain(SERIAL);
    session.write('12');
    session.write('3456');
    await session.waitFor('MFA code: 123456');
    session.press('Enter');
    await expect.poll(() => sts.bodies.length, { timeout: 10_000 }).toBe(1);
    const sent = new URLSearchParams(sts.bodies[0]);
    expect(sent.get('Action')).toBe('AssumeRole');
    expect(sent.get('TokenCode')).toBe('123456');
    expect(sent.get('SerialNumber')).toBe(SERIAL);
    await session.waitForGone('Multi-factor authentication');
  });
});
