import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

/** A helper with piped stdin and stderr: both are sockets, which can be (un)referenced. */
type HelperProcess = ChildProcess & { stdin: Socket; stderr: Socket };

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
  return finish(startHelper(script, env), input, what, timeoutMs);
}

/**
 * A helper kept started ahead of need: starting Node and loading its modules costs a few hundred
 * milliseconds, which `warmUp` moves from after the key press to before it. A helper on standby
 * waits for its input; one that gets none (the app quit) exits and does nothing.
 */
export function helperOnStandby(
  script: string,
  env: () => NodeJS.ProcessEnv,
  what: string,
  timeoutMs = 10_000,
): { warmUp(): void; run(input: string): Promise<void> } {
  let standby: HelperProcess | undefined;
  const ready = () => standby !== undefined && standby.exitCode === null && standby.signalCode === null;
  return {
    warmUp() {
      if (ready()) return;
      standby = startHelper(script, env());
      // Waiting on standby must not keep the app running.
      standby.unref();
      standby.stdin.unref();
      standby.stderr.unref();
    },
    run(input) {
      const child = ready() && standby ? standby : startHelper(script, env());
      standby = undefined;
      child.ref();
      child.stdin.ref();
      child.stderr.ref();
      return finish(child, input, what, timeoutMs);
    },
  };
}

function startHelper(script: string, env: NodeJS.ProcessEnv): HelperProcess {
  const child = spawn(process.execPath, [script], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
    windowsHide: true,
  }) as HelperProcess;
  // A helper that dies before reading everything says why through its exit.
  child.stdin.on('error', () => undefined);
  return child;
}

function finish(child: HelperProcess, input: string, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
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
    if (child.exitCode !== null || child.signalCode !== null) {
      clearTimeout(timer);
      reject(new Error(`${what} ended before it was asked`));
      return;
    }
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(stderr.trim().split('\n')[0] || `${what} exited with code ${code}`));
    });
    child.stdin.end(input);
  });
}
