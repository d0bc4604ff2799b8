import { parseShareTarget, type ShareTarget } from '../core/share-target.js';
import { parseUriList } from '../core/uri-list.js';
import { printable } from '../core/printable.js';

/** One entry of the work, in the order asked: a target, or an input line that is not one. */
export type Entry = { target: ShareTarget } | { unusable: string; message: string };

/**
 * The command line's URIs in order, `-` replaced by the URIs of standard input (read only when
 * asked). The command line was checked before (a bad URI there is a usage error); a bad line of
 * standard input is reported in its place and the others still shared.
 */
export async function collectEntries(
  texts: readonly string[],
  options: { recursive: boolean; versionId?: string },
  readStdin: () => Promise<string>,
): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const text of texts) {
    if (text !== '-') {
      const parsed = parseShareTarget(text, options.recursive);
      if (!parsed.ok) entries.push({ unusable: printable(text), message: parsed.message });
      else if (parsed.target.kind === 'object' && options.versionId !== undefined) {
        entries.push({ target: { ...parsed.target, versionId: options.versionId } });
      } else entries.push({ target: parsed.target });
      continue;
    }
    for (const line of parseUriList(await readStdin())) {
      const parsed = parseShareTarget(line.text, options.recursive);
      entries.push(
        parsed.ok
          ? { target: parsed.target }
          : { unusable: `standard input line ${line.line}`, message: parsed.message },
      );
    }
  }
  return entries;
}
