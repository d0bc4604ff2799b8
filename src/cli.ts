import { parseArguments, UsageError, USAGE } from './args.js';
import { colorsWanted, turnColorsOff } from './colors.js';
import { enableCompileCache } from './compile-cache.js';
import { endpointFromEnvironment } from './core/connection.js';
import { printable } from './core/printable.js';
import { redactUserinfo } from './core/redact.js';

declare const S3SHARE_VERSION: string | undefined;
const VERSION = typeof S3SHARE_VERSION === 'string' ? S3SHARE_VERSION : 'dev';

async function main(argv: readonly string[]): Promise<number> {
  // The SDK's Node.js support notice would be drawn over the screens.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  enableCompileCache(process.env);
  if (argv[0] === 'completion' || argv[0] === '__complete') {
    const { runCompletionCommand } = await import('./completion/command.js');
    return runCompletionCommand(argv, { env: process.env, stdout: process.stdout, stderr: process.stderr });
  }
  let options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`s3share-tui: ${printable(redactUserinfo(error.message))}\nTry 's3share-tui --help'.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`s3share-tui ${VERSION}\n`);
    return 0;
  }
  const [{ loadDefaults }, { withDefaults }] = await Promise.all([
    import('./adapters/defaults-file.js'),
    import('./apply-defaults.js'),
  ]);
  const { defaults, problem } = loadDefaults(process.env);
  if (problem) process.stderr.write(`s3share-tui: ${printable(problem)}\n`);
  options = withDefaults(options, defaults, process.env);
  if (!colorsWanted(process.env, options.noColor)) turnColorsOff(process.env);
  if (options.targets.length > 0) {
    const { runHeadless } = await import('./headless.js');
    return runHeadless(options, {
      env: process.env,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  const { runInteractive } = await import('./ui/run.js');
  return runInteractive(
    {
      profile: options.profile,
      bucket: options.bucket,
      prefix: options.prefix,
      region: options.region,
      endpointUrl: options.endpointUrl ?? endpointFromEnvironment(process.env),
      pathStyle: options.pathStyle,
      ...(options.expiryText ? { expiryText: options.expiryText } : {}),
      ...(options.linkKind ? { linkKind: options.linkKind } : {}),
      ...(options.copyFormat ? { copyFormat: options.copyFormat } : {}),
      ...(options.noCheck ? { noCheck: true } : {}),
    },
    {
      timeoutSeconds: options.timeoutSeconds,
      debug: options.debug,
      noClipboard: options.noClipboard,
      altScreen: options.altScreen === true,
      remember: defaults.remember !== false,
      ...(options.clearClipboardAfter ? { clearClipboardAfter: options.clearClipboardAfter } : {}),
    },
  );
}

/** Exits once what was written to stdout has drained (idle keep-alive sockets must not hold us). */
function exitWith(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exitWith, (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`s3share-tui: ${printable(redactUserinfo(message.split('\n')[0] ?? ''))}\n`);
  exitWith(1);
});
