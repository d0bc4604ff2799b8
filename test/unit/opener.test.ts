import { describe, expect, it } from 'vitest';
import { createOpener, noBrowserReason } from '../../src/adapters/opener.js';

describe('createOpener', () => {
  const recording = () => {
    const calls: Array<{ url: string; env: NodeJS.ProcessEnv }> = [];
    const launch = (url: string, env: NodeJS.ProcessEnv) => {
      calls.push({ url, env });
      return Promise.resolve();
    };
    return { calls, launch };
  };

  it('says there is no display on Linux without DISPLAY or WAYLAND_DISPLAY, and starts nothing', async () => {
    const { calls, launch } = recording();
    const outcome = await createOpener({ env: { PATH: '/bin' }, platform: 'linux', launch }).open('https://u');
    expect(outcome).toEqual({
      ok: false,
      reason:
        'No display to open a browser on (DISPLAY and WAYLAND_DISPLAY are unset); copy the URL with c, or select it',
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['X11', 'linux', { DISPLAY: ':0' }],
    ['Wayland', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }],
    ['WSL', 'linux', { WSL_DISTRO_NAME: 'Debian' }],
    ['macOS', 'darwin', {}],
    ['Windows', 'win32', {}],
  ] as const)('opens on %s', async (_name, platform, env) => {
    expect(noBrowserReason(env, platform)).toBeUndefined();
    const { calls, launch } = recording();
    expect(await createOpener({ env, platform, launch }).open('https://u')).toEqual({
      ok: true,
      message: 'Opened in the default browser',
    });
    expect(calls.map((c) => c.url)).toEqual(['https://u']);
  });

  it('hands the browser an environment without AWS variables', async () => {
    const { calls, launch } = recording();
    const env = {
      DISPLAY: ':0',
      PATH: '/usr/bin',
      AWS_ACCESS_KEY_ID: 'AKIA',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      AWS_PROFILE: 'prod',
    };
    await createOpener({ env, platform: 'linux', launch }).open('https://u');
    expect(calls[0]?.env).toEqual({ DISPLAY: ':0', PATH: '/usr/bin' });
    // The app's own environment is left as it was.
    expect(env.AWS_SECRET_ACCESS_KEY).toBe('secret');
  });

  it('turns a failure to start the browser into one line', async () => {
    const launch = () => Promise.reject(new Error('spawn xdg-open ENOENT'));
    expect(await createOpener({ env: { DISPLAY: ':0' }, platform: 'linux', launch }).open('https://u')).toEqual({
      ok: false,
      reason: 'The browser could not be opened: spawn xdg-open ENOENT',
    });
  });
});
