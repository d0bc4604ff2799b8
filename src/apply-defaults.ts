import type { CliOptions } from './args.js';
import type { Defaults } from './core/defaults.js';

/**
 * The command line with the defaults file filling what it leaves open: flags always win. The
 * file's profile gives way to the environment too (AWS_PROFILE, or keys in AWS_ACCESS_KEY_ID),
 * since those are set for this shell, the file for every one.
 */
export function withDefaults(options: CliOptions, defaults: Defaults, env: NodeJS.ProcessEnv): CliOptions {
  const environmentPicksProfile =
    Boolean(env.AWS_PROFILE) || Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const altScreen = options.altScreen ?? defaults.altScreen;
  return {
    ...options,
    ...(options.profile === undefined && !environmentPicksProfile && defaults.profile
      ? { profile: defaults.profile }
      : {}),
    ...(options.expiresInSeconds === undefined && defaults.expiry
      ? { expiresInSeconds: defaults.expiry.seconds, expiryText: defaults.expiry.text }
      : {}),
    ...(options.clearClipboardAfter === undefined && defaults.clearClipboardAfter
      ? { clearClipboardAfter: defaults.clearClipboardAfter }
      : {}),
    ...(options.linkKind === undefined && defaults.linkKind ? { linkKind: defaults.linkKind } : {}),
    ...(options.copyFormat === undefined && defaults.copyFormat ? { copyFormat: defaults.copyFormat } : {}),
    ...(altScreen === undefined ? {} : { altScreen }),
  };
}
