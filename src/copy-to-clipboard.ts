/**
 * `node copy-to-clipboard.js`, text on standard input: puts it on the system clipboard with
 * clipboardy (pbcopy, xsel, wl-copy, clip.exe, and clipboardy's own fallbacks). Started by the app
 * with credential-like variables removed from its environment, so every tool clipboardy starts,
 * including the xsel or wl-copy left running to hold the selection, has none of them. The app may
 * start it before it is needed; with no input at all it exits without touching the clipboard.
 */
import clipboardy from 'clipboardy';

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => (text += chunk));
process.stdin.on('end', () => {
  // Started on standby and never asked (the app quit): nothing to write.
  if (text === '') process.exit(0);
  clipboardy.write(text).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
      process.exit(1);
    },
  );
});
