/** Bytes a terminal sends for named keys (xterm, normal cursor mode): the one table for every driver. */
export const Key = {
  Enter: '\r',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  PageUp: '\x1b[5~',
  PageDown: '\x1b[6~',
  Esc: '\x1b',
  Backspace: '\x7f',
  Tab: '\t',
  CtrlC: '\x03',
  CtrlN: '\x0e',
  CtrlP: '\x10',
} as const;

export type KeyName = keyof typeof Key;
