import { describe, expect, it } from 'vitest';
import {
  csvField,
  formatLink,
  formatLinks,
  LINK_FORMATS,
  markdownDestination,
  markdownText,
  tsvField,
  type SharedLink,
} from '../../src/core/link-formats.js';

const EXPIRES = new Date('2026-11-29T10:00:00.000Z');
const link = (
  key: string,
  url = `https://b.s3.amazonaws.com/${encodeURIComponent(key)}?X-Amz-Signature=abc`,
): SharedLink => ({
  key,
  url,
  expiresAt: EXPIRES,
});
const links = [
  link('invoices/2026-q1.pdf', 'https://b.s3.amazonaws.com/invoices/2026-q1.pdf?X-Amz-Signature=1'),
  link('a,b "c".txt', 'https://b.s3.amazonaws.com/a%2Cb%20%22c%22.txt?X-Amz-Signature=2'),
];

describe('link formats', () => {
  it('cycle through plain, tsv, markdown, csv', () => {
    expect(LINK_FORMATS).toEqual(['plain', 'tsv', 'markdown', 'csv']);
  });

  it('plain: one URL per line', () => {
    expect(formatLinks(links, 'plain')).toBe(
      'https://b.s3.amazonaws.com/invoices/2026-q1.pdf?X-Amz-Signature=1\nhttps://b.s3.amazonaws.com/a%2Cb%20%22c%22.txt?X-Amz-Signature=2',
    );
  });

  it('tsv: key, a tab, the URL', () => {
    expect(formatLinks(links, 'tsv')).toBe(
      'invoices/2026-q1.pdf\thttps://b.s3.amazonaws.com/invoices/2026-q1.pdf?X-Amz-Signature=1\n' +
        'a,b "c".txt\thttps://b.s3.amazonaws.com/a%2Cb%20%22c%22.txt?X-Amz-Signature=2',
    );
  });

  it('markdown: [key](URL)', () => {
    expect(formatLinks(links, 'markdown')).toBe(
      '[invoices/2026-q1.pdf](https://b.s3.amazonaws.com/invoices/2026-q1.pdf?X-Amz-Signature=1)\n' +
        '[a,b "c".txt](https://b.s3.amazonaws.com/a%2Cb%20%22c%22.txt?X-Amz-Signature=2)',
    );
  });

  it('csv: a header, then key,url,expires_at; a key with a comma and a quote is quoted, its quote doubled', () => {
    expect(formatLinks(links, 'csv')).toBe(
      'key,url,expires_at\n' +
        'invoices/2026-q1.pdf,https://b.s3.amazonaws.com/invoices/2026-q1.pdf?X-Amz-Signature=1,2026-11-29T10:00:00Z\n' +
        '"a,b ""c"".txt",https://b.s3.amazonaws.com/a%2Cb%20%22c%22.txt?X-Amz-Signature=2,2026-11-29T10:00:00Z',
    );
  });

  it('csv: a line break stays inside the quotes (RFC 4180)', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('"')).toBe('""""');
    expect(formatLink(link('x\ny'), 'csv').split(',')[0]).toBe('"x\ny"');
  });

  it('tsv: a tab, line break or backslash in a key is escaped, so a row stays one line of two fields', () => {
    expect(tsvField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    const row = formatLink(link('tab\there\nnext'), 'tsv');
    expect(row.split('\n')).toHaveLength(1);
    expect(row.split('\t')).toHaveLength(2);
  });

  it('markdown: brackets and markup in a key are escaped, a line break kept out of the text', () => {
    expect(markdownText('[draft] *final*_v2_ `x` <b> a&b ~~no~~ a|b')).toBe(
      '\\[draft\\] \\*final\\*\\_v2\\_ \\`x\\` \\<b\\> a\\&b \\~\\~no\\~\\~ a\\|b',
    );
    expect(markdownText('back\\slash')).toBe('back\\\\slash');
    expect(markdownText('one\ntwo\r')).toBe('one&#10;two&#13;');
    // A ] cannot end the link text early: the whole key stays the text.
    expect(formatLink(link('a](http://evil)'), 'markdown').startsWith('[a\\](http://evil)](')).toBe(true);
  });

  it('markdown: parentheses in a URL are escaped, spaces and angle brackets encoded', () => {
    expect(markdownDestination('https://h/a(1).txt?x=y')).toBe('https://h/a\\(1\\).txt?x=y');
    expect(markdownDestination('https://h/a b<c>')).toBe('https://h/a%20b%3Cc%3E');
    expect(markdownDestination('https://h/k?X-Amz-Signature=0f')).toBe('https://h/k?X-Amz-Signature=0f');
  });

  it('an empty list is empty text, but CSV keeps its header', () => {
    expect(formatLinks([], 'plain')).toBe('');
    expect(formatLinks([], 'csv')).toBe('key,url,expires_at');
  });
});
