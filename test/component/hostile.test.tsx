import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { discovery, FakeProfileSource } from '../support/fakes.js';
import { openExpiry, submitExpiry } from '../support/flows.js';
import { markedLine } from '../support/highlight.js';
import { lineWith, renderApp } from '../support/ink.js';
import { world } from '../support/world.js';

vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

describe('hostile text on the profile list', () => {
  test('regions and endpoints are escaped, endpoint passwords hidden, columns aligned by display width', async () => {
    const profiles = new FakeProfileSource(
      discovery([
        { name: 'plain', region: 'eu-west-1', kind: 'keys' },
        { name: 'zw\u200b\u200bname', region: 'us\u001b]52;c;aGk=\u0007', kind: 'keys' },
        { name: 'ファイル', kind: 'keys', endpointUrl: 'http://admin:hunter2@host:9000' },
      ]),
    );
    const app = renderApp(world({ profiles }));
    const frame = await app.waitFor('3 of 3 profiles');
    expect(frame).not.toMatch(/\u001b\]52|hunter2|admin/);
    expect(lineWith(frame, 'zw')).toContain('zw\\u200b\\u200bname');
    expect(lineWith(frame, 'zw')).toContain('us\\e]52;c;aGk=\\x07');
    expect(lineWith(frame, 'ファイル')).toContain('http://…@host:9000');
    // The region column starts at the same terminal column on every row.
    const column = (line: string | undefined, text: string) => {
      if (line === undefined) throw new Error(`no row with ${text}`);
      const before = line.slice(0, line.indexOf(text));
      return [...before].reduce((width, char) => width + (/[\u3000-\u9fff]/.test(char) ? 2 : 1), 0);
    };
    const plain = column(lineWith(frame, 'plain'), 'eu-west-1');
    expect(column(lineWith(frame, 'zw'), 'us\\e')).toBe(plain);
    expect(column(lineWith(frame, 'ファイル'), '(no region)')).toBe(plain);
  });

  test('the filter highlights the matched characters of the escaped name, not the escapes', async () => {
    const profiles = new FakeProfileSource(
      discovery([
        { name: 'zw\u200b\u200bname', kind: 'keys' },
        { name: 'c\u001be-x', kind: 'keys' },
        { name: '🧾c-e-x', kind: 'keys' },
        { name: 'plain', kind: 'keys' },
      ]),
    );
    const app = renderApp(world({ profiles }));
    await app.waitFor('4 of 4 profiles');
    await app.press('n', 'a', 'm', 'e');
    await app.waitFor('1 match · 4 profiles');
    expect(markedLine(app.lastFrame(), 'zw')).toMatch(/^ ❯ zw\\u200b\\u200b\[name\] +\(no region\)/);
    await app.press('\u0015', 'c', 'e', 'x');
    await app.waitFor('2 matches · 4 profiles');
    expect(markedLine(app.lastFrame(), 'c\\e')).toMatch(/^ [❯ ] \[c\]\\e\[e\]-\[x\] +\(no region\)/);
    expect(markedLine(app.lastFrame(), '🧾')).toMatch(/^ [❯ ] 🧾\[c\]-\[e\]-\[x\] +\(no region\)/);
  });

  test('a 1 MB paste into a filter is cut at 1,024 characters at once, with a message; the field shows its end', async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    const started = Date.now();
    await app.press(`${'q'.repeat(1024 * 1024 - 4)}tail`);
    const frame = await app.waitFor('A filter is at most 1024 characters');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(frame).toContain('no match · 3 profiles');
    expect(frame).toMatch(/filter: …q+▏/);
    // More text is refused as well, and says so again.
    await app.press('more');
    await app.waitFor('A filter is at most 1024 characters');
  });
});

describe('the upload line', () => {
  test("quotes a URL holding ' for POSIX shells", async () => {
    const url = "http://o'brien.example:9000/b/k?X-Amz-Signature=abc";
    const app = await openExpiry(world({ s3: { urlFor: () => url } }));
    await app.press('\t', '\t');
    await app.waitFor('● upload (PUT)');
    await submitExpiry(app, '1');
    const frame = await app.waitFor('Upload with:');
    expect(frame).toContain(`curl -T FILE 'http://o'\\''brien.example:9000/b/k?X-Amz-Signature=abc'`);
  });
});
