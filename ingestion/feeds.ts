import { LINKAGE_FEED_RULES } from './feed-rules/linkage-feeds';
import { SALES_RULES } from './feed-rules/sales';
import { STOCK_RULES } from './feed-rules/stock';
import type { FeedRules } from './validation-sql';

/**
 * The feeds ingestion understands: the source fields each vendor may send, under which
 * header names (English, Arabic) or JSON keys, and which of them a row needs.
 * docs/contracts.md ("Inbox files") is the authority; aliases beyond it are spellings seen
 * from the same vendors' systems.
 */
export interface SourceField {
  /** Canonical name, also the SQL column `f_<name>` after mapping. */
  name: string;
  /** Header names and JSON keys that mean this field, compared after normaliseHeader(). */
  aliases: string[];
}

export interface FeedSpec {
  feed: string;
  fields: SourceField[];
  /** Each group must be satisfied by one of its alternatives; an alternative lists fields that must all be present. */
  required: string[][][];
  /** Vendor C's JSON keys, extracted from each JSON Lines row in this order; each is also an alias above. */
  jsonKeys: string[];
}

export { SALES } from './feed-rules/sales';
export { STOCK } from './feed-rules/stock';

/** Every feed ingestion lands, with how its rows are validated. */
export const FEED_RULES: Record<string, FeedRules> = { sales: SALES_RULES, stock: STOCK_RULES, ...LINKAGE_FEED_RULES };

export const FEEDS: Record<string, FeedSpec> = Object.fromEntries(
  Object.entries(FEED_RULES).map(([feed, rules]) => [feed, rules.spec]),
);

/**
 * Header cells differ in case, spacing, quoting and Arabic letter forms between exports of
 * the same system; compare them in one canonical spelling.
 */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .toLowerCase()
    .replace(/\u0640/g, '') // tatweel
    .replace(/[\u064B-\u0652]/g, '') // harakat
    .replace(/[أإآ]/g, 'ا')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}
