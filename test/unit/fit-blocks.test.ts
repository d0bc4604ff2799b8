import { describe, expect, it } from 'vitest';
import { fitBlocks, KEEP, type Block } from '../../src/ui/fit-blocks.js';
import { packParts, wrapWords } from '../../src/ui/wrap-text.js';

const block = (key: string, ...variants: Array<[rows: number, rank: number]>): Block => ({
  key,
  variants: variants.map(([rows, rank]) => ({ node: `${key}:${rows}`, rows, rank })),
});

describe('fitBlocks', () => {
  const blocks = [
    block('title', [1, 40]),
    block('url', [5, KEEP]),
    block('expiry', [3, 35], [1, 20]),
    block('curl', [6, 70], [1, 45]),
  ];
  const shown = (rows: number) => fitBlocks(blocks, rows)?.map((variant) => variant.node);

  it('keeps every block at its fullest when they fit', () => {
    expect(shown(15)).toEqual(['title:1', 'url:5', 'expiry:3', 'curl:6']);
  });

  it('steps down the highest rank first: the long curl line, then its short form, then the title', () => {
    expect(shown(14)).toEqual(['title:1', 'url:5', 'expiry:3', 'curl:1']);
    expect(shown(9)).toEqual(['title:1', 'url:5', 'expiry:3']);
    expect(shown(8)).toEqual(['url:5', 'expiry:3']);
    expect(shown(6)).toEqual(['url:5', 'expiry:1']);
    expect(shown(5)).toEqual(['url:5']);
  });

  it('gives up when what must stay does not fit', () => {
    expect(shown(4)).toBeUndefined();
  });
});

describe('wrapWords', () => {
  it('breaks at spaces, inside a word only when it alone is wider', () => {
    expect(wrapWords('the link answers (HTTP 206)', 12)).toEqual(['the link', 'answers', '(HTTP 206)']);
    expect(wrapWords('ab https://example.com/x', 8)).toEqual(['ab', 'https://', 'example.', 'com/x']);
  });

  it('counts wide characters by their cells', () => {
    expect(wrapWords('📄📄📄', 4)).toEqual(['📄📄', '📄']);
  });
});

describe('packParts', () => {
  it('puts as many whole parts on a line as fit', () => {
    expect(packParts(['Expires in 24 hours', 'Sun, Nov 29, 2026', '2026-11-29T10:00:00Z'], '  ·  ', 45)).toEqual([
      [0, 1],
      [2],
    ]);
  });
});
