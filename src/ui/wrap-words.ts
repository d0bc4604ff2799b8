import stringWidth from 'string-width';

/**
 * Breaks text into lines at most `width` columns wide, between words; a word wider than a line
 * is cut. The screen then knows how many rows the text takes (Ink's own wrapping does not say).
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (stringWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (stringWidth(rest) > width) {
      const piece = cut(rest, width);
      lines.push(piece);
      rest = rest.slice(piece.length);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The longest start of `word` at most `width` columns wide (at least one character). */
function cut(word: string, width: number): string {
  let piece = '';
  for (const char of word) {
    if (piece && stringWidth(piece + char) > width) break;
    piece += char;
  }
  return piece;
}
