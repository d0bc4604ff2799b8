import { describe, expect, test } from 'vitest';
import { parseArguments } from '../../src/args.js';
import { withDefaults } from '../../src/apply-defaults.js';
import { readDefaults } from '../../src/core/defaults.js';

const PATH = '/home/u/.config/s3share-tui/config.toml';

describe('the defaults file', () => {
  test('reads every setting', () => {
    const text = [
      '# my defaults',
      'expiry = "2d"',
      'link_kind = "attachment"',
      'copy_format = "markdown"',
      'clear_clipboard_after = 45',
      'profile = "work"',
      'remember = false',
      'alt_screen = true',
      '',
    ].join('\n');
    expect(readDefaults(PATH, text)).toEqual({
      defaults: {
        expiry: { seconds: 172_800, text: '2d' },
        linkKind: 'attachment',
        copyFormat: 'markdown',
        clearClipboardAfter: 45,
        profile: 'work',
        remember: false,
        altScreen: true,
      },
    });
  });

  test('a bare number of hours is an expiry, decimals included', () => {
    expect(readDefaults(PATH, 'expiry = 1.5').defaults.expiry).toEqual({ seconds: 5400, text: '1.5' });
    expect(readDefaults(PATH, 'expiry = 24').defaults.expiry).toEqual({ seconds: 86_400, text: '24' });
  });

  test('an empty file sets nothing and says nothing', () => {
    expect(readDefaults(PATH, '')).toEqual({ defaults: {} });
  });

  test('a file TOML cannot parse: one line with the file and the line, and no setting applies', () => {
    const reading = readDefaults(PATH, 'expiry = "2d"\nlink_kind = = "upload"\n');
    expect(reading.defaults).toEqual({});
    expect(reading.problem).toMatch(
      new RegExp(`^${PATH.replace(/[.]/g, '\\.')} line 2: not valid TOML \\(.+\\); none of its settings apply$`),
    );
    expect(reading.problem).not.toContain('\n');
  });

  test('a wrong value names its line and is left out; the other settings still apply', () => {
    const reading = readDefaults(PATH, 'profile = "work"\n\nexpiry = "9d"\n');
    expect(reading.defaults).toEqual({ profile: 'work' });
    expect(reading.problem).toBe(
      `${PATH} line 3: expiry takes hours (24, 1.5) or a duration ("90m", "2d", "1w"), at most 7 days, not "9d"; ignored`,
    );
  });

  test.each([
    ['link_kind = "zip"', 'link_kind takes one of "download", "attachment", "upload", not "zip"'],
    ['copy_format = "html"', 'copy_format takes one of "url", "tsv", "markdown", "csv", not "html"'],
    ['clear_clipboard_after = -3', 'clear_clipboard_after takes whole seconds (0 or false: never), not -3'],
    ['remember = "no"', 'remember takes true or false, not "no"'],
    ['alt_screen = 1', 'alt_screen takes true or false, not 1'],
    ['profile = ""', 'profile takes a profile name, not ""'],
    ['[expiry]\nhours = 2', 'expiry takes hours'],
  ])('%s is refused', (text, message) => {
    const reading = readDefaults(PATH, text);
    expect(reading.defaults).toEqual({});
    expect(reading.problem).toContain(`${PATH} line 1: ${message}`);
  });

  test('an unknown key (a typo) is named, with the known ones; several problems stay one line', () => {
    const reading = readDefaults(PATH, 'expiry = 2\nexpirey = 3\nremember = "x"\n');
    expect(reading.defaults).toEqual({ expiry: { seconds: 7200, text: '2' } });
    expect(reading.problem).toBe(
      `${PATH} line 2: unknown setting “expirey” (known: expiry, link_kind, copy_format, clear_clipboard_after, profile, remember, alt_screen); ignored (and 1 more)`,
    );
  });

  test('control characters in the file are shown escaped', () => {
    const reading = readDefaults(PATH, 'link_kind = "\\u001b[31m"');
    expect(reading.problem).toContain('\\e[31m');
    expect(reading.problem).not.toContain('\u001b');
  });

  test('clear_clipboard_after = false or 0 never clears', () => {
    expect(readDefaults(PATH, 'clear_clipboard_after = false').defaults).toEqual({ clearClipboardAfter: 0 });
    expect(readDefaults(PATH, 'clear_clipboard_after = 0').defaults).toEqual({ clearClipboardAfter: 0 });
  });
});

describe('flags win over the defaults file', () => {
  const defaults = readDefaults(
    PATH,
    'expiry = "2d"\nprofile = "work"\nclear_clipboard_after = 30\nlink_kind = "upload"\ncopy_format = "csv"\nalt_screen = true',
  ).defaults;

  test('the file fills what the command line leaves open', () => {
    const options = withDefaults(parseArguments([]), defaults, {});
    expect(options).toMatchObject({
      profile: 'work',
      expiresInSeconds: 172_800,
      expiryText: '2d',
      clearClipboardAfter: 30,
      linkKind: 'upload',
      copyFormat: 'csv',
      altScreen: true,
    });
  });

  test('flags win', () => {
    const options = withDefaults(
      parseArguments(['--profile', 'home', '--hours', '3', '--clear-clipboard-after', '5']),
      defaults,
      {},
    );
    expect(options).toMatchObject({
      profile: 'home',
      expiresInSeconds: 10_800,
      expiryText: '3',
      clearClipboardAfter: 5,
    });
  });

  test.each([[{ AWS_PROFILE: 'ops' }], [{ AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret' }]])(
    'the environment picking a profile wins over the file: %o',
    (env) => {
      expect(withDefaults(parseArguments([]), defaults, env).profile).toBeUndefined();
    },
  );

  test('no file, no change', () => {
    const options = parseArguments(['--hours', '2']);
    expect(withDefaults(options, {}, {})).toEqual(options);
  });

  test('clear_clipboard_after = 0 leaves clearing off', () => {
    expect(withDefaults(parseArguments([]), { clearClipboardAfter: 0 }, {}).clearClipboardAfter).toBeUndefined();
  });
});
