/** Short walks through the app that several component tests start from. */
import type { StartOptions } from '../../src/state/app-state.js';
import type { FakeServices } from './fakes.js';
import { type AppHarness, KEY, renderApp } from './ink.js';
import { world } from './world.js';

export const Q1_FOLDER: StartOptions = { profile: 'dev', bucket: 'customer-exports', prefix: 'invoices/2026/' };
export const Q1_KEY = 'invoices/2026/2026-q1.pdf';

/** Opens invoices/2026/ and picks 2026-q1.pdf (the third row): the expiry input is on screen. */
export async function openExpiry(
  services: FakeServices = world(),
  app: AppHarness = renderApp(services, Q1_FOLDER),
): Promise<AppHarness> {
  await app.waitFor('2 objects · 1 folder');
  await app.press(KEY.down, KEY.down, KEY.enter);
  await app.waitFor(`Object   s3://customer-exports/${Q1_KEY}`);
  return app;
}

/** Replaces the expiry text with `text` and presses Enter. */
export async function submitExpiry(app: AppHarness, text: string): Promise<void> {
  // The field is prefilled; erase what is there first (one Backspace per character shown).
  const current = expiryText(app.frame()) ?? '';
  for (let i = 0; i < [...current].length; i += 1) await app.press(KEY.backspace);
  await app.waitFor((f) => expiryText(f) === '');
  if (text !== '') await app.press(text);
  await app.press(KEY.enter);
}

/** The text in the expiry field (the cursor block is a blank once colours are stripped). */
export function expiryText(frame: string): string | undefined {
  return /Expires in \(hours\):(.*)$/m.exec(frame)?.[1]?.trim();
}

/** Goes all the way to the result screen with `hours`. */
export async function openResult(
  services: FakeServices = world(),
  hours = '24',
  app: AppHarness = renderApp(services, Q1_FOLDER),
): Promise<AppHarness> {
  await openExpiry(services, app);
  await submitExpiry(app, hours);
  await app.waitFor('GET link to');
  return app;
}
