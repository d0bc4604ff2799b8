import { baseName } from '../core/content-disposition.js';
import type { PresignRequest, S3Session } from '../core/ports.js';
import { DOT_SEGMENTS_WARNING, hasDotSegments } from '../core/dot-segments.js';
import { printable } from '../core/printable.js';
import { redactUserinfo } from '../core/redact.js';
import { listEveryObject } from '../core/recursive-listing.js';
import { describeTarget, type ShareTarget } from '../core/share-target.js';
import { checkLink, type CheckedLink } from './check-link.js';
import type { LinkPrinter } from './output.js';
import type { Progress } from './progress.js';
import type { Entry } from './targets.js';
import { versionProblem } from './version-check.js';

/** Checks in flight at once: enough to hide the round trips, few enough to be polite to S3. */
export const CHECK_CONCURRENCY = 16;
/** Objects signed per batch: a run of URIs, or one listing page, is cut at this many. */
const BATCH = 10_000;

type ObjectTarget = Extract<ShareTarget, { kind: 'object' }>;

export interface ShareOptions {
  session: S3Session;
  /** What every link shares: method, expiry, download name. */
  link: Omit<PresignRequest, 'bucket' | 'key' | 'versionId'>;
  /** GET links save under each key's own file name. */
  attachment: boolean;
  check: boolean;
  /** The profile that signs, named in the check's messages. */
  profile: string;
  printer: LinkPrinter;
  progress: Progress;
}

/** The run ended early: the credentials (or the whole batch) failed, not one object. */
export class FatalShareError extends Error {}

/**
 * Shares every entry, printing links in the order the entries (and each listing) came: URIs are
 * signed in batches (one clock reading, no per-link round trip), listed prefixes page by page,
 * and with checks up to CHECK_CONCURRENCY links are checked at a time. Returns how many
 * entries failed, each named on stderr in its place.
 */
export async function shareAll(entries: readonly Entry[], options: ShareOptions): Promise<number> {
  let failures = 0;
  const fail = (what: string, message: string) => {
    failures += 1;
    options.progress.line(`s3share-tui: ${printable(redactUserinfo(`${what}: ${message}`))}\n`);
  };
  let run: ObjectTarget[] = [];
  const flushRun = async () => {
    if (run.length === 0) return;
    const batch = run;
    run = [];
    await shareBatch(batch, options, fail);
  };
  for (const entry of entries) {
    if ('unusable' in entry) {
      await flushRun();
      fail(entry.unusable, entry.message);
    } else if (entry.target.kind === 'object') {
      const { bucket, key, versionId } = entry.target;
      const problem =
        options.check && versionId !== undefined
          ? await versionProblem(options.session, bucket, key, versionId)
          : undefined;
      if (problem !== undefined) {
        await flushRun();
        fail(describeTarget(entry.target), problem);
        continue;
      }
      // curl and browsers normalise "." and ".." in a path: such a key's link fails there.
      if (hasDotSegments(key))
        options.progress.line(
          `s3share-tui: warning: ${printable(describeTarget(entry.target))}: ${DOT_SEGMENTS_WARNING}\n`,
        );
      run.push(entry.target);
      if (run.length >= BATCH) await flushRun();
    } else {
      await flushRun();
      await shareListed(entry.target, options, fail);
    }
  }
  await flushRun();
  options.printer.flush();
  return failures;
}

async function shareListed(
  target: Extract<ShareTarget, { kind: 'prefix' }>,
  options: ShareOptions,
  fail: (what: string, message: string) => void,
): Promise<void> {
  const { bucket, prefix } = target;
  let found = 0;
  try {
    for await (const objects of listEveryObject((token) => options.session.listPageRecursive(bucket, prefix, token))) {
      found += objects.length;
      const batch = objects.map((o): ObjectTarget => ({
        kind: 'object',
        uri: `s3://${bucket}/${o.key}`,
        bucket,
        key: o.key,
      }));
      await shareBatch(batch, options, fail);
    }
  } catch (error) {
    if (error instanceof FatalShareError) throw error;
    fail(describeTarget(target), messageOf(error));
    return;
  }
  if (found === 0) fail(describeTarget(target), 'no objects under this prefix');
}

async function shareBatch(
  targets: readonly ObjectTarget[],
  options: ShareOptions,
  fail: (what: string, message: string) => void,
): Promise<void> {
  let outcomes;
  const named = options.attachment && options.link.method !== 'PUT';
  const requests: PresignRequest[] = targets.map((t) => {
    // Spread last: in V8, properties added after a leading spread give every object a map of its
    // own, and the signer's reads of them then miss their caches on every link.
    const request: PresignRequest = { bucket: t.bucket, key: t.key, ...options.link };
    if (t.versionId !== undefined) request.versionId = t.versionId;
    if (named) request.downloadName = baseName(t.key);
    return request;
  });
  try {
    outcomes = await options.session.presignAll(requests);
  } catch (error) {
    throw new FatalShareError(messageOf(error));
  }
  if (!options.check) {
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) options.printer.print(outcome.link);
      else fail(describeTarget(targets[index] as ObjectTarget), outcome.message);
    });
    options.printer.flush();
    return;
  }
  // Checked: results arrive in any order and are printed in order, as soon as all before are in.
  type Result = CheckedLink | { message: string };
  const results = new Array<Result | undefined>(targets.length);
  let printed = 0;
  const printReady = () => {
    while (printed < results.length && results[printed] !== undefined) {
      const result = results[printed] as Result;
      const what = describeTarget(targets[printed] as ObjectTarget);
      if ('message' in result) fail(what, result.message);
      else printChecked(result, what, options, fail);
      printed += 1;
    }
    options.printer.flush();
  };
  options.progress.queue(outcomes.filter((o) => o.ok).length);
  let next = 0;
  const worker = async () => {
    while (next < outcomes.length) {
      const index = next++;
      const outcome = outcomes[index];
      if (!outcome) continue;
      if (!outcome.ok) {
        results[index] = { message: outcome.message };
      } else {
        try {
          results[index] = await checkLink(
            options.session,
            requests[index] as PresignRequest,
            outcome.link,
            options.profile,
          );
        } catch (error) {
          results[index] = { message: messageOf(error) };
        }
        options.progress.done();
      }
      if (index === printed) printReady();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, outcomes.length) }, worker));
  printReady();
}

/** Notes said once per run (a clock warning, "upload links are not tested"), not once per link. */
const saidNotes = new WeakMap<ShareOptions, Set<string>>();

/** A checked link: printed when it works; named on stderr with the reason when not (and in --json). */
function printChecked(
  checked: CheckedLink,
  what: string,
  options: ShareOptions,
  fail: (what: string, message: string) => void,
) {
  const said = saidNotes.get(options) ?? new Set<string>();
  saidNotes.set(options, said);
  for (const note of checked.report.notes) {
    if (said.has(note)) continue;
    said.add(note);
    options.progress.line(`s3share-tui: ${note}\n`);
  }
  if (checked.report.failure === undefined) {
    options.printer.print(checked.link, checked.report.json);
    return;
  }
  options.printer.printFailed(checked.link, checked.report.json);
  fail(what, checked.report.failure);
}

function messageOf(error: unknown): string {
  return printable(((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').trim());
}
