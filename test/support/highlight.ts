/**
 * The filter's matches as the lists draw them: bold and underlined. `marked` shows each
 * underlined stretch of a frame in [brackets] and drops every other escape, so a test can check
 * which characters were highlighted whatever else (colour, the cursor row's bold) is drawn.
 */
function marked(frame: string | undefined): string {
  return (frame ?? '')
    .replace(/\u001b\[4m/g, '[')
    .replace(/\u001b\[24m/g, ']')
    .replace(/\u001b\[[0-9;]*m/g, '');
}

/** The line of the frame holding `text`, with its highlighted stretches in [brackets]. */
export function markedLine(frame: string | undefined, text: string): string | undefined {
  return marked(frame)
    .split('\n')
    .find((line) => line.replace(/[[\]]/g, '').includes(text))
    ?.trimEnd();
}

/** The line right under the filter line (the one showing `filter: …▏`), colours stripped. */
export function lineUnderFilter(lines: readonly string[]): string | undefined {
  const at = lines.findIndex((line) => line.includes('▏'));
  return at === -1 ? undefined : lines[at + 1];
}
