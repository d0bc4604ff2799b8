import { describe, expect, it } from 'vitest';
import { parseArguments, UsageError } from '../../src/args.js';

describe('parseArguments', () => {
  it('reads every flag', () => {
    expect(
      parseArguments([
        '--profile', 'prod', '--bucket', 'exports', '--prefix', 'invoices/2026/',
        '--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:9000', '--path-style',
      ]),
    ).toMatchObject({
      profile: 'prod',
      bucket: 'exports',
      prefix: 'invoices/2026/',
      region: 'eu-west-1',
      endpointUrl: 'http://127.0.0.1:9000',
      pathStyle: true,
      help: false,
      version: false,
    });
  });

  it('defaults to the interactive flow with nothing skipped', () => {
    expect(parseArguments([])).toMatchObject({ pathStyle: false, target: undefined, profile: undefined });
  });

  it('takes one positional target', () => {
    expect(parseArguments(['s3://b/k']).target).toBe('s3://b/k');
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--profile'], /--profile/],
    [['--profile', ''], /--profile needs a value/],
    [['--prefix', 'a/'], /--prefix needs --bucket/],
    [['--endpoint-url', 'not a url'], /is not a URL/],
    [['--endpoint-url', 'ftp://host'], /http:\/\/ or https:\/\//],
    [['s3://a/b', 's3://c/d'], /at most one/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(UsageError);
    expect(() => parseArguments(argv)).toThrow(message);
  });
});
