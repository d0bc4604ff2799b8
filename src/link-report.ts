import { skewWarning } from './core/clock-offset.js';
import type { ProvenLink } from './core/prove-link.js';

/** What non-interactive mode says about a link's check: warnings and notes, or why it fails. */
export interface LinkReport {
  /** Lines for stderr that do not stop the program. */
  notes: string[];
  /** The reason the link does not work: printed on stderr, exit 1. */
  failure?: string;
  /** Fields added to --json output. */
  json: { checked: boolean; problem?: string; message?: string };
}

export function reportLink({ presigned, check }: ProvenLink, profile: string): LinkReport {
  const notes: string[] = [];
  if (presigned.clockOffsetMs !== undefined) notes.push(`warning: ${skewWarning(presigned.clockOffsetMs)}`);
  if (!check) return { notes, json: { checked: false } };
  if (!check.ok) {
    return {
      notes,
      failure: check.problem.message,
      json: { checked: check.scope === 'link', problem: check.problem.code, message: check.problem.message },
    };
  }
  if (check.scope === 'bucket') {
    notes.push(
      `note: upload links are not tested (that would write to the bucket); the bucket exists and profile “${profile}” can see it`,
    );
    return { notes, json: { checked: false } };
  }
  return { notes, json: { checked: true } };
}
