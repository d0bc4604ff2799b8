// The encoder alone: the package's entry point also loads PNG and CLI code the app never uses.
import { create } from 'qrcode/lib/core/qrcode.js';

/** Modules of light margin around the code; scanners want some, terminals have little room. */
const QUIET = 2;

/**
 * A QR code of `text` as lines of half-block characters: each character is two modules tall,
 * "▀" dark over light, "▄" light over dark, "█" both dark, " " both light. Meant to be drawn
 * dark on a light background.
 */
export function qrLines(text: string): string[] {
  const { modules } = create(text, { errorCorrectionLevel: 'L' });
  const size = modules.size;
  const dark = (row: number, col: number) =>
    row >= 0 && col >= 0 && row < size && col < size && modules.get(row, col) === 1;
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
