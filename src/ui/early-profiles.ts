import type { ProfileDiscovery, ProfileSource } from '../core/ports.js';

/**
 * Starts reading the AWS config files at once, while Ink and the screens are set up. When the
 * profiles are in before the first render (the usual case: two small local files), the first
 * frame is the list itself, with no spinner frame before it. The first discover() call takes
 * the read already under way; a retry reads afresh.
 */
export function readProfilesEarly(source: ProfileSource): {
  source: ProfileSource;
  /** The profiles, if they arrive within `ms` (a slow network home must not hold the first frame). */
  within(ms: number): Promise<ProfileDiscovery | undefined>;
} {
  let early: Promise<ProfileDiscovery> | undefined = source.discover();
  const settled = early.catch(() => undefined);
  return {
    source: {
      discover: () => {
        const pending = early ?? source.discover();
        early = undefined;
        return pending;
      },
    },
    async within(ms) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, ms, undefined);
      });
      const discovery = await Promise.race([settled, timeout]);
      clearTimeout(timer);
      // Handed to the first frame: the app's own discovery request is then already answered.
      if (discovery) early = undefined;
      return discovery;
    },
  };
}
