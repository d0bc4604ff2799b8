import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseArguments, USAGE } from '../../src/args.js';
import { flagsFromUsage } from '../../src/completion/flags.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The flags named in the first column of the README's option table (section "Command line"). */
function readmeFlags(): string[] {
  const section = README.slice(
    README.indexOf('## Command line'),
    README.indexOf('\n## ', README.indexOf('## Command line') + 1),
  );
  const rows = section.split('\n').filter((line) => line.startsWith('| `-'));
  return rows.flatMap((row) =>
    [...(row.split(' | ')[0] ?? '').matchAll(/`(--?[a-zA-Z][\w-]*)/g)].map((m) => m[1] as string),
  );
}

describe('--help', () => {
  test('fits an 80-column terminal', () => {
    const long = USAGE.split('\n').filter((line) => [...line].length >= 80);
    expect(long).toEqual([]);
  });

  test('lists the options the README documents, and the README documents every option of --help', () => {
    const help = flagsFromUsage(USAGE).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]);
    expect(help.length).toBeGreaterThan(15);
    expect([...readmeFlags()].sort()).toEqual([...help].sort());
  });

  test('every option it lists is one the command line accepts', () => {
    for (const flag of flagsFromUsage(USAGE)) {
      const args = flag.value ? [`--${flag.long}`, 'x'] : [`--${flag.long}`];
      let message = '';
      try {
        parseArguments(args);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, `--${flag.long}`).not.toMatch(/unknown option/i);
    }
  });

  test('descriptions run on over their indented lines', () => {
    const json = flagsFromUsage(USAGE).find((f) => f.long === 'json');
    expect(json?.description).toBe(
      'one JSON object per line: url, method, bucket, key, region, expiresIn, expiresAt, checked (and versionId; problem and message when the check fails)',
    );
    const clear = flagsFromUsage(USAGE).find((f) => f.long === 'clear-clipboard-after');
    expect(clear?.value).toBe('SECONDS');
    expect(clear?.description).toMatch(/^after a copy, empty the clipboard/);
    expect(flagsFromUsage(USAGE).find((f) => f.long === 'method')?.value).toBe('GET|PUT');
  });
});
