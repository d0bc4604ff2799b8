// What `npm run demo` puts in its local S3 server: three buckets with nested folders, keys with
// spaces and non-ASCII characters, a folder of 3,000 log objects (several listing pages) and a few
// objects of several megabytes. Everything is generated from the key, so the bytes are the same on
// every run and a test can recompute what a presigned URL must return.
import { createHash } from 'node:crypto';

/** The two throw-away profiles, both pointing at the local server. */
export const DEMO_PROFILES = [
  { name: 'demo', region: 'us-east-1' },
  { name: 'demo-eu', region: 'eu-west-1' },
];

/** s3rver's built-in account; it checks the key id but not the signature. */
export const DEMO_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export const LOG_PREFIX = '2026/11/';
export const LOG_COUNT = 3000;

const TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  gz: 'application/gzip',
};

/**
 * Every object of the demo, in no particular order. `body()` builds the bytes on demand (the
 * backups are megabytes); `modified` becomes the object's Last-Modified.
 * @returns {Array<{ bucket: string, key: string, contentType: string, modified: Date, body: () => Buffer }>}
 */
export function demoObjects() {
  const objects = [];
  const add = (bucket, key, modified, body) => {
    const extension = key.slice(key.lastIndexOf('.') + 1);
    objects.push({
      bucket,
      key,
      contentType: TYPES[extension] ?? 'application/octet-stream',
      modified: new Date(modified),
      body,
    });
  };

  // customer-exports: nested folders (invoices/ holds only folders), spaces, umlauts, accents, kana.
  const invoice = (key, title, date, amount) =>
    add('customer-exports', key, date, () =>
      pdf([title, `Datum / date: ${date.slice(0, 10)}`, `Betrag / amount: ${amount} EUR`]),
    );
  add('customer-exports', 'README.txt', '2026-01-05T09:00:00Z', () =>
    text('Demo bucket for s3share-tui: invoices, reports and exports with awkward names.\n'),
  );
  invoice('invoices/2025/2025-q4.pdf', 'Invoice 2025 Q4', '2026-01-03T10:12:00Z', '18,400.00');
  invoice('invoices/2025/Rechnung Dezember 2025.pdf', 'Rechnung Dezember 2025', '2026-01-02T08:30:00Z', '6,120.50');
  invoice('invoices/2026/2026-q1.pdf', 'Invoice 2026 Q1', '2026-04-02T09:14:00Z', '21,730.00');
  add('customer-exports', 'invoices/2026/2026-q1-summary.csv', '2026-04-02T09:15:00Z', () => csv(120, 'q1'));
  invoice('invoices/2026/2026-q2.pdf', 'Invoice 2026 Q2', '2026-07-01T11:02:00Z', '19,004.20');
  invoice('invoices/2026/2026-q3.pdf', 'Invoice 2026 Q3', '2026-10-01T10:45:00Z', '23,315.75');
  invoice('invoices/2026/Rechnung März.pdf', 'Rechnung März 2026', '2026-03-31T16:20:00Z', '7,480.00');
  invoice('invoices/2026/facture août.pdf', 'Facture août 2026', '2026-08-31T14:05:00Z', '3,210.90');
  invoice('invoices/2026/drafts/2026-q4 draft.pdf', 'Invoice 2026 Q4 (draft)', '2026-11-20T17:40:00Z', '—');
  invoice('invoices/2026/drafts/Entwurf Übersicht.pdf', 'Entwurf Übersicht', '2026-11-21T08:05:00Z', '—');
  add('customer-exports', 'reports/レポート.csv', '2026-11-02T03:00:00Z', () =>
    text('顧客,地域,売上\n株式会社サンプル,東京,1200000\n有限会社テスト,大阪,830000\n'),
  );
  add('customer-exports', 'reports/月次レポート 2026-10.csv', '2026-11-01T03:00:00Z', () => csv(40, '月次'));
  invoice('reports/annual report 2025.pdf', 'Annual report 2025', '2026-02-15T12:00:00Z', '—');
  add('customer-exports', 'exports/clients 2026-11.csv', '2026-11-27T22:00:00Z', () => csv(800, 'client'));
  add('customer-exports', 'exports/données clientèle.json', '2026-11-27T22:05:00Z', () =>
    text(
      `${JSON.stringify({ exporté: '2026-11-27', clients: [{ nom: 'Société Générale Démo', ville: 'Zürich' }] }, null, 2)}\n`,
    ),
  );
  add('customer-exports', 'exports/Q&A #3 (50% off) + notes.txt', '2026-11-27T22:10:00Z', () =>
    text('A key with &, #, %, parentheses and + in it.\n'),
  );

  // app-logs: 2026/ holds only folders; 2026/11/ holds 3,000 objects (three listing pages).
  const october = Date.parse('2026-10-25T00:00:00Z');
  for (let i = 0; i < 60; i += 1) {
    const at = new Date(october + i * 2 * 3600_000);
    add('app-logs', `2026/10/${logName(at)}`, at.getTime() + 3600_000, () => logLines(at, 4 + (i % 5)));
  }
  const november = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < LOG_COUNT; i += 1) {
    const at = new Date(november + i * 13 * 60_000);
    add('app-logs', `${LOG_PREFIX}${logName(at)}`, at.getTime() + 13 * 60_000, () => logLines(at, 2 + (i % 12)));
  }

  // backups: a few objects of several megabytes, so sizes show MB.
  add('backups', 'restore-notes.md', '2026-09-01T08:00:00Z', () =>
    text('# Restoring\n\n1. Download the newest dump.\n2. `pg_restore --clean` it.\n'),
  );
  add('backups', 'postgres/app-2026-11-27.dump.gz', '2026-11-27T02:10:00Z', () => noise('app-2026-11-27', 4_180_000));
  add('backups', 'postgres/app-2026-11-28.dump.gz', '2026-11-28T02:10:00Z', () => noise('app-2026-11-28', 4_215_500));
  add('backups', 'site/uploads-2026-11.tar.gz', '2026-11-01T04:00:00Z', () => noise('uploads-2026-11', 2_618_000));
  return objects;
}

/** The buckets, in the order the demo creates them. */
export function demoBuckets(objects = demoObjects()) {
  return [...new Set(objects.map((object) => object.bucket))];
}

/**
 * Every folder the keys imply, e.g. "invoices/" and "invoices/2026/" for "invoices/2026/a.pdf".
 * @returns {Array<{ bucket: string, prefix: string }>}
 */
export function demoFolders(objects = demoObjects()) {
  const seen = new Set();
  const folders = [];
  for (const { bucket, key } of objects) {
    for (let cut = key.indexOf('/'); cut !== -1; cut = key.indexOf('/', cut + 1)) {
      const prefix = key.slice(0, cut + 1);
      if (seen.has(`${bucket}/${prefix}`)) continue;
      seen.add(`${bucket}/${prefix}`);
      folders.push({ bucket, prefix });
    }
  }
  return folders;
}

/** The bytes of one demo object (as a test would recompute them). */
export function demoBody(bucket, key) {
  const object = demoObjects().find((o) => o.bucket === bucket && o.key === key);
  if (!object) throw new Error(`no demo object s3://${bucket}/${key}`);
  return object.body();
}

function text(value) {
  return Buffer.from(value, 'utf8');
}

function logName(at) {
  return `api-${at.toISOString().slice(0, 16).replace(':', '-')}Z.log`;
}

function logLines(at, count) {
  const paths = ['/v1/orders', '/v1/customers', '/v1/invoices/export', '/healthz', '/v1/reports'];
  let out = '';
  for (let i = 0; i < count; i += 1) {
    const when = new Date(at.getTime() + i * 17_000).toISOString();
    const path = paths[(at.getMinutes() + i) % paths.length];
    const status = i % 23 === 22 ? 500 : i % 7 === 6 ? 404 : 200;
    out += `${when} INFO api request method=GET path=${path} status=${status} duration_ms=${((i * 37) % 400) + 3}\n`;
  }
  return text(out);
}

function csv(rows, label) {
  let out = 'id,name,amount\n';
  for (let i = 1; i <= rows; i += 1) out += `${i},${label} ${i},${((i * 7919) % 100000) / 100}\n`;
  return text(out);
}

/** Deterministic incompressible bytes (xorshift32 seeded from the name). */
function noise(name, size) {
  const words = new Uint32Array(Math.ceil(size / 4));
  let state = createHash('sha256').update(name).digest().readUInt32LE(0) || 1;
  for (let i = 0; i < words.length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state;
  }
  return Buffer.from(words.buffer, 0, size);
}

/** A minimal one-page PDF that viewers open, with a few lines of Latin-1 text. */
function pdf(lines) {
  const escape = (line) =>
    [...line]
      .map((char) => {
        const code = char.codePointAt(0) ?? 63;
        if (char === '(' || char === ')' || char === '\\') return `\\${char}`;
        if (code >= 32 && code < 127) return char;
        if (code >= 160 && code <= 255) return `\\${code.toString(8)}`;
        return char === '—' ? '-' : '?';
      })
      .join('');
  const stream = [
    'BT',
    '/F1 18 Tf',
    '72 760 Td',
    ...lines.flatMap((line, i) => [i === 0 ? '' : '0 -28 Td', `(${escape(line)}) Tj`]),
    'ET',
  ]
    .filter(Boolean)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
