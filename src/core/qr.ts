import qrcode from 'qrcode-generator';

/** Modules of light margin around the code; scanners want some, terminals have little room. */
const QUIET = 2;

/**
 * How modules become characters. `compact`: half blocks, each character two modules tall and
 * one wide, so the code takes half the rows (cells are about twice as tall as wide, so it still
 * looks square). `full`: each module two full blocks wide and one row tall, for terminals whose
 * fonts draw half blocks with gaps.
 */
export type QrMode = 'compact' | 'full';

export interface QrMatrix {
  /** Modules per side, without the margin. */
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'L');
  // Byte mode takes one character per byte: hand it the UTF-8 bytes (its default keeps the low 8 bits).
  code.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte');
  code.make();
  const size = code.getModuleCount();
  return {
    size,
    dark: (row, col) => row >= 0 && col >= 0 && row < size && col < size && code.isDark(row, col),
  };
}

/** Characters wide and lines tall the code takes in `mode`, margin included. */
export function qrDimensions(matrix: QrMatrix, mode: QrMode): { columns: number; rows: number } {
  const side = matrix.size + 2 * QUIET;
  return mode === 'compact' ? { columns: side, rows: Math.ceil(side / 2) } : { columns: side * 2, rows: side };
}

/**
 * A QR code of `text` as lines of block characters, meant to be drawn dark on a light
 * background. Compact: "▀" dark over light, "▄" light over dark, "█" both dark, " " both light.
 */
export function qrLines(text: string | QrMatrix, mode: QrMode = 'compact'): string[] {
  const matrix = typeof text === 'string' ? qrMatrix(text) : text;
  const { size } = matrix;
  const dark = (row: number, col: number) => matrix.dark(row, col);
  const lines: string[] = [];
  if (mode === 'full') {
    for (let row = -QUIET; row < size + QUIET; row += 1) {
      let line = '';
      for (let col = -QUIET; col < size + QUIET; col += 1) line += dark(row, col) ? '██' : '  ';
      lines.push(line);
    }
    return lines;
  }
  for (let row = -QUIET; row < size + QUIET; row += 2) {
    let line = '';
    for (let col = -QUIET; col < size + QUIET; col += 1) {
      const top = dark(row, col);
      const bottom = dark(row + 1, col);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}

export type QrFit =
  | { fits: true; mode: QrMode; lines: string[] }
  | { fits: false; needed: { columns: number; rows: number }; message: string };

/**
 * The code for a terminal of `columns` × `rows`, of which `chromeRows` are taken by the rest of
 * the screen: the full rendering when it fits, else the compact one, else the size needed (for
 * the compact one, the smallest) in a line to show instead.
 */
export function qrForTerminal(text: string, columns: number, rows: number, chromeRows: number): QrFit {
  const matrix = qrMatrix(text);
  for (const mode of ['full', 'compact'] as const) {
    const size = qrDimensions(matrix, mode);
    if (size.columns <= columns && size.rows <= rows - chromeRows)
      return { fits: true, mode, lines: qrLines(matrix, mode) };
  }
  const compact = qrDimensions(matrix, 'compact');
  const needed = { columns: compact.columns, rows: compact.rows + chromeRows };
  return {
    fits: false,
    needed,
    message: `The QR code needs ${needed.columns}×${needed.rows} characters; this terminal is ${columns}×${rows}. Enlarge it (or zoom out) and press r again.`,
  };
}
