/**
 * The hostile-input figures (`npm run bench -- --only hostile`): 100,000 buckets from a loopback
 * impostor (scripts/bench/bucket-server.ts) listed and scrolled, Ctrl-C while they arrive and once
 * they are shown, and Ctrl-C after a 1 MB paste into the bucket filter. Each session is the built
 * app in a pty, as in the other figures.
 */
import { join } from 'node:path';
import { homeEnvironment, homeWithProfiles } from '../../test/support/aws-home.js';
import { Key } from '../../test/support/terminal/keys.js';
import { PtySession } from '../../test/support/terminal/pty-session.js';
import { bucketName, startBucketServer, type BucketServer } from './bucket-server.js';
import { sample, type Info, type Row, type Sample } from './measure.js';

const COUNT = 100_000;
const SHOWN = `${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} buckets`;
const PASTE_BYTES = 1024 * 1024;
/** How long each ListBuckets page is held back per 1,000 buckets in the Ctrl-C-while-listing sessions. */
const SLOW_MS_PER_1000 = 30;
/** Ctrl-C comes once this many buckets have been sent there. */
const QUIT_AFTER = 40_000;
const PROFILE = 'bench-many';

export interface HostileSettings {
  node: string;
  cli: string;
  cwd: string;
  runs: number;
  log: (line: string) => void;
}

interface Times {
  listed: number[];
  end: number[];
  up: number[];
  quitShown: number[];
  quitPaging: number[];
  quitPaste: number[];
  pasteRefused: number[];
  quitAfterRefusal: number[];
  lookups: number[];
  lookupsAtOnce: number[];
}

export async function hostileFigures(settings: HostileSettings): Promise<{ rows: Row[]; info: Info[] }> {
  const server = await startBucketServer(COUNT);
  const home = homeWithProfiles(
    { endpoint: server.endpoint, accessKeyId: 'AKIDBENCHMANY', secretAccessKey: 'bench-secret', region: 'us-east-1' },
    [{ name: PROFILE }],
  );
  let sessions = 0;
  // Each session starts with no bucket regions remembered, so it looks up those it shows.
  const launch = () =>
    new PtySession(settings.node, [settings.cli, '--profile', PROFILE], {
      env: { ...homeEnvironment(home), XDG_CACHE_HOME: join(home.path, `cache-${(sessions += 1)}`) },
      cwd: settings.cwd,
      cols: 100,
      rows: 30,
    });
  const times: Times = {
    listed: [],
    end: [],
    up: [],
    quitShown: [],
    quitPaging: [],
    quitPaste: [],
    pasteRefused: [],
    quitAfterRefusal: [],
    lookups: [],
    lookupsAtOnce: [],
  };
  const warmups = 1;
  settings.log(
    `hostile input: ${warmups} warm-up + ${settings.runs} rounds of 4 sessions with ${COUNT.toLocaleString('en-US')} buckets`,
  );
  try {
    for (let round = 0; round < warmups + settings.runs; round += 1) {
      const keep = round >= warmups;
      const record = (name: keyof Times, value: number) => keep && times[name].push(value);
      await listAndScroll(launch, server, record);
      await quitWhilePaging(launch, server, record);
      await quitAfterPaste(launch, server, record, false);
      await quitAfterPaste(launch, server, record, true);
    }
  } finally {
    home.remove();
    await server.close();
  }
  return report(times);
}

/** The MaxBuckets the app sent. */
let pageSize = '';

type Record = (name: keyof Times, value: number) => void;

async function listAndScroll(launch: () => PtySession, server: BucketServer, record: Record): Promise<void> {
  server.reset();
  const term = launch();
  try {
    const { at: shown } = await term.waitForMatch(SHOWN, 60_000, `“${SHOWN}”`);
    const sent = server.lastPageSentAt;
    if (sent === undefined) throw new Error('the list was on screen before its last page was sent');
    record('listed', shown - sent);
    const key = async (bytes: string, name: string, name2: string) => {
      await term.quiet(150, 5000);
      const at = term.write(bytes);
      const { at: drawn } = await term.waitForMatch(`❯ ${name}`, 10_000, `the cursor on ${name}`);
      if (term.screen().includes(`❯ ${name2}`)) throw new Error('two cursors');
      return drawn - at;
    };
    record('end', await key(Key.End, bucketName(COUNT - 1), bucketName(0)));
    record('up', await key(Key.Up, bucketName(COUNT - 2), bucketName(COUNT - 1)));
    await term.quiet(300, 5000);
    record('lookups', server.regionLookups);
    record('lookupsAtOnce', server.maxLookupsInFlight);
    pageSize = server.pageSizeAsked ?? 'none (unpaginated)';
    record('quitShown', await quit(term));
  } finally {
    await term.dispose();
  }
}

async function quitWhilePaging(launch: () => PtySession, server: BucketServer, record: Record): Promise<void> {
  server.reset(SLOW_MS_PER_1000);
  const term = launch();
  try {
    // Mid-listing: the app is reading the page that was just sent.
    await server.sentReached(QUIT_AFTER, 60_000);
    if (server.lastPageSentAt !== undefined) throw new Error('the whole list was sent before Ctrl-C');
    record('quitPaging', await quit(term));
  } finally {
    await term.dispose();
  }
}

async function quitAfterPaste(
  launch: () => PtySession,
  server: BucketServer,
  record: Record,
  waitForRefusal: boolean,
): Promise<void> {
  server.reset();
  const term = launch();
  try {
    await term.waitForMatch(SHOWN, 60_000, `“${SHOWN}”`);
    await term.quiet(300, 5000);
    const pasted = term.write('x'.repeat(PASTE_BYTES));
    if (waitForRefusal) {
      const { at } = await term.waitForMatch('A filter is at most 1024 characters', 30_000, 'the paste refused');
      record('pasteRefused', at - pasted);
      record('quitAfterRefusal', await quit(term));
    } else record('quitPaste', await quit(term));
  } finally {
    await term.dispose();
  }
}

/** Writes Ctrl-C; the time from the write to the pty reporting the app's exit (which must be 130). */
async function quit(term: PtySession): Promise<number> {
  const sent = term.write(Key.CtrlC);
  const exit = await term.waitForExit(10_000);
  if (exit.exitCode !== 130 || exit.signal) throw new Error(`Ctrl-C ended the app with ${JSON.stringify(exit)}`);
  return (term.exitedAt as number) - sent;
}

function report(times: Times): { rows: Row[]; info: Info[] } {
  const count = COUNT.toLocaleString('en-US');
  const s = (values: number[]) => sample(values);
  const ms = (what: string, values: number[], max: number, id: string): Row => ({
    id,
    what,
    value: s(values),
    unit: 'ms',
    target: { kind: 'absolute', max, strict: true },
  });
  const rows = [
    ms(
      `${count} buckets (paged ListBuckets, no regions): last page sent by the server → “${SHOWN}” on screen`,
      times.listed,
      2000,
      'h1',
    ),
    ms(`End in that list: key written → cursor on the last bucket redrawn`, times.end, 2000, 'h2'),
    ms(`then Up: key written → cursor on the bucket before it redrawn`, times.up, 2000, 'h3'),
    ms(
      `Ctrl-C while the ${count} buckets arrive (once ${QUIT_AFTER.toLocaleString('en-US')} are sent, each page held ${SLOW_MS_PER_1000} ms per 1,000): key written → process exit`,
      times.quitPaging,
      200,
      'h4',
    ),
    ms(`Ctrl-C with all ${count} buckets on screen: key written → process exit`, times.quitShown, 200, 'h5'),
    ms(
      `Ctrl-C right after a 1 MB paste into the bucket filter (${count} buckets shown; the key queued behind the paste): key written → process exit`,
      times.quitPaste,
      200,
      'h6',
    ),
  ];
  const spread = (v: Sample) =>
    `median ${v.median.toFixed(1)} ms, min ${v.min.toFixed(1)} ms, p90 ${v.p90.toFixed(1)} ms, max ${v.max.toFixed(1)} ms (${v.values.length} runs)`;
  const info: Info[] = [
    { what: `${count} buckets: last page sent → on screen`, value: spread(s(times.listed)) },
    { what: `End / Up in ${count} buckets`, value: `${spread(s(times.end))} / ${spread(s(times.up))}` },
    {
      what: 'region lookups (HeadBucket) in a session that shows the first and the last screenful',
      value: `median ${s(times.lookups).median}, max ${s(times.lookups).max}; at most ${s(times.lookupsAtOnce).max} at once`,
    },
    { what: 'ListBuckets page size the app asks for (MaxBuckets)', value: pageSize },
    { what: 'Ctrl-C while pages arrive → exit', value: spread(s(times.quitPaging)) },
    { what: `Ctrl-C with ${count} buckets shown → exit`, value: spread(s(times.quitShown)) },
    { what: '1 MB paste, Ctrl-C right behind it → exit', value: spread(s(times.quitPaste)) },
    {
      what: '1 MB paste written → “A filter is at most 1024 characters” on screen',
      value: spread(s(times.pasteRefused)),
    },
    { what: 'Ctrl-C once that message is shown → exit', value: spread(s(times.quitAfterRefusal)) },
  ];
  return { rows, info };
}
