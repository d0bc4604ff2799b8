import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMfaChannel } from '../../src/core/mfa-channel.js';
import { createNoticeChannel } from '../../src/core/notice-channel.js';
import { openExpiry } from '../support/flows.js';
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

  /** Answers the prompt as a person would: digits typed, Enter, the code reaches the SDK. */
  async function answerPrompt(app: ReturnType<typeof renderApp>, code: Promise<string>) {
    await app.waitFor('Multi-factor authentication');
    await app.press('12a3');
    let frame = await app.waitFor('MFA code: 123');
    // The footer under the prompt offers the prompt's keys only.
    expect(frame).toMatch(/0-9 code {2}⌫ erase {2}esc cancel {2}ctrl-c quit/);
    expect(frame).not.toMatch(/↑↓ move|⏎ open|type filter/);
    await app.press('456');
    frame = await app.waitFor('MFA code: 123456');
    expect(frame).toContain('⏎ send');
    await app.press(KEY.enter);
    await expect(code).resolves.toBe('123456');
    await app.waitFor((f) => !f.includes('Multi-factor authentication'));
  }

  test('the MFA prompt asked while the bucket list is still loading takes the code', async () => {
    const mfa = createMfaChannel();
    const services = { ...world(), mfa };
    services.s3.control.hold('listBuckets');
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor('Listing buckets…');
    await answerPrompt(app, mfa.ask('arn:aws:iam::111122223333:mfa/ana'));
    // The listing goes on once the role is assumed.
    await app.waitFor('Listing buckets…');
    services.s3.control.pending('listBuckets')[0]?.release();
    await app.waitFor(/of \d+ buckets/);
  });

  test('the MFA prompt asked while a page of objects loads takes the code', async () => {
    const mfa = createMfaChannel();
    const services = { ...world(), mfa };
    services.s3.control.hold('listPage');
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('Listing objects…');
    await answerPrompt(app, mfa.ask('arn:aws:iam::111122223333:mfa/ana'));
    services.s3.control.pending('listPage')[0]?.release();
    await app.waitFor(/objects · 3 folders/);
  });

  test('the MFA prompt on the profile screen, after choosing the profile from the list', async () => {
    const mfa = createMfaChannel();
    const services = { ...world(), mfa };
    services.s3.control.hold('listBuckets');
    const app = renderApp(services);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor('Listing buckets…');
    await answerPrompt(app, mfa.ask('arn:aws:iam::111122223333:mfa/ana'));
  });

  test('Esc cancels the MFA prompt: the SDK is told no code was given', async () => {
    const mfa = createMfaChannel();
    const services = { ...world(), mfa };
    services.s3.control.hold('listBuckets');
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor('Listing buckets…');
    const refused = mfa.ask('arn:aws:iam::111122223333:mfa/ana').catch((error: Error) => error.message);
    await app.waitFor('Multi-factor authentication');
    await app.press(KEY.escape);
    await expect(refused).resolves.toContain('No MFA code given');
    await app.waitFor('Listing buckets…');
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

describe('notices from the adapters', () => {
  const EXPIRATION_NOT_A_DATE =
    'the credentials of profile “dev” carry an expiration that is not a date; links are signed as if they had none.';

  test('a notice told while the credentials are read shows as a warning on that screen, until the next key', async () => {
    const notices = createNoticeChannel();
    const services = { ...world(), notices };
    // The credential provider tells it as the expiry screen reads the credentials' end.
    const connect = services.s3.connect.bind(services.s3);
    services.s3.connect = (connection) => {
      const session = connect(connection);
      return {
        ...session,
        credentialsExpireAt: () => {
          notices.tell(EXPIRATION_NOT_A_DATE);
          return session.credentialsExpireAt();
        },
      };
    };
    const app = await openExpiry(services);
    await app.waitFor('The credentials of profile “dev” carry an expiration that is not a date');
    expect(app.frame()).toContain('Expires in (hours)');
    // Wrapped over two rows at 100 columns.
    expect(app.frame().replace(/\s+/g, ' ')).toContain(
      'The credentials of profile “dev” carry an expiration that is not a date; links are signed as if they had none.',
    );
    await app.press('1');
    await app.waitFor((frame) => !frame.includes('carry an expiration'));
  });

  test('a notice told before the screens listen is shown once they do', async () => {
    const notices = createNoticeChannel();
    notices.tell('something the person should know, from https://user:hunter2@s3.example.com');
    const app = renderApp({ ...world(), notices });
    await app.waitFor('Something the person should know');
    expect(app.frame()).not.toContain('hunter2');
  });
});
