/** The built app, or a shell command line, in a fresh pseudo-terminal (the driver: ./terminal/pty-session.ts). */
import { CLI, PROJECT_ROOT } from './app.js';
import { PtySession, type PtyOptions } from './terminal/pty-session.js';

export interface SpawnOptions extends PtyOptions {
  /** Arguments after `node dist/cli.js`. */
  args?: readonly string[];
}

/** Runs `node dist/cli.js ...args` in a fresh pseudo-terminal (100×30 unless told). */
function spawnCli(options: SpawnOptions = {}): PtySession {
  return new PtySession(process.execPath, [CLI, ...(options.args ?? [])], { cwd: PROJECT_ROOT, ...options });
}

/** Runs a shell command line in a fresh pseudo-terminal (for redirections). */
function spawnShell(command: string, options: SpawnOptions = {}): PtySession {
  return new PtySession('/bin/sh', ['-c', command], { cwd: PROJECT_ROOT, ...options });
}

/** The sessions a test opened, to be disposed in afterEach. */
export class Sessions {
  private readonly open: PtySession[] = [];

  cli(options: SpawnOptions = {}): PtySession {
    const session = spawnCli(options);
    this.open.push(session);
    return session;
  }

  shell(command: string, options: SpawnOptions = {}): PtySession {
    const session = spawnShell(command, options);
    this.open.push(session);
    return session;
  }

  async disposeAll(): Promise<void> {
    const sessions = this.open.splice(0);
    await Promise.all(sessions.map((s) => s.dispose()));
  }
}
