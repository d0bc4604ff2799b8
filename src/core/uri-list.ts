/** One s3:// URI read from a list, with the line it came from (for error messages). */
export interface UriListEntry {
  line: number;
  text: string;
}

/**
 * A list of URIs, one per line, as `aws s3 ls | awk …` writes it: blank lines and lines starting
 * with `#` are skipped, leading spaces and a Windows line end are dropped. Trailing spaces stay:
 * an object key may end with one.
 */
export function parseUriList(text: string): UriListEntry[] {
  const entries: UriListEntry[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    let line = lines[index] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.trimStart();
    if (line === '' || line.startsWith('#') || line.trim() === '') continue;
    entries.push({ line: index + 1, text: line });
  }
  return entries;
}
