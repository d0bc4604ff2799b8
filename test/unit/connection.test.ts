import { describe, expect, it } from 'vitest';
import { connectionFor, endpointFromEnvironment } from '../../src/core/connection.js';

describe('endpointFromEnvironment', () => {
  it('prefers the S3-specific variable', () => {
    expect(endpointFromEnvironment({ AWS_ENDPOINT_URL_S3: 'http://s3', AWS_ENDPOINT_URL: 'http://all' })).toBe(
      'http://s3',
    );
    expect(endpointFromEnvironment({ AWS_ENDPOINT_URL: 'http://all' })).toBe('http://all');
    expect(endpointFromEnvironment({ AWS_ENDPOINT_URL_S3: ' ' })).toBeUndefined();
  });
});

describe('connectionFor', () => {
  const profile = { name: 'p', kind: 'keys' as const, region: 'eu-west-1', endpointUrl: 'http://profile:9000' };

  it('uses the profile endpoint and region, path-style', () => {
    expect(connectionFor(profile, {})).toEqual({
      profile: 'p',
      region: 'eu-west-1',
      endpointUrl: 'http://profile:9000',
      pathStyle: true,
    });
  });

  it('lets the command line / environment endpoint and region win', () => {
    expect(connectionFor(profile, { endpointUrl: 'http://flag:1', region: 'ap-south-1' })).toMatchObject({
      endpointUrl: 'http://flag:1',
      region: 'ap-south-1',
    });
  });

  it('addresses AWS itself virtual-hosted unless asked', () => {
    const aws = { name: 'aws', kind: 'sso' as const };
    expect(connectionFor(aws, {}).pathStyle).toBe(false);
    expect(connectionFor(aws, { pathStyle: true }).pathStyle).toBe(true);
  });
});

describe('connectionFor environment credentials', () => {
  it('addresses buckets path-style when the environment entry carries an endpoint (a dotted bucket makes no host name)', () => {
    const environment = { name: '(environment)', kind: 'environment' as const, endpointUrl: 'http://127.0.0.1:7480' };
    expect(connectionFor(environment, {})).toMatchObject({ endpointUrl: 'http://127.0.0.1:7480', pathStyle: true });
  });
});
