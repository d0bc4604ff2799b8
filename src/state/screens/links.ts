import { LINK_FORMATS, formatLinks, type LinkFormat } from '../../core/link-formats.js';
import type { LinksScreen } from '../app-state.js';
import { enqueue, pop, replaceTop } from '../stack.js';
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
      case 'another-object':
        return backToObjectList(state);
      case 'change-expiry':
      case 'back':
        return pop(state);
      default:
        return state;
    }
  },

  waitsOn: (screen, requestId) => screen.copyRequest === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'request-failed')
      return put({ ...screen, notice: { tone: 'error', text: action.error.message } });
    if (action.type !== 'copied') return state;
    const count = screen.rows.filter((row) => row.url).length;
    return put({ ...screen, notice: copyNotice(action.outcome, count === 1 ? '1 link ' : `${count} links `) });
  },
};

/** The signed links as `format` writes them (links that failed are left out). */
function linksText(screen: LinksScreen, format: LinkFormat): string {
  const links = screen.rows.flatMap((row) =>
    row.url ? [{ key: row.key, url: row.url, expiresAt: screen.expiresAt }] : [],
  );
  return formatLinks(links, format);
}
