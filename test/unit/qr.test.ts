import { describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { qrDimensions, qrForTerminal, qrLines, qrMatrix } from '../../src/core/qr.js';

/** Back from half blocks to one boolean per module (true = dark). */
function modules(lines: string[]): boolean[][] {
  const grid: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    grid.push(chars.map((c) => c === '▀' || c === '█'));
    grid.push(chars.map((c) => c === '▄' || c === '█'));
  }
  return grid;
}

describe('qrLines', () => {
  const url = 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400';

  it('draws a square code with a two-module margin and equal-width lines', () => {
    const lines = qrLines(url);
    const width = [...(lines[0] ?? '')].length;
    for (const line of lines) expect([...line].length).toBe(width);
    // Each line is two modules tall; the code is square, margins included.
    expect(Math.abs(lines.length * 2 - width)).toBeLessThanOrEqual(1);
    const grid = modules(lines);
    expect(grid[0]?.every((dark) => !dark)).toBe(true);
    expect(grid[1]?.every((dark) => !dark)).toBe(true);
  });

  it('has the three finder patterns in their corners', () => {
    const grid = modules(qrLines(url));
    const size = [...(qrLines(url)[0] ?? '')].length - 4;
    const dark = (row: number, col: number) => grid[row + 2]?.[col + 2] === true;
    for (const [top, left] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      // The outer ring of 7×7 is dark, the ring inside it light, the 3×3 centre dark.
      expect(dark(top, left) && dark(top, left + 6) && dark(top + 6, left) && dark(top + 6, left + 6)).toBe(true);
      expect(dark(top + 1, left + 1)).toBe(false);
      expect(dark(top + 3, left + 3)).toBe(true);
    }
  });

  it('grows with the text', () => {
    expect(qrLines(`${url}&${'x'.repeat(600)}`).length).toBeGreaterThan(qrLines(url).length);
  });
});

describe('qr sizes', () => {
  const url = 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400';

  it('compact takes half the rows of full, and half the columns', () => {
    const matrix = qrMatrix(url);
    const compact = qrLines(matrix, 'compact');
    const full = qrLines(matrix, 'full');
    expect(full).toHaveLength(matrix.size + 4);
    expect(compact).toHaveLength(Math.ceil((matrix.size + 4) / 2));
    expect([...(full[0] ?? '')]).toHaveLength((matrix.size + 4) * 2);
    expect([...(compact[0] ?? '')]).toHaveLength(matrix.size + 4);
    expect(qrDimensions(matrix, 'compact')).toEqual({ columns: matrix.size + 4, rows: compact.length });
    expect(qrDimensions(matrix, 'full')).toEqual({ columns: (matrix.size + 4) * 2, rows: full.length });
  });

  it('full and compact draw the same modules', () => {
    const matrix = qrMatrix(url);
    const fromFull = qrLines(matrix, 'full').map((line) =>
      [...line].filter((_, i) => i % 2 === 0).map((c) => c === '█'),
    );
    const fromCompact = modules(qrLines(matrix, 'compact')).slice(0, fromFull.length);
    expect(fromCompact).toEqual(fromFull);
  });

  it('picks full when it fits, compact when only that fits, else says the size needed', () => {
    const side = qrMatrix(url).size + 4;
    expect(qrForTerminal(url, side * 2, side + 5, 5)).toMatchObject({ fits: true, mode: 'full' });
    expect(qrForTerminal(url, side * 2, side + 4, 5)).toMatchObject({ fits: true, mode: 'compact' });
    const small = qrForTerminal(url, 40, 12, 5);
    expect(small).toMatchObject({ fits: false, needed: { columns: side, rows: Math.ceil(side / 2) + 5 } });
    if (!small.fits) {
      expect(small.message).toBe(
        `The QR code needs ${side}×${Math.ceil(side / 2) + 5} characters; this terminal is 40×12. Enlarge it (or zoom out) and press r again.`,
      );
    }
  });

  it('a URL with a session token needs more than 80×24 even compact, and says how much', () => {
    const token = 'IQoJb3JpZ2luX2VjE'.padEnd(900, 'x');
    const long = `${url}&X-Amz-Security-Token=${token}`;
    const fit = qrForTerminal(long, 80, 24, 5);
    expect(fit.fits).toBe(false);
    if (!fit.fits) expect(fit.needed.columns).toBeGreaterThan(80);
  });
});

// A CommonJS module whose types say `export default`: under Node's ESM loader the function is the module.
const jsQR = typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default;

describe('qrLines decodes', () => {
  /** The half-block lines as an RGBA image, `scale` pixels a module, dark on light. */
  function image(lines: string[], scale = 4) {
    const grid = modules(lines);
    const width = (grid[0]?.length ?? 0) * scale;
    const height = grid.length * scale;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const value = grid[Math.floor(y / scale)]?.[Math.floor(x / scale)] ? 0 : 255;
        data.set([value, value, value, 255], (y * width + x) * 4);
      }
    }
    return { data, width, height };
  }

  it.each([
    'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400',
    'http://127.0.0.1:7480/bucket/Rechnung%20M%C3%A4rz.pdf?X-Amz-Signature=9b944a7a',
    `https://b.s3.amazonaws.com/k?${'x'.repeat(700)}`,
    'ファイル ü',
  ])('a scanner reads back %s', (text) => {
    const { data, width, height } = image(qrLines(text));
    expect(jsQR(data, width, height)?.data).toBe(text);
  });
});
