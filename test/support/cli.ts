/** The built app run without a terminal, as scripts run it, with the AWS settings of a throw-away home. */
import { CLI } from './app.js';
import { homeEnvironment, homeWithProfiles as awsHome } from './aws-home.js';
import type { S3Server } from './s3-fixture.js';
import { runProcess, type ProcessRun } from './terminal/run-process.js';

/** The fields of one link in `--json` output (JSON Lines), sorted: a contract scripts rely on. */
export const LINK_JSON_FIELDS = ['bucket', 'checked', 'expiresAt', 'expiresIn', 'key', 'method', 'region', 'url'];

export type CliRun = Pick<ProcessRun, 'code' | 'stdout' | 'stderr'>;

/**
 * Runs the built binary to completion (at most 30 s), in a new session: no terminal at all.
 * Standard input is empty, or `input` when given.
 */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
  input?: string,
): Promise<CliRun> {
  const run = await runProcess(process.execPath, [...nodeArgs, CLI, ...args], {
    env,
    limitMs: 30_000,
    detached: true,
    ...(input === undefined ? {} : { input }),
  });
  if (run.killedAtLimit) throw new Error(`s3share-tui ${args.join(' ')} did not finish in 30 s`);
  return run;
}

/** The environment of a child whose temp HOME holds one profile per name in ~/.aws, all on the local server. */
export function homeWithProfiles(server: S3Server, names: readonly string[] = ['default']): NodeJS.ProcessEnv {
  return homeEnvironment(
    awsHome(
      server,
      names.map((name) => ({ name, region: server.region })),
    ),
  );
}
