import { describe, expect, it } from 'vitest';
import { missingProfileMessage } from '../../src/core/missing-profile.js';
import type { ProfileDiscovery } from '../../src/core/ports.js';

const files: ProfileDiscovery['files'] = [
  { path: '/h/.aws/config', state: 'read' },
  { path: '/h/.aws/credentials', state: 'missing' },
];
const twoProfiles: ProfileDiscovery = {
  files,
  profiles: [
    { name: 'default', kind: 'keys' },
    { name: 'prod', kind: 'sso' },
  ],
};

describe('missingProfileMessage', () => {
  it('does not suggest --profile for a name given with --profile; it lists the profiles there', () => {
    const message = missingProfileMessage('nope', 'flag', twoProfiles);
    expect(message).toBe(
      'no AWS profile “nope” (looked in /h/.aws/config (read), /h/.aws/credentials (missing)); profiles there: default, prod',
    );
    expect(message).not.toContain('--profile');
  });

  it('offers to create a profile named with --profile when there are none', () => {
    const message = missingProfileMessage('nope', 'flag', { files, profiles: [] });
    expect(message).toMatch(/run `aws configure --profile nope` to create it$/);
    expect(message).not.toMatch(/pass --profile/);
  });

  it('names AWS_PROFILE when it chose the name', () => {
    expect(missingProfileMessage('gone', 'AWS_PROFILE', twoProfiles)).toMatch(
      /“gone” .*, named by AWS_PROFILE; set it to one of: default, prod, or pass --profile$/,
    );
  });

  it('suggests aws configure or --profile when only the default was missing', () => {
    expect(missingProfileMessage('default', 'default', { files, profiles: [] })).toMatch(
      /; run `aws configure` or pass --profile$/,
    );
    expect(missingProfileMessage('default', 'default', { files, profiles: [{ name: 'prod', kind: 'keys' }] })).toMatch(
      /; pass --profile with one of: prod$/,
    );
  });

  it('keeps a long list short and escapes control characters', () => {
    const profiles = Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, kind: 'keys' as const }));
    const message = missingProfileMessage('x\u001b[2J', 'flag', { files, profiles });
    expect(message).toContain('p7, … (20 in all)');
    expect(message).not.toContain('p8,');
    expect(message).not.toContain('\u001b');
  });
});
