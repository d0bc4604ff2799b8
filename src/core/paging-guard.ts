/**
 * A server that hands back a continuation token it gave before, or a page that brings nothing new
 * while saying there is more, would be asked again forever. Paging code keeps the tokens it has
 * sent and asks this before following the next one.
 */
export interface PageSeen {
  /** The token the server sent for the next page (undefined: the listing is complete). */
  nextToken: string | undefined;
  /** How many entries the page added that were not already listed. */
  newEntries: number;
}

export type PagingVerdict = { kind: 'done' } | { kind: 'next'; token: string } | { kind: 'repeat'; message: string };

export const REPEATING_PAGES_MESSAGE =
  'The server keeps sending the same page (a repeated continuation token): the listing stops here.';

export function nextPage(tokensSent: ReadonlySet<string>, page: PageSeen): PagingVerdict {
  if (page.nextToken === undefined || page.nextToken === '') return { kind: 'done' };
  if (tokensSent.has(page.nextToken) || page.newEntries === 0)
    return { kind: 'repeat', message: REPEATING_PAGES_MESSAGE };
  return { kind: 'next', token: page.nextToken };
}
