import { describe, expect, it } from 'vitest';
import { attachmentDisposition, baseName } from '../../src/core/content-disposition.js';

describe('attachmentDisposition', () => {
  it('gives ASCII names in both forms', () => {
    expect(attachmentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it('encodes non-ASCII names in UTF-8 and replaces them in the plain form', () => {
    expect(attachmentDisposition('Rechnung März.pdf')).toBe(
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
  });

  it('escapes quotes and the characters RFC 5987 reserves', () => {
    expect(attachmentDisposition(`a"b'(c)*.txt`)).toBe(
      `attachment; filename="a_b'(c)*.txt"; filename*=UTF-8''a%22b%27%28c%29%2A.txt`,
    );
  });
});

describe('baseName', () => {
  it('takes the last segment of a key', () => {
    expect(baseName('exports/2026/q1.csv')).toBe('q1.csv');
    expect(baseName('folder/')).toBe('folder');
    expect(baseName('plain')).toBe('plain');
  });
});
