// The pseudo-terminal harness's own floor for "key → screen": a raw-mode Node process that answers
// each key with one line. The benchmark times a key written to the pty until `got N` is on screen.
process.stdin.setRawMode(true);
process.stdin.resume();
let count = 0;
process.stdout.write('ready\r\n');
process.stdin.on('data', (data) => {
  if (data.includes(3)) process.exit(0); // Ctrl-C
  count += 1;
  process.stdout.write(`got ${count}\r\n`);
});
