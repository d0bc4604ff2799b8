import { formatUtc } from './expiry.js';

/** How a list of links is written out: for a terminal, a spreadsheet, a chat message or a script. */
export type LinkFormat = 'plain' | 'tsv' | 'markdown' | 'csv';

/** In the order a key cycles through them. */
export const LINK_FORMATS: readonly LinkFormat[] = ['plain', 'tsv', 'markdown', 'csv'];

export const LINK_FORMAT_LABELS: Record<LinkFormat, string> = {
  plain: 'URLs',
  tsv: 'key<TAB>URL',
  markdown: 'Markdown links',
  csv: 'CSV',
};

export interface SharedLink {
  key: string;
  url: string;
  expiresAt: Date;
}

const CSV_HEADER = 'key,url,expires_at';

/** The line written before the links, if the format has one (CSV's column names). */
export function formatHeader(format: LinkFormat): string | undefined {
  return format === 'csv' ? CSV_HEADER : undefined;
}

/**
 * One link as one record of `format`, without the line end. Only a CSV record can span lines
 * (a key holding a newline stays inside its quotes); every other format escapes it.
 */
export function formatLink(link: SharedLink, format: LinkFormat): string {
  switch (format) {
    case 'plain':
      return link.url;
    case 'tsv':
      return `${tsvField(link.key)}\t${tsvField(link.url)}`;
    case 'markdown':
      return `[${markdownText(link.key)}](${markdownDestination(link.url)})`;
    case 'csv':
      return [link.key, link.url, formatUtc(link.expiresAt)].map(csvField).join(',');
  }
}

/** Every link in `format`, one record per line, header first; no line end after the last. */
export function formatLinks(links: readonly SharedLink[], format: LinkFormat): string {
  const header = formatHeader(format);
  const lines = links.map((link) => formatLink(link, format));
  return (header === undefined ? lines : [header, ...lines]).join('\n');
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A tab or line break in a key would split the row: written as \t, \n, \r (and \ as \\). */
export function tsvField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => TSV_ESCAPES[char] ?? char);
}

/**
 * Link text shows the key as it is: punctuation Markdown would read as markup inside a link
 * (a bracket closing it early, emphasis, code, strike-through, HTML, entities, a table cell's
 * bar) is backslash-escaped, and a line break, which could end the paragraph, becomes its
 * character reference.
 */
export function markdownText(value: string): string {
  return value
    .replace(/[\\`*_[\]<>&~|]/g, (char) => `\\${char}`)
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** A destination may not hold an unbalanced parenthesis, a space or `<`: escaped or encoded. */
export function markdownDestination(url: string): string {
  return url.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[\s<>]/g, (char) => encodeURIComponent(char));
}
