/** Keys a terminal power user reaches for: sort, copy the s3:// URI, open in the browser; copies that were only sent. */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { CopyOutcome, Opener } from '../../src/core/ports.js';
import { FakeClipboard } from '../support/fakes.js';
import { openResult } from '../support/flows.js';
import { cursorLine, renderApp } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
afterEach(() => cleanup());

describe('sorting the object list', () => {
  test('s cycles name, date and size orders; folders stay first; the status line says which', async () => {
    const app = renderApp(world(), { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor(/objects · 3 folders/);
    await app.press('s');
    let frame = await app.waitFor('sorted by name, Z→A');
    expect(frame.indexOf('📁 reports/')).toBeLessThan(frame.indexOf('📁 empty/'));
    await app.press('s', 's', 's');
    frame = await app.waitFor(/sorted by size, largest first/);
    expect(frame.indexOf('📁 reports/')).toBeLessThan(frame.indexOf('zz-last.bin'));
    expect(frame.indexOf('zz-last.bin')).toBeLessThan(frame.indexOf('a-notes.txt'));
    expect(cursorLine(frame)).toContain('📁');
  });
});

describe('the result screen', () => {
  test('y copies the s3:// URI of the object', async () => {
    const app = await openResult();
    await app.press('y');
    await app.waitFor('Copied');
    expect(app.services.clipboard.copied).toEqual(['s3://customer-exports/invoices/2026/2026-q1.pdf']);
  });

  test('o opens the URL in the browser and says so; where none can start, it says why', async () => {
    const opened: string[] = [];
    const opener: Opener = {
      open: (url) => {
        opened.push(url);
        return Promise.resolve(
          opened.length === 1 ? { ok: true, message: 'Opened in the browser.' } : { ok: false, reason: 'no display' },
        );
      },
    };
    const app = await openResult({ ...world(), opener });
    await app.press('o');
    await app.waitFor('Opened in the browser.');
    expect(opened[0]).toMatch(/^https:\/\/customer-exports\./);
    await app.press('o');
    await app.waitFor('Not opened: no display');
  });

  test('a copy only sent to the terminal (OSC 52) says so instead of claiming it was copied', async () => {
    class SentOnly extends FakeClipboard {
      override copy(text: string): Promise<CopyOutcome> {
        this.copied.push(text);
        const message = 'Sent to the terminal (OSC 52); in tmux allow it with set -s set-clipboard on';
        return Promise.resolve({ ok: true, via: 'OSC 52', sentOnly: true, message });
      }
    }
    const app = await openResult({ ...world(), clipboard: new SentOnly() });
    await app.press('c');
    const frame = await app.waitFor('Sent to the terminal (OSC 52)');
    expect(frame).not.toContain('Copied');
  });
});
