import { describe, expect, it } from 'vitest';
import { createMfaChannel } from '../../src/core/mfa-channel.js';

describe('createMfaChannel', () => {
  it('tells the app, then resolves with the code typed', async () => {
    const channel = createMfaChannel();
    const asked: string[] = [];
    channel.onAsk((serial) => asked.push(serial));
    const code = channel.ask('arn:aws:iam::1:mfa/me');
    expect(asked).toEqual(['arn:aws:iam::1:mfa/me']);
    channel.answer('123456');
    await expect(code).resolves.toBe('123456');
  });

  it('rejects when the person cancels', async () => {
    const channel = createMfaChannel();
    const code = channel.ask('serial');
    channel.answer(null);
    await expect(code).rejects.toThrow('No MFA code given');
  });
});
