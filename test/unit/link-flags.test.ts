import { describe, expect, it } from 'vitest';
import { parseArguments, USAGE } from '../../src/args.js';

describe('--content-type and --request-payer', () => {
  it('reads them', () => {
    expect(parseArguments(['--content-type', 'application/pdf', '--request-payer'])).toMatchObject({
      contentType: 'application/pdf',
      requestPayer: true,
    });
    expect(parseArguments(['--content-type', 'text/plain; charset=utf-8']).contentType).toBe(
      'text/plain; charset=utf-8',
    );
    expect(parseArguments([])).toMatchObject({ requestPayer: false });
    expect(parseArguments([]).contentType).toBeUndefined();
  });

  it.each([
    [['--content-type', 'pdf'], /media type such as application\/pdf/],
    [['--content-type', ''], /media type/],
    [['--content-type', 'text/html\r\nSet-Cookie: a=b'], /media type/],
    [['--method', 'PUT', '--content-type', 'application/pdf'], /GET links only/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });

  it('are in --help', () => {
    expect(USAGE).toMatch(/--content-type TYPE/);
    expect(USAGE).toMatch(/--request-payer/);
    expect(USAGE).toMatch(/do not fetch each link to prove it works/);
  });
});
