// The demo's local S3 server: s3rver (a fake S3 written in JavaScript, so it runs on any OS),
// seeded with scripts/demo/seed-plan.mjs and listening on a free port of 127.0.0.1.
//
// Started by launch.mjs as a child process with `--openssl-legacy-provider`: s3rver builds its
// ListObjectsV2 continuation tokens with DES, which Node 17+ only offers through OpenSSL's legacy
// provider (without it every listing longer than 1,000 keys fails with 500).
//
// usage: node --openssl-legacy-provider s3-server.mjs DATA_DIR [DIR_TO_REMOVE_IF_ORPHANED...]
// Reports over the IPC channel: { type: 'ready', port, buckets, objects, seedMs } or
// { type: 'failed', message }. Takes { type: 'app', pid }. If the launcher disappears without
// stopping us (kill -9), the server ends the app, removes the directories named after DATA_DIR
// (the launcher's temporary files) and exits.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import S3rver from 's3rver';
import { demoBuckets, demoFolders, demoObjects } from './seed-plan.mjs';

const [dataDir, ...orphanDirs] = process.argv.slice(2);

function send(message) {
  if (process.connected) process.send(message);
}

let appPid; // told by the launcher once the app runs
process.on('message', (message) => {
  if (message?.type === 'app') appPid = message.pid;
});
process.on('disconnect', () => {
  // The launcher is gone without stopping us: end the app too (it restores the terminal on
  // SIGTERM) rather than leave it talking to a server that is no more, then remove the files.
  if (appPid) {
    try {
      process.kill(appPid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (const dir of orphanDirs) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => process.exit(0));

try {
  if (!dataDir) throw new Error('usage: s3-server.mjs DATA_DIR [DIR_TO_REMOVE_IF_ORPHANED...]');
  checkDes();
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dataDir,
    silent: true,
    // Path-style only: requests name the bucket in the path, never in the Host header.
    vhostBuckets: false,
  });
  const started = performance.now();
  const { buckets, objects } = seed(server.store);
  const seedMs = Math.round(performance.now() - started);
  const { port } = await server.run();
  send({ type: 'ready', port, buckets, objects, seedMs });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (process.connected) {
    process.send({ type: 'failed', message }, () => process.exit(1));
  } else {
    process.stderr.write(`s3-server: ${message}\n`);
    process.exit(1);
  }
}

/** s3rver pages long listings with DES tokens: fail now, clearly, rather than with a 500 later. */
function checkDes() {
  try {
    createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
  } catch {
    throw new Error(
      'this Node.js cannot use DES (needed by s3rver to page long listings); run the server with --openssl-legacy-provider',
    );
  }
}

/**
 * Writes the objects straight into s3rver's file store, in the layout its own PUT handler writes
 * (the object, its MD5 and its metadata), using the store's own path mapping. Through HTTP,
 * s3rver takes 3 ms or more per PUT whatever the concurrency (9-15 s for the 3,000 logs);
 * this takes a fraction of a second.
 *
 * A folder that holds only folders (customer-exports/invoices/, app-logs/2026/) also gets a
 * zero-byte "folder marker" object, the key ending in "/" that the S3 console's "Create folder"
 * makes: s3rver's delimiter listing reports a folder only when an object sits directly in it, so
 * without a marker such a folder would be missing from its parent's listing. The app drops the
 * marker of the folder it lists, as it does on AWS.
 */
function seed(store) {
  const objects = demoObjects();
  const folders = demoFolders(objects);
  const buckets = demoBuckets(objects);
  for (const bucket of buckets) mkdirSync(store.getBucketPath(bucket), { recursive: true });

  const markerTime = new Date('2026-01-01T00:00:00Z');
  const holdsObjects = new Set(objects.map(({ bucket, key }) => `${bucket}/${key.slice(0, key.lastIndexOf('/') + 1)}`));
  const files = [
    ...folders
      .filter(({ bucket, prefix }) => !holdsObjects.has(`${bucket}/${prefix}`))
      .map(({ bucket, prefix }) => ({
        bucket,
        key: prefix,
        contentType: 'application/x-directory',
        modified: markerTime,
        body: () => Buffer.alloc(0),
      })),
    ...objects,
  ];
  // Plain synchronous calls: nothing is listening yet, and on a busy machine they beat a few
  // thousand round trips through libuv's thread pool by a factor of two to three.
  const directories = new Set();
  for (const file of files) {
    const objectPath = store.getResourcePath(file.bucket, file.key, 'object');
    const directory = dirname(objectPath);
    if (!directories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      directories.add(directory);
    }
    const body = file.body();
    writeFileSync(objectPath, body);
    writeFileSync(
      store.getResourcePath(file.bucket, file.key, 'object.md5'),
      createHash('md5').update(body).digest('hex'),
    );
    writeFileSync(
      store.getResourcePath(file.bucket, file.key, 'metadata.json'),
      JSON.stringify({ 'content-type': file.contentType }),
    );
    utimesSync(objectPath, file.modified, file.modified);
  }
  return { buckets: buckets.length, objects: objects.length };
}
