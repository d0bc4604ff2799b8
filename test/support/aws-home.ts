/** Throw-away home directories with AWS config files, for running the app as a user would. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Server } from './s3-fixture.js';
import { childEnvironment } from './terminal/child-environment.js';

export interface ProfileSpec {
  name: string;
  /** Defaults to the server's keys; give others to make a profile that the server refuses. */
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}

export interface TempHome {
  path: string;
  configPath: string;
  credentialsPath: string;
  remove(): void;
}

/** An empty home directory (no ~/.aws at all). */
export function emptyHome(): TempHome {
  const path = mkdtempSync(join(tmpdir(), 's3share-e2e-home-'));
  return {
    path,
    configPath: join(path, '.aws', 'config'),
    credentialsPath: join(path, '.aws', 'credentials'),
    remove: () => removeLater(path),
  };
}

/**
 * A home whose ~/.aws/config and ~/.aws/credentials hold the given profiles, each pointing at the
 * local server through `endpoint_url`.
 */
export function homeWithProfiles(server: S3Server, profiles: readonly ProfileSpec[]): TempHome {
  const home = emptyHome();
  mkdirSync(join(home.path, '.aws'), { mode: 0o700 });
  const config = profiles
    .map((p) =>
      [
        p.name === 'default' ? '[default]' : `[profile ${p.name}]`,
        `region = ${p.region ?? 'us-east-1'}`,
        `endpoint_url = ${server.endpoint}`,
        '',
      ].join('\n'),
    )
    .join('\n');
  const credentials = profiles
    .map((p) =>
      [
        `[${p.name}]`,
        `aws_access_key_id = ${p.accessKeyId ?? server.accessKeyId}`,
        `aws_secret_access_key = ${p.secretAccessKey ?? server.secretAccessKey}`,
        '',
      ].join('\n'),
    )
    .join('\n');
  writeFileSync(home.configPath, config, { mode: 0o600 });
  writeFileSync(home.credentialsPath, credentials, { mode: 0o600 });
  return home;
}

/** The environment of a program run with `home` as its HOME (see childEnvironment for what never leaks in). */
export function homeEnvironment(home: TempHome): Record<string, string> {
  // The app sets this for itself; set for every child so that SDK baselines match it.
  return childEnvironment({ HOME: home.path, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
}

/**
 * Removes a temp home. An app still running when a test's clean-up starts (sessions are disposed
 * by another hook) may write its cache there meanwhile; then the removal is tried again once it
 * has been stopped, instead of failing the test over a temp directory.
 */
function removeLater(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    setTimeout(() => {
      try {
        rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // Left in the temp directory: nothing depends on it.
      }
    }, 3000).unref();
  }
}

/**
 * Points this test process's AWS SDK at a throw-away profile `it` holding the server's keys, as a
 * user's own files would; returns the function that removes the files again.
 */
export function useSdkProfileIt(server: S3Server): () => void {
  const dir = mkdtempSync(join(tmpdir(), 's3share-sdk-profile-'));
  writeFileSync(join(dir, 'config'), `[profile it]\nregion = ${server.region}\n`);
  writeFileSync(
    join(dir, 'credentials'),
    `[it]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`,
  );
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  return () => rmSync(dir, { recursive: true, force: true });
}
