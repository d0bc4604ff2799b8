import stringWidth from 'string-width';

/**
 * Text broken into lines of at most `width` cells, at spaces where it can be and inside a word
 * only when the word alone is wider. Screens that must know their height before Ink draws them
 * (the result keeps its URL and footer on screen) draw these lines, each narrower than the
 * terminal, so Ink never wraps them again.
 */
export function wrapWords(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (stringWidth(joined) <= room) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of splitWide(word, room)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A word cut into pieces of at most `width` cells (a wide character is never split). */
function splitWide(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && stringWidth(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Parts of one line ("in 24 hours", a local time, a UTC time) packed onto as few lines of
 * `width` cells as they fit, joined by `separator`, never split inside a part that fits a line.
 * Returns, for each line, the indexes of its parts.
 */
export function packParts(parts: readonly string[], separator: string, width: number): number[][] {
  const lines: number[][] = [];
  let used = 0;
  parts.forEach((part, i) => {
    const current = lines[lines.length - 1];
    const needed = stringWidth(part);
    if (current && used + stringWidth(separator) + needed <= width) {
      current.push(i);
      used += stringWidth(separator) + needed;
    } else {
      lines.push([i]);
      used = needed;
    }
  });
  return lines;
}
