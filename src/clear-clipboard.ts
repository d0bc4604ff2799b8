/**
 * `node clear-clipboard.js SECONDS SHA256`: started detached by the app after a copy with
 * --clear-clipboard-after. Waits, then empties the clipboard if it still holds the text whose
 * hash it was given (the URL itself is never passed: process arguments are visible to others).
 */
import { createHash } from 'node:crypto';

const [secondsText, expectedHash] = process.argv.slice(2);
const seconds = Number(secondsText);

if (Number.isFinite(seconds) && seconds > 0 && expectedHash) {
  setTimeout(() => {
    void clearIfUnchanged(expectedHash);
  }, seconds * 1000);
}

async function clearIfUnchanged(hash: string): Promise<void> {
  try {
    const { default: clipboardy } = await import('clipboardy');
    const current = await clipboardy.read();
    if (createHash('sha256').update(current).digest('hex') === hash) await clipboardy.write('');
  } catch {
    // No clipboard any more (the session ended): nothing to clear.
  }
}
