/**
 * `node open-url.js`, URL on standard input: opens it in the default browser with the `open`
 * package (xdg-open, open, start). Started by the app with AWS variables removed from its
 * environment, so the browser it launches never inherits credentials. The URL comes through a
 * pipe, not the command line, as far as this process is concerned.
 */
import open from 'open';

let url = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => (url += chunk));
process.stdin.on('end', () => {
  open(url.trim()).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
      process.exit(1);
    },
  );
});
