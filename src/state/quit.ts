import { printable } from '../core/printable.js';
import type { Exit, LinksScreen, ResultScreen, SharedRow, State } from './app-state.js';
import { topScreen } from './stack.js';

/** The exit code of leaving without a link to give (Esc on the first screen, Ctrl-C): as fzf. */
export const ABORTED = 130;

/**
 * `q`: the links on the screen left are the answer, as the line chosen is fzf's. A link that
 * failed its check is never handed to a script (it would fail there, later and out of sight):
 * it is left out, named on stderr, and the exit code is 1, as without screens. Anywhere else,
 * quitting gives nothing: the exit says the pick was aborted.
 */
export function quit(state: State): State {
  const screen = topScreen(state);
  if (screen.kind === 'result') return { ...state, exit: quitResult(state, screen) };
  if (screen.kind === 'links') return { ...state, exit: quitLinks(state, screen) };
  return { ...state, exit: { code: ABORTED } };
}

/** What `q` writes to a captured stdout here: one link, several, or nothing. */
export function quitPrints(state: State): 'link' | 'links' | undefined {
  if (!state.stdoutCaptured) return undefined;
  const screen = topScreen(state);
  if (screen.kind === 'result') return resultWorks(screen) ? 'link' : undefined;
  if (screen.kind === 'links') return workingLinks(screen).length > 0 ? 'links' : undefined;
  return undefined;
}

function resultWorks(screen: ResultScreen): boolean {
  return screen.check?.ok !== false;
}

function quitResult(state: State, screen: ResultScreen): Exit {
  if (resultWorks(screen)) return { code: 0, output: `${screen.presigned.url}\n` };
  const reason = screen.check?.ok === false ? screen.check.problem.message : 'it failed its check';
  // On the terminal the final frame still shows the reason; a captured stdout gets a word on why it is empty.
  return state.stdoutCaptured
    ? { code: 1, message: `s3share-tui: the link was not printed: ${printable(reason)}` }
    : { code: 1 };
}

/** Why a row's link is not handed out: not signed, or its check failed. */
function rowProblem(row: SharedRow): string | undefined {
  if (!row.url) return row.problem ?? 'not signed';
  return row.check?.ok === false ? row.check.message : undefined;
}

/** Rows with a URL and no problem. */
function workingLinks(screen: LinksScreen): string[] {
  return screen.rows.flatMap((row) => (row.url && !rowProblem(row) ? [row.url] : []));
}

function quitLinks(state: State, screen: LinksScreen): Exit {
  const links = workingLinks(screen);
  const failed = screen.rows.filter((row) => rowProblem(row) !== undefined);
  const output = links.length > 0 ? { output: links.map((url) => `${url}\n`).join('') } : {};
  if (failed.length === 0) return { code: 0, ...output };
  const lines = failed.map(
    (row) => `s3share-tui: s3://${printable(screen.bucket)}/${printable(row.key)}: ${printable(rowProblem(row) ?? '')}`,
  );
  return { code: 1, ...output, ...(state.stdoutCaptured ? { message: lines.join('\n') } : {}) };
}
