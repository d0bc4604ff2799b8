import type { CliOptions } from './args.js';
import { printable } from './core/printable.js';
import { redactUserinfo } from './core/redact.js';
import { LinkPrinter } from './headless/output.js';
import { Progress } from './headless/progress.js';
import { openSession } from './headless/session.js';
import { FatalShareError, shareAll } from './headless/share.js';
import { readAll } from './headless/stdin-text.js';
import { collectEntries } from './headless/targets.js';

const DEFAULT_EXPIRY_SECONDS = 3600;

export interface HeadlessIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * `s3share-tui s3://bucket/key …`: sign links and print them, for scripts; `-` reads the URIs
 * from standard input, `--recursive` shares every object under a prefix. Never loads Ink or
 * React. Exit 0 when every link was printed, 1 when any failed (each named on stderr).
 */
export async function runHeadless(options: CliOptions, io: HeadlessIo): Promise<number> {
  // A reader that stops early (`| head -1`) closes the pipe: stop quietly, not with a stack trace.
  io.stdout.on('error', () => {});
  const progress = new Progress(io.stderr);
  // Every line may quote a config file, a profile name, an endpoint or a server's words.
  const safe = (line: string) => printable(redactUserinfo(line));
  const debug = options.debug ? (line: string) => progress.line(`s3share-tui debug: ${safe(line)}\n`) : undefined;
  const notice = (line: string) => progress.line(`s3share-tui: warning: ${safe(line)}\n`);
  const opened = await openSession(options, io.env, debug, notice);
  if ('failure' in opened) {
    io.stderr.write(`s3share-tui: ${safe(opened.failure)}\n`);
    return 1;
  }
  let stdinText: Promise<string> | undefined;
  const entries = await collectEntries(options.targets, options, () => (stdinText ??= readAll(io.stdin)));
  const downloadName = options.method === 'GET' ? options.downloadAs : undefined;
  const printer = new LinkPrinter(io.stdout, options.json ? 'json' : options.format, (line) => progress.line(line));
  // Upload links are checked as far as can be without writing: the bucket.
  const check = !options.noCheck;
  if (check) progress.start();
  try {
    const failures = await shareAll(entries, {
      session: opened.session,
      link: {
        method: options.method,
        expiresInSeconds: options.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS,
        ...(downloadName ? { downloadName } : {}),
        ...(options.contentType ? { responseContentType: options.contentType } : {}),
        ...(options.requestPayer ? { requestPayer: true } : {}),
      },
      profile: opened.profile,
      attachment: options.attachment,
      check,
      printer,
      progress,
    });
    return failures > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof FatalShareError)) throw error;
    printer.flush();
    progress.line(`s3share-tui: ${printable(redactUserinfo(error.message))}\n`);
    return 1;
  } finally {
    progress.stop();
  }
}
