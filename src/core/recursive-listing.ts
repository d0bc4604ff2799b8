import { S3CallError, type ListPage, type ObjectSummary } from './ports.js';

/** One page of every object under a prefix, at any depth: S3Session.listPageRecursive. */
export type RecursivePageSource = (continuationToken?: string) => Promise<ListPage>;

/**
 * Every object under a prefix, page by page, in key order. The empty "folder markers" consoles
 * create (a zero-byte key ending in `/`) are not objects anyone shares and are left out. A server
 * that hands back a continuation token it gave before would page forever: that ends the listing
 * with an error instead.
 */
export async function* listEveryObject(nextPage: RecursivePageSource): AsyncGenerator<ObjectSummary[]> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await nextPage(token);
    yield page.objects.filter((object) => !(object.size === 0 && object.key.endsWith('/')));
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token))
        throw new S3CallError('The server sent the same continuation token twice: the listing stopped there.');
      seen.add(token);
    }
  } while (token !== undefined);
}
