import { parse, TomlError } from 'smol-toml';
import { parseExpiry } from './expiry.js';
import { printable } from './printable.js';

/** The link the expiry screen starts on. */
export type DefaultLinkKind = 'download' | 'attachment' | 'upload';
/** How `c` copies the links of a result. */
export type CopyFormat = 'url' | 'tsv' | 'markdown' | 'csv';

const LINK_KINDS: readonly DefaultLinkKind[] = ['download', 'attachment', 'upload'];
const COPY_FORMATS: readonly CopyFormat[] = ['url', 'tsv', 'markdown', 'csv'];

/** What the defaults file may set; every field absent means the built-in default. */
export interface Defaults {
  /** The expiry when no flag gives one, and the text that prefills the expiry input. */
  expiry?: { seconds: number; text: string };
  linkKind?: DefaultLinkKind;
  copyFormat?: CopyFormat;
  /** Seconds after a copy to empty the clipboard; 0 never does. */
  clearClipboardAfter?: number;
  /** The profile used when neither --profile nor the environment names one. */
  profile?: string;
  /** Keep the last profile, bucket and folder for next time (default on). */
  remember?: boolean;
  altScreen?: boolean;
}

export interface DefaultsReading {
  defaults: Defaults;
  /** One line for the person: the file, the line, what is wrong and what happens instead. */
  problem?: string;
}

type Check = (value: unknown) => { ok: true; set: Partial<Defaults> } | { ok: false; expected: string };

const CHECKS: Record<string, Check> = {
  expiry: (value) => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
    const parsed = text === undefined ? undefined : parseExpiry(text);
    return parsed?.ok && text !== undefined
      ? { ok: true, set: { expiry: { seconds: parsed.seconds, text: text.trim() } } }
      : { ok: false, expected: 'hours (24, 1.5) or a duration ("90m", "2d", "1w"), at most 7 days' };
  },
  link_kind: oneOf(LINK_KINDS, (linkKind) => ({ linkKind })),
  copy_format: oneOf(COPY_FORMATS, (copyFormat) => ({ copyFormat })),
  clear_clipboard_after: (value) =>
    Number.isInteger(value) && (value as number) >= 0
      ? { ok: true, set: { clearClipboardAfter: value as number } }
      : value === false
        ? { ok: true, set: { clearClipboardAfter: 0 } }
        : { ok: false, expected: 'whole seconds (0 or false: never)' },
  profile: (value) =>
    typeof value === 'string' && value.trim() !== ''
      ? { ok: true, set: { profile: value.trim() } }
      : { ok: false, expected: 'a profile name' },
  remember: flag((remember) => ({ remember })),
  alt_screen: flag((altScreen) => ({ altScreen })),
};

const DEFAULTS_KEYS = Object.keys(CHECKS);

/**
 * Reads the defaults file's text. A file TOML cannot parse gives no defaults at all; a key with a
 * wrong value, or a key this version does not know, is left out and the rest still apply. Either
 * way the first problem comes back as one line naming the file and the line.
 */
export function readDefaults(path: string, text: string): DefaultsReading {
  let table: Record<string, unknown>;
  try {
    table = parse(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    const reason = (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      ?.replace(/^Invalid TOML document: /, '');
    return { defaults: {}, problem: `${where(path, line)}: not valid TOML (${reason}); none of its settings apply` };
  }
  const defaults: Defaults = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    const check = CHECKS[key];
    const line = lineOf(text, key);
    if (!check) {
      problems.push(
        `${where(path, line)}: unknown setting “${printable(key)}” (known: ${DEFAULTS_KEYS.join(', ')}); ignored`,
      );
      continue;
    }
    const result = check(value);
    if (result.ok) Object.assign(defaults, result.set);
    else problems.push(`${where(path, line)}: ${key} takes ${result.expected}, not ${shown(value)}; ignored`);
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return problems[0] ? { defaults, problem: `${problems[0]}${more}` } : { defaults };
}

function oneOf<T extends string>(allowed: readonly T[], set: (value: T) => Partial<Defaults>): Check {
  return (value) =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? { ok: true, set: set(value as T) }
      : { ok: false, expected: `one of ${allowed.map((a) => `"${a}"`).join(', ')}` };
}

function flag(set: (value: boolean) => Partial<Defaults>): Check {
  return (value) =>
    typeof value === 'boolean' ? { ok: true, set: set(value) } : { ok: false, expected: 'true or false' };
}

function where(path: string, line: number | undefined): string {
  return line === undefined ? printable(path) : `${printable(path)} line ${line}`;
}

/** The line that sets a top-level key (for the message; TOML's parser does not keep positions). */
function lineOf(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = `(?:${escaped}|"${escaped}"|'${escaped}')`;
  const pattern = new RegExp(`^\\s*(?:${name}\\s*=|\\[\\s*${name}\\s*\\])`);
  const index = text.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

function shown(value: unknown): string {
  const text =
    typeof value === 'string' ? `"${value}"` : typeof value === 'object' && value !== null ? 'a table' : String(value);
  return printable(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
