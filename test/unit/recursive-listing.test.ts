import { describe, expect, it } from 'vitest';
import type { ListPage, VersionPage } from '../../src/core/ports.js';
import { listEveryObject } from '../../src/core/recursive-listing.js';
import { findVersion } from '../../src/core/versions.js';
import { FakeS3, object } from '../support/fakes.js';

async function collect(source: (token?: string) => Promise<ListPage>) {
  const pages = [];
  for await (const page of listEveryObject(source)) pages.push(page.map((o) => o.key));
  return pages;
}

describe('listEveryObject', () => {
  it('pages through every object under the prefix, at any depth, in key order, without folder markers', async () => {
    const s3 = new FakeS3(
      {
        '*': [
          {
            name: 'bkt',
            objects: [
              object('logs/b/2.log'),
              object('logs/a.log'),
              object('logs/b/', 0),
              object('logs/b/c/d/3.log'),
              object('logs-old/x.log'),
              object('top.txt'),
            ],
          },
        ],
      },
      { pageSize: 2 },
    );
    const session = s3.connect({ profile: 'p' });
    const pages = await collect((token) => session.listPageRecursive('bkt', 'logs/', token));
    expect(pages).toEqual([['logs/a.log'], ['logs/b/2.log', 'logs/b/c/d/3.log']]);
    expect(s3.callsOf('listPageRecursive').map((c) => c.args[2])).toEqual([undefined, 'page-token:tree:bkt/logs/:2']);
  });

  it('stops with an error when the server hands back a token it gave before', async () => {
    const page = (n: number, next?: string): ListPage => ({
      folders: [],
      objects: [object(`k${n}`)],
      ...(next ? { nextToken: next } : {}),
    });
    const answers = [page(1, 'A'), page(2, 'B'), page(3, 'A'), page(4)];
    let calls = 0;
    const yielded: string[][] = [];
    const listing = (async () => {
      for await (const objects of listEveryObject(() => Promise.resolve(answers[calls++] as ListPage)))
        yielded.push(objects.map((o) => o.key));
    })();
    await expect(listing).rejects.toThrow('The server sent the same continuation token twice');
    // The pages before the repeat were handed out; nothing after it was asked for.
    expect(yielded).toEqual([['k1'], ['k2'], ['k3']]);
    expect(calls).toBe(3);
  });
});

describe('findVersion', () => {
  it('pages until the version turns up, and answers undefined when the key has no such version', async () => {
    const pages: Record<string, VersionPage> = {
      first: { versions: [{ key: 'k', versionId: 'v3', isLatest: true, deleteMarker: true }], nextToken: 't1' },
      t1: { versions: [{ key: 'k', versionId: 'v2', isLatest: false, deleteMarker: false, size: 4 }] },
    };
    const source = (token?: string) => Promise.resolve(pages[token ?? 'first'] as VersionPage);
    expect(await findVersion(source, 'v2')).toMatchObject({ versionId: 'v2', size: 4 });
    expect(await findVersion(source, 'v3')).toMatchObject({ deleteMarker: true });
    expect(await findVersion(source, 'v9')).toBeUndefined();
  });

  it('stops on a repeated token', async () => {
    const page: VersionPage = { versions: [], nextToken: 'same' };
    await expect(findVersion(() => Promise.resolve(page), 'v1')).rejects.toThrow(/same continuation token twice/);
  });
});
