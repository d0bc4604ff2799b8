import { LINK_FORMATS, formatLinks, type LinkFormat } from '../../core/link-formats.js';
import type { LinksScreen } from '../app-state.js';
import { cancel, enqueue, pop, replaceTop } from '../stack.js';
import type { ScreenModule } from './module.js';
import { backToObjectList } from './objects.js';
import { copyNotice } from './result.js';

/** The links of several objects: scroll them, copy them all in the format chosen, or sign again. */
export const linksModule: ScreenModule<LinksScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'scroll':
        return replaceTop(state, {
          ...screen,
          offset: Math.max(0, Math.min(screen.rows.length - 1, screen.offset + action.by)),
        });
      case 'copy-url': {
        const text = linksText(screen, state.copyFormat);
        const copying = replaceTop(state, {
          ...screen,
          notice: { tone: 'info', text: 'Copying…' },
          copyRequest: state.nextRequestId,
        });
        return enqueue(copying, { kind: 'copy', text });
      }
      case 'cycle-copy-format': {
        const copyFormat = LINK_FORMATS[
          (LINK_FORMATS.indexOf(state.copyFormat) + 1) % LINK_FORMATS.length
        ] as LinkFormat;
        return replaceTop({ ...state, copyFormat }, { ...screen, notice: undefined });
      }
      // Leaving stops the checks still running: none of their answers reaches another screen.
      case 'another-object':
        return backToObjectList(cancel(state, screen.checks?.request));
      case 'change-expiry':
      case 'back':
        return pop(cancel(state, screen.checks?.request));
      default:
        return state;
    }
  },

  waitsOn: (screen, requestId) => screen.copyRequest === requestId || screen.checks?.request === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'link-checked') {
      const rows = screen.rows.map((row, i) =>
        i === action.row ? { ...row, check: action.check, ...(action.url ? { url: action.url } : {}) } : row,
      );
      return put({ ...screen, rows });
    }
    const settledChecks = { total: screen.checks?.total ?? 0 };
    if (action.type === 'links-checked') return put({ ...screen, checks: settledChecks });
    if (action.type === 'request-failed' && action.requestId === screen.checks?.request)
      return put({ ...screen, checks: settledChecks, notice: { tone: 'error', text: action.error.message } });
    if (action.type === 'request-failed')
      return put({ ...screen, notice: { tone: 'error', text: action.error.message } });
    if (action.type !== 'copied') return state;
    const count = screen.rows.filter((row) => row.url).length;
    const notice = copyNotice(action.outcome, count === 1 ? '1 link ' : `${count} links `);
    // Every link is copied, but the person is told which of them are not proven.
    const failed = failedChecks(screen);
    const pending = screen.checks?.request !== undefined ? screen.checks.total - doneChecks(screen) : 0;
    const caveats = [
      ...(failed ? [`${failed} failed ${failed === 1 ? 'its' : 'their'} check`] : []),
      ...(pending ? [`${pending} not checked yet`] : []),
    ];
    if (!action.outcome.ok || caveats.length === 0) return put({ ...screen, notice });
    return put({
      ...screen,
      notice: { tone: 'warning', text: `${notice.text.replace(/\.$/, '')}; ${caveats.join(', ')}.` },
    });
  },
};

/** Links whose check answered that they do not work. */
export function failedChecks(screen: LinksScreen): number {
  return screen.rows.filter((row) => row.check?.ok === false).length;
}

/** Links whose check has answered, either way. */
export function doneChecks(screen: LinksScreen): number {
  return screen.rows.filter((row) => row.check !== undefined).length;
}

/** The signed links as `format` writes them (those that failed their check too; unsigned ones are left out). */
function linksText(screen: LinksScreen, format: LinkFormat): string {
  const links = screen.rows.flatMap((row) =>
    row.url ? [{ key: row.key, url: row.url, expiresAt: screen.expiresAt }] : [],
  );
  return formatLinks(links, format);
}
