/** The TUI proves each link before showing it, and says what the recipient gets before signing. */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { openExpiry, openResult, Q1_FOLDER, submitExpiry } from '../support/flows.js';
import { KEY, renderApp } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
afterEach(() => cleanup());

describe('the result screen says what the check proved', () => {
  test('a good link: ✓ checked, with the HTTP status', async () => {
    const app = await openResult();
    const frame = await app.waitFor('✓ checked: the link answers (HTTP 206)');
    expect(app.services.s3.callsOf('checkLink')).toHaveLength(1);
    expect(frame).toContain('GET link to');
  });

  test('a link that fails its check leads with the reason, and the keys stay', async () => {
    const services = world({
      s3: {
        checkLink: () => ({
          ok: false,
          scope: 'link',
          status: 403,
          problem: {
            code: 'archived',
            message:
              'The object is in GLACIER and not restored: the link answers 403 InvalidObjectState until a restore.',
          },
        }),
      },
    });
    const app = await openResult(services);
    const frame = await app.waitFor('✗ The object is in GLACIER');
    expect(frame.indexOf('✗ The object is in GLACIER')).toBeLessThan(frame.indexOf('GET link to'));
    expect(frame).not.toContain('✓ checked');
    expect(frame).toMatch(/c copy/);
  });

  test('an object gone after listing: n lists the folder afresh', async () => {
    const services = world({
      s3: {
        checkLink: () => ({
          ok: false,
          scope: 'link',
          status: 404,
          problem: { code: 'object-gone', message: 'The object does not exist (deleted after it was listed?).' },
        }),
      },
    });
    const app = await openResult(services);
    await app.waitFor('✗ The object does not exist');
    const listings = services.s3.callsOf('listPage').length;
    await app.press('n');
    await app.waitFor('2 objects · 1 folder');
    expect(services.s3.callsOf('listPage').length).toBeGreaterThan(listings);
  });
});

describe('--no-check', () => {
  test('the result shows the link without fetching it, and says nothing about a check', async () => {
    const services = world();
    const app = renderApp(services, { ...Q1_FOLDER, noCheck: true });
    await app.waitFor('2 objects · 1 folder');
    await app.press(KEY.down, KEY.down, KEY.enter);
    await app.waitFor('Expires in (hours)');
    await app.press(KEY.enter);
    const frame = await app.waitFor('GET link to');
    expect(frame).not.toContain('checked');
    expect(services.s3.callsOf('presign')).toHaveLength(1);
    expect(services.s3.callsOf('checkLink')).toHaveLength(0);
  });
});

describe('the expiry screen says what the recipient gets', () => {
  test('size, date and storage class from HeadObject, while the screen is open', async () => {
    const app = await openExpiry();
    const frame = await app.waitFor(/Shares {3}2\.4 MB · .*STANDARD/);
    expect(frame).toContain('Expires in (hours):');
  });

  test('an upload link for an existing key warns what it replaces', async () => {
    const app = await openExpiry();
    await app.press('\t', '\t');
    await app.waitFor('● upload (PUT)');
    await app.waitFor(/An upload replaces s3:\/\/customer-exports\/invoices\/2026\/2026-q1\.pdf \(2\.4 MB/);
    await submitExpiry(app, '1');
    await app.waitFor('Upload with:');
  });
});
