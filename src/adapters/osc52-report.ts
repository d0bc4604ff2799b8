import { execFile } from 'node:child_process';

/** Asks the tmux server the app runs under for its `set-clipboard` option ("on", "external", "off"). */
export type TmuxOptionReader = () => Promise<string | undefined>;

export function readTmuxSetClipboard(env: NodeJS.ProcessEnv = process.env): TmuxOptionReader {
  return () =>
    new Promise((resolve) => {
      execFile(
        'tmux',
        ['show', '-sv', 'set-clipboard'],
        // TMUX names the server; the AWS settings have nothing to do with tmux.
        { env: withoutAwsVariables(env), timeout: 1000, windowsHide: true },
        (error, stdout) => resolve(error ? undefined : stdout.trim()),
      );
    });
}

export function withoutAwsVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AWS_')));
}

const OSC52_SENT = 'Sent to the terminal (OSC 52)';
const TMUX_ALLOW_OSC52 = 'set -s set-clipboard on';

/**
 * What to say after writing an OSC 52 sequence. Whether it reached a clipboard cannot be known:
 * the terminal may ignore it. Inside tmux the app can know one thing: tmux passes it on only
 * with `set-clipboard on` (its default, `external`, drops what applications send).
 */
export async function osc52Report(env: NodeJS.ProcessEnv, readTmuxOption: TmuxOptionReader): Promise<string> {
  if (!env.TMUX) return `${OSC52_SENT}; it reaches the clipboard if the terminal allows OSC 52`;
  const setting = await readTmuxOption();
  if (setting === 'on')
    return `${OSC52_SENT} through tmux (set-clipboard on); it reaches the clipboard if the terminal allows OSC 52`;
  if (setting === undefined)
    return `${OSC52_SENT}; in tmux allow it with ${TMUX_ALLOW_OSC52} (its setting could not be read)`;
  return `${OSC52_SENT}; in tmux allow it with ${TMUX_ALLOW_OSC52} (it is ${setting})`;
}
