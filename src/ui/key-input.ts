import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { createKeyReader, ESCAPE_TIMEOUT_MS, type KeyEvent } from './key-sequences.js';

export type { KeyEvent } from './key-sequences.js';

export interface KeyPressOptions {
  /** While false, keys are not read (and raw mode is not asked for). */
  isActive?: boolean;
  escapeTimeoutMs?: number;
}

/**
 * Ink's `useInput`, with the app's own reading of the bytes (see `parseKeys`): a lone Esc waits
 * a few milliseconds for the rest of a sequence, `ESC ESC` is two presses, a burst of keys is
 * split into presses and a paste stays one. The handler is called once per press; it may change
 * on every render without re-subscribing.
 */
export function useKeyPresses(handler: (event: KeyEvent) => void, options: KeyPressOptions = {}): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  const isActive = options.isActive !== false;
  const timeoutMs = options.escapeTimeoutMs ?? ESCAPE_TIMEOUT_MS;
  const handlerRef = useRef(handler);
  handlerRef.current = handler;

  useEffect(() => {
    if (!isActive) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isActive, setRawMode]);

  useEffect(() => {
    if (!isActive) return;
    const reader = createKeyReader((event) => handlerRef.current(event), timeoutMs);
    // Ink emits what it read from stdin, cut at its own idea of key boundaries; joined, the
    // pieces are the bytes as read, which is what the reader wants.
    const onInput = (bytes: string) => reader.push(bytes);
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
      reader.dispose();
    };
  }, [events, isActive, timeoutMs]);
}
