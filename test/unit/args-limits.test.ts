import { describe, expect, it } from 'vitest';
import { parseArguments, USAGE } from '../../src/args.js';

describe('argument limits', () => {
  it('takes --timeout as whole seconds from 1 to 600', () => {
    expect(parseArguments(['--timeout', '1']).timeoutSeconds).toBe(1);
    expect(parseArguments(['--timeout', '600']).timeoutSeconds).toBe(600);
    for (const bad of ['0', '0.0001', '1.5', '601', '1e2', '-1', '', ' 5', '0x10', '0600']) {
      expect(() => parseArguments([`--timeout=${bad}`]), bad).toThrow(/--timeout takes whole seconds from 1 to 600/);
    }
  });

  it('caps --clear-clipboard-after at 7 days (timers past 2^31 ms would fire at once)', () => {
    expect(parseArguments(['--clear-clipboard-after', '604800']).clearClipboardAfter).toBe(604800);
    expect(() => parseArguments(['--clear-clipboard-after', '604801'])).toThrow(/from 1 to 604800 \(7 days\)/);
    expect(() => parseArguments(['--clear-clipboard-after', '2147484'])).toThrow(/7 days/);
  });

  it('refuses a --region that is not a region name, shown escaped', () => {
    expect(parseArguments(['--region', 'eu-west-1']).region).toBe('eu-west-1');
    expect(() => parseArguments(['--region', 'us\u001b]52;c;aGk=\u0007'])).toThrow('not “us\\e]52;c;aGk=\\x07”');
  });

  it('lists exit codes 129 and 143 in the help', () => {
    expect(USAGE).toMatch(/^ {2}129 .*SIGHUP/m);
    expect(USAGE).toMatch(/^ {2}143 .*SIGTERM/m);
  });
});
