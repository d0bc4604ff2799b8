import { spawn } from 'node:child_process';

/**
 * Runs one of the app's helper scripts (beside its chunks in dist/) in a Node process of its own,
 * with exactly `env` and `input` on its standard input (secrets such as a URL never go on the
 * command line, which other users can read). Resolves when it exits with 0; rejects with the first
 * line it wrote to stderr, or with why it did not finish within `timeoutMs`.
 */
export function runHelper(
  script: string,
  input: string,
  env: NodeJS.ProcessEnv,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer from ${what} within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(stderr.trim().split('\n')[0] || `${what} exited with code ${code}`));
    });
    // A helper that dies before reading everything says why through its exit.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
