/**
 * `o` for real: the built helper runs the `open` package, which runs xdg-open, which runs the
 * browser named by $BROWSER — here a script that records what it was given.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpener, launchHelper } from '../../src/adapters/opener.js';
import { PROJECT_ROOT } from '../support/app.js';

const HELPER = resolve(PROJECT_ROOT, 'dist/chunks/open-url.js');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 200 && !existsSync(path); i += 1) await new Promise((done) => setTimeout(done, 50));
  // The browser script writes in one go; a moment more for it to finish.
  await new Promise((done) => setTimeout(done, 50));
  return readFileSync(path, 'utf8');
}

describe('opening the URL in a browser', () => {
  it('reaches the browser with the URL whole and no AWS variable in its environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-open-'));
    dirs.push(dir);
    const record = join(dir, 'browser.txt');
    const browser = join(dir, 'browser');
    writeFileSync(
      browser,
      `#!/bin/sh\n{ printf 'url=%s\\n' "$1"; env; } > "${record}.tmp" && mv "${record}.tmp" "${record}"\n`,
    );
    chmodSync(browser, 0o755);
    const url = 'http://127.0.0.1:7480/b/k%20x.txt?X-Amz-Signature=abc&X-Amz-Expires=60';
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      DISPLAY: ':99',
      BROWSER: browser,
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'do-not-leak',
      AWS_SESSION_TOKEN: 'token-do-not-leak',
    };
    const outcome = await createOpener({ env, platform: 'linux', launch: launchHelper(HELPER) }).open(url);
    expect(outcome).toEqual({ ok: true, message: 'Opened in the default browser' });
    const seen = await waitForFile(record);
    expect(seen).toContain(`url=${url}\n`);
    expect(seen).toContain('DISPLAY=:99');
    expect(seen).not.toMatch(/^AWS_/m);
    expect(seen).not.toContain('do-not-leak');
  });
});
