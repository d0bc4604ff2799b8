import { USAGE } from '../args.js';
import { flagsFromUsage } from './flags.js';
import { completionScript, SHELLS, type Shell } from './scripts.js';

export interface CompletionIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `s3share-tui completion bash|zsh|fish [--complete-buckets]` prints a script; the scripts call
 * `s3share-tui __complete profiles|buckets [--profile NAME]` for names.
 */
export async function runCompletionCommand(argv: readonly string[], io: CompletionIo): Promise<number> {
  if (argv[0] === 'completion') return printScript(argv.slice(1), io);
  const { completeNames } = await import('./names.js');
  return completeNames(argv.slice(1), io);
}

function printScript(args: readonly string[], io: CompletionIo): number {
  const buckets = args.includes('--complete-buckets');
  const rest = args.filter((a) => a !== '--complete-buckets');
  const shell = rest[0];
  if (rest.length !== 1 || !(SHELLS as readonly string[]).includes(shell as string)) {
    io.stderr.write(`s3share-tui: completion takes one of ${SHELLS.join(', ')} (and optionally --complete-buckets)\n`);
    return 2;
  }
  io.stdout.write(completionScript(shell as Shell, flagsFromUsage(USAGE), { buckets }));
  return 0;
}
