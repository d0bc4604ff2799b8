import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMfaChannel } from '../../src/core/mfa-channel.js';
import { KEY, renderApp } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

describe('credential and permission problems', () => {
  test('an expired SSO session says which command fixes it, and Esc leads back to the profiles', async () => {
    const services = world();
    services.s3.control.failNext(
      'listBuckets',
      'The SSO session of profile “prod” has expired or is missing: run `aws sso login --profile prod`.',
    );
    const app = renderApp(services, { profile: 'prod' });
    await app.waitFor('aws sso login --profile prod');
    expect(app.frame()).toContain('r retry');
    await app.press(KEY.escape);
    await app.waitFor('3 of 3 profiles');
  });

  test('ListBuckets denied: the bucket name is typed instead, and its objects open', async () => {
    const services = world();
    services.s3.control.failNext('listBuckets', 'AccessDenied (HTTP 403): the credentials are not allowed to do this.');
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor('Type a bucket name and press ⏎');
    await app.press('customer-exports');
    await app.waitFor('press ⏎: customer-exports');
    await app.press(KEY.enter);
    await app.waitFor(/objects · 3 folders/);
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
  });

  test('ListObjectsV2 denied: the object key is typed instead, and it is signed', async () => {
    const services = world();
    services.s3.control.failNext('listPage', 'AccessDenied (HTTP 403): the credentials are not allowed to do this.');
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('Type the object key and press ⏎');
    await app.press('readme.txt', KEY.enter);
    await app.waitFor('Expires in (hours)');
    await app.press(KEY.enter);
    await app.waitFor('link to');
    expect(services.s3.presignRequests.at(-1)).toMatchObject({ bucket: 'customer-exports', key: 'readme.txt' });
  });

  test('a role with mfa_serial asks for the code on screen and hands it to the SDK', async () => {
    const mfa = createMfaChannel();
    const services = { ...world(), mfa };
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor(/of \d+ buckets/);
    const code = mfa.ask('arn:aws:iam::111122223333:mfa/ana');
    await app.waitFor('Multi-factor authentication');
    expect(app.frame()).toContain('arn:aws:iam::111122223333:mfa/ana');
    await app.press('12a345');
    await app.waitFor('MFA code: 12345');
    await app.press(KEY.enter); // five digits: not sent yet
    expect(app.frame()).toContain('Multi-factor authentication');
    await app.press('6', KEY.enter);
    await expect(code).resolves.toBe('123456');
    await app.waitFor((f) => !f.includes('Multi-factor authentication'));
  });

  test('temporary credentials: the expiry input says how long links can last, the result says the link ends early', async () => {
    const services = world({ s3: { credentialsExpireAt: new Date('2026-11-28T12:00:00Z') } });
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor(/objects · 3 folders/);
    await app.press(KEY.end, KEY.enter);
    await app.waitFor('These credentials are temporary: links signed now work at most 2 hours');
    await app.press(KEY.backspace, '24');
    await app.waitFor('when the credentials end');
    await app.press(KEY.enter);
    const frame = await app.waitFor('end first');
    expect(frame).toContain('Expires in 2 hours');
    expect(frame).toContain('2026-11-28T12:00:00Z');
  });
});
