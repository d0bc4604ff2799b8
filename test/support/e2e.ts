/**
 * Shared set-up for the end-to-end tests: a per-test home directory with AWS profiles pointing at
 * the local S3 server, the app in a pseudo-terminal, and steps of the flow that several tests take.
 */
import { afterEach, expect } from 'vitest';
import { homeWithProfiles, emptyHome, type ProfileSpec, type TempHome } from './aws-home.js';
import { Sessions, type SpawnOptions } from './pty.js';
import type { PtySession } from './terminal/pty-session.js';
import { adminClient, s3ServerFromEnv, type S3Server } from './s3-fixture.js';

/** The profile every test signs with (a second, refused one is added where the picker must show). */
export const GOOD_PROFILE = 'zeta';
/** Sorts before GOOD_PROFILE, so the picker's cursor starts on it; the server refuses its keys. */
export const BAD_PROFILE = 'alpha';

export interface E2E {
  server: S3Server;
  admin: ReturnType<typeof adminClient>;
  /** A home with the given profiles (default: only GOOD_PROFILE), removed after the test. */
  home(profiles?: readonly ProfileSpec[]): TempHome;
  /** A home without ~/.aws, removed after the test. */
  emptyHome(): TempHome;
  /** `node dist/cli.js ...args` in a 100×30 pty with HOME set to `home`; killed after the test. */
  launch(home: TempHome, options?: SpawnOptions): PtySession;
  /** A shell command line in a pty with HOME set to `home`; killed after the test. */
  launchShell(home: TempHome, command: string, options?: SpawnOptions): PtySession;
}

/** Call once at the top of a test file: registers the clean-up. */
export function useE2E(): E2E {
  const server = s3ServerFromEnv();
  const admin = adminClient(server);
  const sessions = new Sessions();
  const homes: TempHome[] = [];

  afterEach(async () => {
    await sessions.disposeAll();
    for (const home of homes.splice(0)) home.remove();
  });

  const env = (home: TempHome, options: SpawnOptions) => ({ ...options, env: { HOME: home.path, ...options.env } });
  return {
    server,
    admin,
    home(profiles = [{ name: GOOD_PROFILE }]) {
      const home = homeWithProfiles(server, profiles);
      homes.push(home);
      return home;
    },
    emptyHome() {
      const home = emptyHome();
      homes.push(home);
      return home;
    },
    launch: (home, options = {}) => sessions.cli(env(home, options)),
    launchShell: (home, command, options = {}) => sessions.shell(command, env(home, options)),
  };
}

/** The two profiles of a config where the picker shows: a refused one first, the good one second. */
export function twoProfiles(): ProfileSpec[] {
  return [
    { name: BAD_PROFILE, accessKeyId: 'NOTAKEY0000000000000', secretAccessKey: 'not-the-secret' },
    { name: GOOD_PROFILE },
  ];
}

/** Escapes text for use inside a RegExp. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The list row the cursor is on, e.g. cursorOn('📁 dir/'). */
export function cursorOn(name: string): RegExp {
  return new RegExp(`❯ ${literal(name)}(\\s|$)`, 'm');
}

/**
 * On a list screen: moves the cursor down to the row `name` (checking each step on screen), then
 * opens it with Enter.
 */
export async function openRow(session: PtySession, name: string, maxSteps = 20): Promise<void> {
  await session.waitFor(new RegExp(`^ [ ❯] ${literal(name)}(\\s|$)`, 'm'));
  for (let step = 0; !cursorOn(name).test(session.screen()); step += 1) {
    if (step >= maxSteps) throw new Error(`the cursor never reached ${name}:\n${session.screen()}`);
    const before = cursorRow(session);
    session.press('Down');
    await session.waitFor(() => cursorRow(session) !== before);
  }
  session.press('Enter');
}

/** The text of the row the cursor is on. */
export function cursorRow(session: PtySession): string | undefined {
  return session.lines().find((line) => line.startsWith(' ❯ '));
}

/** On the bucket list: filters by the bucket's name, checks it is the one row left, opens it. */
export async function openBucket(session: PtySession, bucket: string): Promise<void> {
  await session.waitFor(/ of [\d,]+ buckets/);
  session.press(bucket);
  await session.waitFor(`filter: ${bucket}▏`);
  await session.waitFor(cursorOn(bucket));
  await session.waitFor(/ 1 match · [\d,]+ buckets?\b/);
  session.press('Enter');
}

/** On the expiry screen: erases what is typed, types `text`, checks it shows, and signs. */
export async function signWithExpiry(session: PtySession, text: string): Promise<void> {
  await session.waitFor('Expires in (hours):');
  const typed = () => /Expires in \(hours\): (.*?) ?$/m.exec(session.screen())?.[1] ?? '';
  for (let guard = 0; typed() !== ''; guard += 1) {
    if (guard > 20) throw new Error(`could not clear the expiry input:\n${session.screen()}`);
    const before = typed();
    session.press('Backspace');
    await session.waitFor(() => typed() !== before);
  }
  session.press(text);
  await session.waitFor(`Expires in (hours): ${text}`);
  session.press('Enter');
}

/** The presigned URL on the result screen: the one logical line that starts with the endpoint. */
export function urlOnScreen(session: PtySession, server: S3Server): string {
  const lines = session.logicalLines().filter((line) => line.startsWith(`${server.endpoint}/`));
  expect(lines, `one URL line on the screen:\n${session.screen()}`).toHaveLength(1);
  return (lines[0] as string).trimEnd();
}

/** Waits for the result screen of `key` and reads the URL off it. */
export async function waitForResult(session: PtySession, server: S3Server): Promise<string> {
  // The expiry line (it may wrap on a narrow terminal) ends with the UTC time.
  await session.waitFor(
    (screen) => /Expires in (?!\(hours\))[^]*?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/.test(screen.replace(/\n/g, ' ')),
    15_000,
  );
  await session.waitFor(`${server.endpoint}/`);
  return urlOnScreen(session, server);
}
