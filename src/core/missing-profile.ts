import type { ProfileDiscovery } from './ports.js';
import { printable } from './printable.js';

/** Where the profile name came from: what to change depends on it. */
export type ProfileNamedBy = 'flag' | 'AWS_PROFILE' | 'default';

const LISTED = 8;

/**
 * One line for a profile that is not in the config files: where the app looked, which profiles
 * exist, and the one thing to change. A name given with --profile already was "passed", so the
 * line offers the names that exist instead of suggesting --profile again.
 */
export function missingProfileMessage(name: string, namedBy: ProfileNamedBy, discovery: ProfileDiscovery): string {
  const files = discovery.files.map((f) => `${f.path} (${f.state})`).join(', ');
  const problem = discovery.problems?.[0] ? `; ${discovery.problems[0]}` : '';
  const names = discovery.profiles.map((p) => printable(p.name));
  const shown = names.slice(0, LISTED).join(', ') + (names.length > LISTED ? `, … (${names.length} in all)` : '');
  const where = `no AWS profile “${printable(name)}” (looked in ${files}${problem})`;
  if (namedBy === 'flag') {
    return names.length > 0
      ? `${where}; profiles there: ${shown}`
      : `${where}; run \`aws configure --profile ${printable(name)}\` to create it`;
  }
  if (namedBy === 'AWS_PROFILE') {
    return names.length > 0
      ? `${where}, named by AWS_PROFILE; set it to one of: ${shown}, or pass --profile`
      : `${where}, named by AWS_PROFILE; run \`aws configure --profile ${printable(name)}\` to create it`;
  }
  return names.length > 0
    ? `${where}; pass --profile with one of: ${shown}`
    : `${where}; run \`aws configure\` or pass --profile`;
}
