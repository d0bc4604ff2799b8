import qrcode from 'qrcode-generator';

/** Modules of light margin around the code; scanners want some, terminals have little room. */
const QUIET = 2;

/**
 * A QR code of `text` as lines of half-block characters: each character is two modules tall,
 * "▀" dark over light, "▄" light over dark, "█" both dark, " " both light. Meant to be drawn
 * dark on a light background.
 */
export function qrLines(text: string): string[] {
  const code = qrcode(0, 'L');
  // Byte mode takes one character per byte: hand it the UTF-8 bytes (its default keeps the low 8 bits).
  code.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte');
  code.make();
  const size = code.getModuleCount();
  const dark = (row: number, col: number) => row >= 0 && col >= 0 && row < size && col < size && code.isDark(row, col);
  const lines: string[] = [];
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
