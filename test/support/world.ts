/**
 * The accounts, profiles and objects most component tests start from.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Profile } from '../../src/core/ports.js';
import {
  discovery,
  FakeClipboard,
  FakeProfileSource,
  FakeS3,
  type FakeBucket,
  type FakeS3Options,
  type FakeServices,
  FixedClock,
  NOW,
  object,
} from './fakes.js';

export const PROFILES: Profile[] = [
  { name: 'dev', region: 'eu-west-1', kind: 'keys' },
  { name: 'prod', region: 'us-east-1', kind: 'sso' },
  { name: 'sandbox', kind: 'role', endpointUrl: 'http://127.0.0.1:7480' },
];

/** 2026-04-02T03:44Z is 09:14 in Asia/Kolkata, the time zone the tests run in. */
const APRIL = new Date('2026-04-02T03:44:00Z');

export const EXPORTS: FakeBucket = {
  name: 'customer-exports',
  region: 'eu-west-1',
  createdAt: new Date('2025-01-15T06:30:00Z'),
  objects: [
    object('a-notes.txt', 512, APRIL),
    object('empty/', 0, APRIL),
    object('invoices/2026/2026-q1.pdf', 2_400_000, APRIL),
    object('invoices/2026/2026-q1-summary.csv', 18_100, new Date('2026-04-02T03:45:00Z')),
    object('invoices/2026/drafts/draft-1.pdf', 1_000, APRIL),
    object('invoices/readme.txt', 700, APRIL),
    object('reports/annual.pdf', 3_000_000, APRIL),
    object('zz-last.bin', 5_000_000_000, APRIL),
  ],
};

/** 120 objects: three pages of 50, 50 and 20. */
const BIG: FakeBucket = {
  name: 'big-archive',
  region: 'us-east-2',
  objects: Array.from({ length: 120 }, (_, i) => object(`file-${String(i).padStart(3, '0')}.bin`, 1000 + i, APRIL)),
};

const EMPTY_BUCKET: FakeBucket = { name: 'nothing-here', region: 'eu-west-1', objects: [] };

/** Deliberately not in name order. */
export const BUCKETS: FakeBucket[] = [
  EXPORTS,
  { name: 'app-logs', region: 'us-east-1', createdAt: new Date('2024-06-01T00:00:00Z') },
  BIG,
  { name: 'backups', region: 'eu-central-1' },
  EMPTY_BUCKET,
];

export const PAGE_SIZE = 50;

export function world(
  parts: {
    profiles?: FakeProfileSource;
    accounts?: Record<string, FakeBucket[]>;
    s3?: Partial<FakeS3Options>;
    clipboard?: FakeClipboard;
  } = {},
): FakeServices {
  const clock = new FixedClock(NOW);
  return {
    profiles: parts.profiles ?? new FakeProfileSource(discovery(PROFILES)),
    s3: new FakeS3(parts.accounts ?? { '*': BUCKETS }, { pageSize: PAGE_SIZE, clock, ...parts.s3 }),
    clipboard: parts.clipboard ?? new FakeClipboard(),
    clock,
  };
}

/**
 * Runs the file's tests in a fixed time zone (restored afterwards), so local times on screen
 * are known: Asia/Kolkata is UTC+05:30 all year, far from UTC and free of daylight saving.
 */
export function inTimeZone(zone = 'Asia/Kolkata'): void {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
