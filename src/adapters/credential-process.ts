import { spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { externalDataInterceptor } from '@smithy/core/config';

/** More than any credential_process prints (a JSON object of four strings). */
const MAX_OUTPUT_BYTES = 1024 * 1024;

const running = new Set<ChildProcess>();

/** True while a credential_process started by the SDK has not exited. */
export function credentialProcessRunning(): boolean {
  return running.size > 0;
}

/** Ends every credential_process still running, with whatever it started (its process group). */
export function stopCredentialProcesses(): void {
  for (const child of running) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

let installed = false;

/**
 * The SDK runs `credential_process` with child_process.exec: in the app's own process group, with
 * no way to stop it, so one that never exits outlives the app. The SDK takes its exec from a
 * replaceable record (externalDataInterceptor's "exec" token); this one starts the command in a
 * process group of its own, so the app can end it (and its children) when the call times out
 * and when the app exits. Arguments and output are as exec's, so the SDK's own parsing applies.
 */
export function runCredentialProcessesInOwnGroup(): void {
  if (installed) return;
  installed = true;
  const run = (command: string, callback: (error: Error | null, out?: { stdout: string; stderr: string }) => void) => {
    runCommand(command).then(
      (out) => callback(null, out),
      (error: Error) => callback(error),
    );
  };
  Object.defineProperty(run, promisify.custom, { value: runCommand });
  externalDataInterceptor.interceptToken('exec', run);
  process.once('exit', stopCredentialProcesses);
}

function runCommand(command: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let size = 0;
    const collect = (into: 'out' | 'err') => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) {
        stop();
        reject(new Error(`credential_process printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB`));
        return;
      }
      if (into === 'out') stdout += chunk.toString('utf8');
      else stderr += chunk.toString('utf8');
    };
    const stop = () => {
      running.delete(child);
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    child.on('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`Command failed: ${command}\n${stderr}`));
    });
  });
}
