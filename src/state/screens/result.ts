import type { CopyOutcome } from '../../core/ports.js';
import type { Notice, ResultScreen } from '../app-state.js';
import { enqueue, pop, replaceTop } from '../stack.js';
import type { ScreenModule } from './module.js';
import { backToObjectList } from './objects.js';

/** The signed link: copy it, show it as a QR code, sign another, or leave. */
export const resultModule: ScreenModule<ResultScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'copy-url': {
        const copying = replaceTop(state, {
          ...screen,
          copying: 'link',
          notice: { tone: 'info', text: 'Copying…' },
          copyRequest: state.nextRequestId,
        });
        return enqueue(copying, { kind: 'copy', text: screen.presigned.url });
      }
      case 'copy-uri': {
        const { bucket, key } = screen.presigned;
        const copying = replaceTop(state, {
          ...screen,
          copying: 'uri',
          notice: { tone: 'info', text: 'Copying…' },
          copyRequest: state.nextRequestId,
        });
        return enqueue(copying, { kind: 'copy', text: `s3://${bucket}/${key}` });
      }
      case 'open-url': {
        const opening = replaceTop(state, {
          ...screen,
          notice: { tone: 'info', text: 'Opening…' },
          copyRequest: state.nextRequestId,
        });
        return enqueue(opening, { kind: 'open-url', url: screen.presigned.url });
      }
      case 'toggle-qr':
        return replaceTop(state, { ...screen, showQr: !screen.showQr });
      case 'another-object':
        // The object went away after it was listed: the listing is read again.
        return backToObjectList(state, screen.check?.ok === false && screen.check.problem.code === 'object-gone');
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
    if (action.type === 'opened') {
      const { outcome } = action;
      return put({
        ...screen,
        notice: outcome.ok
          ? { tone: 'success', text: outcome.message }
          : { tone: 'warning', text: `Not opened: ${outcome.reason}` },
      });
    }
    if (action.type !== 'copied') return state;
    return put({ ...screen, notice: copyNotice(action.outcome, screen.copying === 'uri' ? 'the s3:// URI ' : '') });
  },
};

/** What a copy did: copied; only handed to the terminal (OSC 52), which may drop it; or not done. */
export function copyNotice(outcome: CopyOutcome, what = ''): Notice {
  if (!outcome.ok) return { tone: 'warning', text: `Not copied: ${outcome.reason}` };
  if (outcome.sentOnly && outcome.message) {
    return { tone: 'info', text: what ? `${what.trim()}: ${outcome.message}` : outcome.message };
  }
  return { tone: 'success', text: `Copied ${what}(${outcome.via}).` };
}
