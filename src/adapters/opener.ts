import { fileURLToPath } from 'node:url';
import type { Opener } from '../core/ports.js';
import { withoutAwsVariables } from './osc52-report.js';
import { runHelper } from './run-helper.js';

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
  return (url, env) => runHelper(helperPath, url, env, 'the opener', LAUNCH_TIMEOUT_MS);
}
