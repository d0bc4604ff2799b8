/** One option as `--help` lists it. */
export interface FlagSpec {
  long: string;
  short?: string;
  /** The value's placeholder (`NAME`, `GET|PUT`), absent for a switch. */
  value?: string;
  description: string;
}

const CONTINUED = /^ {8,}\S/;
const OPTION_LINE = /^ {2}(?:-(\w), )?--([a-z][\w-]*)(?: ([A-Z][A-Z|]*))?(?: {2,}(.*))?$/;

/**
 * The options of the help text, in its order. The help is the one list of flags: completion
 * scripts and the README's table follow it (a test holds the README to it).
 */
export function flagsFromUsage(usage: string): FlagSpec[] {
  const lines = usage.split('\n');
  const flags: FlagSpec[] = [];
  lines.forEach((line, index) => {
    const match = OPTION_LINE.exec(line);
    if (!match) return;
    const [, short, long, value, description] = match;
    // Descriptions go on over indented lines (all of it, when a long option name pushed it down).
    const parts = description ? [description] : [];
    for (let next = index + 1; CONTINUED.test(lines[next] ?? ''); next += 1) parts.push((lines[next] as string).trim());
    const text = parts.join(' ');
    flags.push({ long: long as string, ...(short ? { short } : {}), ...(value ? { value } : {}), description: text });
  });
  return flags;
}

/** The fixed choices of a value written as `A|B`, else undefined. */
export function valueChoices(flag: FlagSpec): string[] | undefined {
  return flag.value?.includes('|') ? flag.value.split('|') : undefined;
}
