import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Opener } from '../core/ports.js';
import { withoutAwsVariables } from './osc52-report.js';

/** Starts the browser for `url` with exactly `env`; rejects with a one-line reason. */
export type Launch = (url: string, env: NodeJS.ProcessEnv) => Promise<void>;

export interface OpenerOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  launch?: Launch;
}

const LAUNCH_TIMEOUT_MS = 10_000;

/**
 * Why no browser can open here, or undefined when one may. On Linux a browser needs an X11 or
 * Wayland display (over SSH or on a console there is none); WSL opens the Windows browser.
 */
export function noBrowserReason(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY || env.WSL_DISTRO_NAME) return undefined;
  return 'No display to open a browser on (DISPLAY and WAYLAND_DISPLAY are unset); copy the URL with c, or select it';
}

export function createOpener(options: OpenerOptions = {}): Opener {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const launch = options.launch ?? launchHelper();
  return {
    async open(url) {
      const reason = noBrowserReason(env, platform);
      if (reason) return { ok: false, reason };
      try {
        await launch(url, withoutAwsVariables(env));
        return { ok: true, message: 'Opened in the default browser' };
      } catch (error) {
        return { ok: false, reason: `The browser could not be opened: ${(error as Error).message}` };
      }
    },
  };
}

/**
 * Runs `open-url.js` (beside the app's chunks in dist/) in its own Node process: the `open`
 * package passes its own environment on to xdg-open and the browser, and this one has no AWS
 * variables.
 */
export function launchHelper(helperPath = fileURLToPath(new URL('./open-url.js', import.meta.url))): Launch {
  return (url, env) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [helperPath], {
        env,
        stdio: ['pipe', 'ignore', 'pipe'],
        windowsHide: true,
      });
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('no answer from the opener within 10 s'));
      }, LAUNCH_TIMEOUT_MS);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(stderr.trim().split('\n')[0] || `the opener exited with code ${code}`));
      });
      child.stdin.end(url);
    });
}
