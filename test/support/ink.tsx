/**
 * Driving the whole <App> in ink-testing-library: render with fake services, press keys, wait for
 * frames. No fixed sleeps: waits poll the last frame, and after each key the event loop gets a few
 * setImmediate turns so the next key reaches the re-rendered handler (ENVIRONMENT.md).
 */
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import type { StartOptions } from '../../src/state/app-state.js';
import { App, type AppExit } from '../../src/ui/app.js';
import type { FakeServices } from './fakes.js';
import { Key } from './terminal/keys.js';

export type Instance = ReturnType<typeof render>;

/**
 * What the app sees of the fake terminal: ink-testing-library's stdout reports 100 columns and no
 * `rows`, so src/ui/app.tsx falls back to 24 rows. Tests rely on this; `terminal size` tests
 * check it.
 */
export const TERMINAL = { columns: 100, rows: 24 } as const;

/** The keys by the names the component tests use (bytes from the one table, ./terminal/keys.ts). */
export const KEY = {
  up: Key.Up,
  down: Key.Down,
  pageUp: Key.PageUp,
  pageDown: Key.PageDown,
  home: Key.Home,
  end: Key.End,
  enter: Key.Enter,
  escape: Key.Esc,
  backspace: Key.Backspace,
  ctrlC: Key.CtrlC,
} as const;

export interface AppHarness extends Instance {
  onExit: ReturnType<typeof vi.fn<(exit: AppExit) => void>>;
  services: FakeServices;
  /** The last frame without colours. */
  frame(): string;
  /** The frame's lines, without colours and trailing blanks. */
  lines(): string[];
  press(...keys: string[]): Promise<void>;
  waitFor(expected: FrameMatch, timeoutMs?: number): Promise<string>;
}

export function renderApp(
  services: FakeServices,
  options: StartOptions = {},
  { stdoutCaptured = false } = {},
): AppHarness {
  const onExit = vi.fn<(exit: AppExit) => void>();
  const instance = render(
    <App services={services} options={options} stdoutCaptured={stdoutCaptured} onExit={onExit} />,
  );
  return {
    ...instance,
    onExit,
    services,
    frame: () => plain(instance.lastFrame()),
    lines: () => frameLines(instance.lastFrame()),
    press: (...keys: string[]) => press(instance, ...keys),
    waitFor: (expected: FrameMatch, timeoutMs?: number) => waitForFrame(instance, expected, timeoutMs),
  };
}

function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

function frameLines(frame: string | undefined): string[] {
  return plain(frame)
    .split('\n')
    .map((line) => line.trimEnd());
}

/**
 * Gives the fake terminal another size and tells the app, as a real terminal's SIGWINCH would.
 * (The app's resize listener is attached after the first render: call this once a frame shows.)
 */
export async function resize(instance: Instance, rows: number, columns: number): Promise<void> {
  Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
  Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
  instance.stdout.emit('resize');
  // Ink re-lays the old frame out at once; the app's own re-render follows a few turns later.
  await turns();
}

/** Lets pending promises, React's passive effects and Ink's escape-key flush run. */
export async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Writes each key on its own, as a person typing slowly would. */
async function press(instance: Instance, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    instance.stdin.write(key);
    await turns(5);
  }
}

/** Options for `expect.poll` on fakes and callbacks: as patient as `waitForFrame`. */
export const POLL = { timeout: 5000, interval: 5 } as const;

type FrameMatch = string | RegExp | ((frame: string) => boolean);

/**
 * Polls the last frame (colours stripped) until it contains the text, matches the pattern or
 * satisfies the predicate. Fails with the last frame when it does not within the timeout.
 */
async function waitForFrame(instance: Instance, expected: FrameMatch, timeoutMs = 5000): Promise<string> {
  const test = (frame: string): boolean =>
    typeof expected === 'string'
      ? frame.includes(expected)
      : expected instanceof RegExp
        ? expected.test(frame)
        : expected(frame);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = plain(instance.lastFrame());
    if (test(frame)) return frame;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${describe(expected)}. Last frame:\n${frame}`);
    }
    await turns(1);
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  }
}

function describe(expected: FrameMatch): string {
  if (typeof expected === 'string') return JSON.stringify(expected);
  if (expected instanceof RegExp) return String(expected);
  return expected.name ? `predicate ${expected.name}` : 'predicate';
}

/** The frame's words separated by single spaces, for text the terminal width may wrap. */
export function flat(frame: string): string {
  return frame.replace(/\s+/g, ' ').trim();
}

/** The line of the frame that contains `text` (trailing blanks trimmed). */
export function lineWith(frame: string, text: string): string | undefined {
  return frame
    .split('\n')
    .find((line) => line.includes(text))
    ?.trimEnd();
}

/** The selected row (the one with the cursor mark). */
export function cursorLine(frame: string): string | undefined {
  return frame
    .split('\n')
    .find((line) => line.startsWith(' ❯ '))
    ?.trimEnd();
}

/**
 * The rows of the list on screen, without the three-column cursor gutter: lines that start with
 * " ❯ " or three blanks and then text (the filter line, footer and other text start with two).
 */
export function listRows(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => /^( ❯ | {3})\S/.test(line))
    .map((line) => line.slice(3).trimEnd());
}

/** Index of each text's first line in the frame, to check the order of rows. */
export function lineIndexes(frame: string, texts: readonly string[]): number[] {
  const lines = frame.split('\n');
  return texts.map((text) => lines.findIndex((line) => line.includes(text)));
}
