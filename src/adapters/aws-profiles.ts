import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { ENVIRONMENT_PROFILE } from '../core/connection.js';
import { MAX_CONFIG_FILE_BYTES } from '../core/limits.js';
import { isValidRegion, validRegion } from '../core/region.js';
import type { ConfigFileStatus, Profile, ProfileDiscovery, ProfileKind, ProfileSource } from '../core/ports.js';
import { FileRefusedError, readRegularFile } from './safe-read.js';

type Section = Record<string, string | undefined>;

/**
 * Profiles from the shared config and credentials files, parsed by the SDK's own loader so they
 * read exactly as the AWS CLI and SDK read them (`[profile x]`, `[default]`, sub-sections,
 * `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`).
 */
export function createProfileSource(env: NodeJS.ProcessEnv = process.env): ProfileSource {
  return { discover: () => discoverProfiles(env) };
}

export async function discoverProfiles(env: NodeJS.ProcessEnv): Promise<ProfileDiscovery> {
  const home = env.HOME || getHomeDir();
  const configPath = env.AWS_CONFIG_FILE || join(home, '.aws', 'config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  const files = await Promise.all([fileStatus(configPath), fileStatus(credentialsPath)]);
  // Only regular files go to the loader: reading a FIFO or a device would never return.
  const readable = (file: (typeof files)[number]) =>
    file.state === 'read' ? file.path : join(home, '.s3share-no-file');
  const parsed = await loadSharedConfigFiles({
    configFilepath: readable(files[0]),
    filepath: readable(files[1]),
    ignoreCache: true,
  });
  const config = parsed.configFile as Record<string, Section>;
  const credentials = parsed.credentialsFile as Record<string, Section>;

  const names = new Set([...Object.keys(config), ...Object.keys(credentials)].filter(isProfileName));
  const badRegions: string[] = [];
  const profiles = [...names].sort(byDefaultFirst).map((name) => {
    const merged: Section = { ...config[name], ...credentials[name] };
    if (merged.region !== undefined && validRegion(merged.region) === undefined) {
      badRegions.push(`profile “${name}”: region “${merged.region}” is not a region name; ignored`);
    }
    return toProfile(name, merged, config);
  });
  const fromEnvironment = environmentProfile(env, profiles);
  if (fromEnvironment) profiles.unshift(fromEnvironment);

  const preferred = env.AWS_PROFILE || (names.has('default') ? 'default' : fromEnvironment?.name);
  const problems = [...files.flatMap((file) => file.problems), ...badRegions.slice(0, 1)];
  return {
    profiles,
    files: files.map(({ path, state }) => ({ path, state })),
    preferred,
    ...(problems.length ? { problems } : {}),
  };
}

/** Sections such as `services.x` and `sso-session.x` live in the same map but are not profiles. */
function isProfileName(name: string): boolean {
  return !name.startsWith('services.') && !name.startsWith('sso-session.');
}

function byDefaultFirst(a: string, b: string): number {
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}

function toProfile(name: string, section: Section, config: Record<string, Section>): Profile {
  const services = section.services ? config[`services.${section.services}`] : undefined;
  const endpointUrl = section['s3.endpoint_url'] ?? services?.['s3.endpoint_url'] ?? section.endpoint_url;
  return {
    name,
    kind: profileKind(section),
    ...(isValidRegion(section.region) ? { region: section.region } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
  };
}

function profileKind(section: Section): ProfileKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.role_arn) return 'role';
  if (section.credential_process) return 'process';
  if (section.aws_access_key_id) return 'keys';
  return 'none';
}

/**
 * Keys from the environment still take their other settings from a profile, as the SDK reads
 * them: AWS_PROFILE's, else `default`. Its endpoint_url in particular: a custom endpoint must be
 * known here so buckets are addressed path-style (a dotted bucket name on `http://host:port`
 * makes no valid virtual-hosted URL).
 */
function environmentProfile(env: NodeJS.ProcessEnv, profiles: readonly Profile[]): Profile | undefined {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
  const settings = profiles.find((profile) => profile.name === (env.AWS_PROFILE || 'default'));
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || settings?.region;
  return {
    name: ENVIRONMENT_PROFILE,
    kind: 'environment',
    ...(region ? { region } : {}),
    ...(settings?.endpointUrl ? { endpointUrl: settings.endpointUrl } : {}),
  };
}

async function fileStatus(path: string): Promise<ConfigFileStatus & { problems: string[] }> {
  try {
    // A FIFO or a device would never finish reading; a huge file would take the heap (and the
    // SDK's parser the stack): only a regular file of a sane size goes on to the loader.
    const text = await readRegularFile(path, MAX_CONFIG_FILE_BYTES);
    return { path, state: 'read', problems: malformedLines(path, text) };
  } catch (error) {
    if (error instanceof FileRefusedError) return { path, state: 'unreadable', problems: [error.message] };
    const code = (error as NodeJS.ErrnoException).code;
    return { path, state: code === 'ENOENT' ? 'missing' : 'unreadable', problems: [] };
  }
}

/**
 * The SDK's loader skips lines it cannot read without a word, so a typo silently loses a
 * profile. Point at the first such line of each file (the parsing itself stays the SDK's).
 */
export function malformedLines(path: string, text: string): string[] {
  if (text.includes('\u0000')) return [`${path}: not a text file`];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[[^\]]+\]$/.test(line)) continue;
    if (/^[^=\s][^=]*=/.test(line)) continue;
    return [`${path} line ${index + 1}: cannot read “${line.length > 40 ? `${line.slice(0, 40)}…` : line}”`];
  }
  return [];
}
