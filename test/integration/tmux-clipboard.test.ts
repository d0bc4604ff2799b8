/** The one thing the app can know about an OSC 52 copy inside tmux: tmux's own setting, read from a real tmux server. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readTmuxSetClipboard, withoutAwsVariables } from '../../src/adapters/osc52-report.js';

describe('readTmuxSetClipboard', () => {
  it('reads the option from a real tmux server, with no AWS variables in its environment', async () => {
    const server = `s3share-clip-${process.pid}`;
    const tmux = (...args: string[]) =>
      execFileSync('tmux', ['-L', server, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    try {
      tmux('new-session', '-d', 'sh');
      tmux('set', '-s', 'set-clipboard', 'off');
      const socket = tmux('display', '-p', '#{socket_path}').trim();
      const env = { ...process.env, TMUX: `${socket},1,0`, AWS_SECRET_ACCESS_KEY: 'secret' };
      expect(await readTmuxSetClipboard(env)()).toBe('off');
      tmux('set', '-s', 'set-clipboard', 'on');
      expect(await readTmuxSetClipboard(env)()).toBe('on');
      expect(withoutAwsVariables(env)).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
    } finally {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    }
  });
});
