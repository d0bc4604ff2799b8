import { redactUserinfo } from './redact.js';

/**
 * Carries what an adapter wants the person to know that is no error (credentials whose expiration
 * is not a date) from inside a request to wherever it is shown: stderr in headless mode, a warning
 * on the screen in the app.
 */
export interface NoticeChannel {
  /** Called by adapters (the `notice` option of the S3 connector). */
  tell(line: string): void;
  /** The app listens so it can show each notice; returns the unsubscribe. */
  onNotice(listener: (line: string) => void): () => void;
}

/** Notices told before anyone listens are kept for the first listener, up to this many. */
const KEPT_UNHEARD = 8;

export function createNoticeChannel(): NoticeChannel {
  const listeners = new Set<(line: string) => void>();
  const unheard: string[] = [];
  return {
    tell(line) {
      if (listeners.size === 0) {
        if (unheard.length < KEPT_UNHEARD) unheard.push(line);
        return;
      }
      for (const listener of listeners) listener(line);
    },
    onNotice(listener) {
      listeners.add(listener);
      for (const line of unheard.splice(0)) listener(line);
      return () => listeners.delete(listener);
    },
  };
}

/** A notice as the screens show it: a sentence (adapters word it to follow "warning: "), any endpoint password hidden. */
export function noticeSentence(line: string): string {
  const text = redactUserinfo(line).trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
