import { describe, expect, it } from 'vitest';
import { parseArguments, USAGE, UsageError } from '../../src/args.js';

describe('parseArguments', () => {
  it('reads every flag', () => {
    expect(
      parseArguments([
        '--profile',
        'prod',
        '--bucket',
        'exports',
        '--prefix',
        'invoices/2026/',
        '--region',
        'eu-west-1',
        '--endpoint-url',
        'http://127.0.0.1:9000',
        '--path-style',
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
    expect(parseArguments([])).toMatchObject({ pathStyle: false, targets: [], profile: undefined });
  });

  it('takes positional targets in order, - among them', () => {
    expect(parseArguments(['s3://b0b/k']).targets).toEqual(['s3://b0b/k']);
    expect(parseArguments(['s3://b0b/k2', '-', 's3://b0b/k1']).targets).toEqual(['s3://b0b/k2', '-', 's3://b0b/k1']);
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--profile'], /--profile/],
    [['--profile', ''], /--profile needs a value/],
    [['--prefix', 'a/'], /--prefix needs --bucket/],
    [['--endpoint-url', 'not a url'], /is not a URL/],
    [['--endpoint-url', 'ftp://host'], /http:\/\/ or https:\/\//],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(UsageError);
    expect(() => parseArguments(argv)).toThrow(message);
  });
});

describe('expiry and link flags', () => {
  it.each([
    [['--expires-in', '86400'], 86_400],
    [['--hours', '1.5'], 5400],
    [['--expires', '90m'], 5400],
    [['--expires', '1w'], 604_800],
  ])('%j gives %i seconds', (argv, seconds) => {
    expect(parseArguments(argv).expiresInSeconds).toBe(seconds);
  });

  it.each([
    [['--expires-in', '604801'], /whole seconds from 1 to 604800/],
    [['--expires-in', '1.5'], /whole seconds/],
    [['--expires-in', '0'], /whole seconds/],
    [['--hours', '2d'], /number of hours/],
    [['--hours', '169'], /168-hour/],
    [['--expires', 'soon'], /not a duration/],
    [['--hours', '1', '--expires', '2h'], /use one of/],
    [['--method', 'DELETE'], /GET or PUT/],
    [['--method', 'put', '--attachment'], /GET links only/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });

  it('reads method, download name, json and no-check', () => {
    expect(parseArguments(['--method', 'put', '--json', '--no-check'])).toMatchObject({
      method: 'PUT',
      json: true,
      noCheck: true,
    });
    expect(parseArguments(['--download-as', 'März.pdf']).downloadAs).toBe('März.pdf');
  });
});

describe('clipboard flags', () => {
  it('reads --no-clipboard and --clear-clipboard-after', () => {
    expect(parseArguments(['--no-clipboard']).noClipboard).toBe(true);
    expect(parseArguments([]).noClipboard).toBe(false);
    expect(parseArguments(['--clear-clipboard-after', '30']).clearClipboardAfter).toBe(30);
    expect(() => parseArguments(['--clear-clipboard-after', '0'])).toThrow(/whole seconds/);
    expect(() => parseArguments(['--clear-clipboard-after', 'soon'])).toThrow(/whole seconds/);
  });
});

describe('sharing many links', () => {
  it('reads --recursive, --version-id and --format', () => {
    expect(parseArguments(['-r', 's3://bkt/logs/'])).toMatchObject({ recursive: true, targets: ['s3://bkt/logs/'] });
    expect(parseArguments(['--version-id', 'Z.8k', 's3://bkt/k'])).toMatchObject({
      versionId: 'Z.8k',
      targets: ['s3://bkt/k'],
    });
    expect(parseArguments(['--format', 'CSV', '-']).format).toBe('csv');
    expect(parseArguments(['s3://bkt/k']).format).toBe('plain');
    expect(parseArguments(['--recursive', 's3://bkt', 's3://bkt/'])).toMatchObject({ recursive: true });
  });

  it.each([
    [['s3://bkt/logs/'], /s3:\/\/bkt\/logs\/ is a folder: add --recursive to share every object under it/],
    [['s3://bkt/'], /is a folder: add --recursive/],
    [['s3://bkt'], /needs a key/],
    [['-', '-'], /once/],
    [['--version-id', 'v1', '-'], /exactly one s3:\/\/BUCKET\/KEY/],
    [['--version-id', 'v1', '-r', 's3://bkt/k'], /no --recursive/],
    [['--version-id', 'v1'], /exactly one/],
    [['--version-id', '', 's3://bkt/k'], /needs a value/],
    [['--version-id', 'v1', '--method', 'PUT', 's3://bkt/k'], /download links only/],
    [['--json', '--format', 'csv', 's3://bkt/k'], /--json or --format, not both/],
    [['--format', 'html', 's3://bkt/k'], /--format takes plain, tsv, markdown, csv, not “html”/],
    [['--recursive'], /--recursive needs s3:\/\/ URIs/],
    [['--format', 'csv'], /--format needs s3:\/\/ URIs/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(UsageError);
    expect(() => parseArguments(argv)).toThrow(message);
  });
});

describe('--help', () => {
  it('fits 80 columns and names every non-interactive flag', () => {
    const lines = USAGE.split('\n');
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    for (const flag of ['--recursive', '--version-id', '--format', '--json', '--no-check', ' - '])
      expect(USAGE).toContain(flag);
  });
});

describe('screen flags', () => {
  it('reads --alt-screen (off unless given) and refuses a value for it', () => {
    expect(parseArguments(['--alt-screen']).altScreen).toBe(true);
    // Not given: the defaults file decides.
    expect(parseArguments([]).altScreen).toBeUndefined();
    expect(() => parseArguments(['--alt-screen=yes'])).toThrow(UsageError);
  });

  it('lists --alt-screen in the usage text', () => {
    expect(USAGE).toMatch(/^ {2}--alt-screen {10}draw on the alternate screen/m);
  });
});
