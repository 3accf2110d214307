/** Every feed the simulator writes, in the order the co-ops' batches are produced. */
export const ALL_FEEDS = [
  'sales',
  'stock',
  'deliveries',
  'prices',
  'stocktake',
  'finance',
  'transactions',
  'shareholders',
  'aid',
  'hr',
  'cameras',
  'contractors',
] as const;

export type FeedName = (typeof ALL_FEEDS)[number];

export function isFeedName(value: string): value is FeedName {
  return (ALL_FEEDS as readonly string[]).includes(value);
}
