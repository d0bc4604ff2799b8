import type { ReactNode } from 'react';

/** One way to draw a block: what it shows, its height in rows, and how soon it gives way. */
export interface Variant {
  node: ReactNode;
  rows: number;
  /** Higher gives way sooner, to a shorter variant or to nothing; `KEEP` never gives way. */
  rank: number;
}

export const KEEP = -1;

/** A part of a screen, in the order drawn, with its variants from the fullest to the shortest. */
export interface Block {
  key: string;
  variants: readonly Variant[];
}

/**
 * The blocks that fit `rows` rows, each at its fullest variant that does: while too tall, the
 * block whose variant has the highest rank steps down to its next variant, or leaves. Undefined
 * when the blocks that never give way do not fit on their own.
 */
export function fitBlocks(blocks: readonly Block[], rows: number): Array<Variant & { key: string }> | undefined {
  const chosen = blocks.map(() => 0);
  const height = () => blocks.reduce((sum, block, i) => sum + (block.variants[chosen[i] ?? 0]?.rows ?? 0), 0);
  while (height() > rows) {
    let worst = -1;
    blocks.forEach((block, i) => {
      const variant = block.variants[chosen[i] ?? 0];
      if (!variant || variant.rank === KEEP) return;
      const current = worst === -1 ? undefined : blocks[worst]?.variants[chosen[worst] ?? 0];
      if (!current || variant.rank > current.rank) worst = i;
    });
    if (worst === -1) return undefined;
    chosen[worst] = (chosen[worst] ?? 0) + 1;
  }
  return blocks.flatMap((block, i) => {
    const variant = block.variants[chosen[i] ?? 0];
    return variant ? [{ ...variant, key: block.key }] : [];
  });
}
