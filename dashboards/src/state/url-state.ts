import { parseLang, type Lang } from '../format/locale';

export const PAGES = ['crisis', 'consumption', 'audit', 'linkage', 'admin'] as const;
export type Page = (typeof PAGES)[number];

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];
export const BREAKDOWNS = ['total', 'category', 'governorate', 'coop'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const METRICS = ['net_amount_kwd', 'quantity'] as const;
export type Metric = (typeof METRICS)[number];

/**
 * Everything that decides what a page shows lives in the query string, so a view can be
 * shared or reloaded as it is. Unknown values fall back to defaults instead of failing.
 */
export interface UrlState {
  page: Page;
  lang: Lang;
  gov: string | null;
  coop: string | null;
  site: string | null;
  product: string | null;
  /** One day (audit drill), YYYY-MM-DD. */
  day: string | null;
  /** Audit drill: the batch of that co-op and day whose quarantined rows are open. */
  batch: string | null;
  /** Consumption explorer: period grain, breakdown, measure and date range. */
  grain: Grain;
  by: Breakdown;
  metric: Metric;
  from: string | null;
  to: string | null;
  /** Administration: the Kuwaiti employment target in percent (1–100); null = the default target. */
  target: string | null;
}

/** Kuwaiti share of non-supervisory co-op jobs the page measures against unless the URL says otherwise. */
export const DEFAULT_KUWAITI_TARGET_PCT = 30;

export function kuwaitiTarget(state: Pick<UrlState, 'target'>): number {
  return state.target === null ? DEFAULT_KUWAITI_TARGET_PCT : Number(state.target);
}

export const DEFAULT_STATE: UrlState = {
  page: 'crisis',
  lang: 'ar',
  gov: null,
  coop: null,
  site: null,
  product: null,
  day: null,
  batch: null,
  grain: 'week',
  by: 'total',
  metric: 'net_amount_kwd',
  from: null,
  to: null,
  target: null,
};

// Ids go into Cube filters: accept only the shapes the warehouse uses.
const GOV = /^KW-[A-Z]{2}$/;
const COOP = /^C\d{3,}$/;
const SITE = /^C\d{3,}-[A-Z]\d{0,3}$/;
const PRODUCT = /^\d{8,14}$/;
const TARGET = /^(100|[1-9]\d?)$/;
// Batch ids are the ledger's (24 hex digits today); any plain id the ledger might use, nothing that could break a filter.
const BATCH = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function pick(value: string | null, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  let from = pick(p.get('from'), DAY);
  let to = pick(p.get('to'), DAY);
  // A reversed range is a slip of the hand, not an empty question.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    page: oneOf(p.get('page'), PAGES, DEFAULT_STATE.page),
    lang: parseLang(p.get('lang')),
    gov: pick(p.get('gov'), GOV),
    coop: pick(p.get('coop'), COOP),
    site: pick(p.get('site'), SITE),
    product: pick(p.get('product'), PRODUCT),
    day: pick(p.get('day'), DAY),
    batch: pick(p.get('batch'), BATCH),
    grain: oneOf(p.get('grain'), GRAINS, DEFAULT_STATE.grain),
    by: oneOf(p.get('by'), BREAKDOWNS, DEFAULT_STATE.by),
    metric: oneOf(p.get('metric'), METRICS, DEFAULT_STATE.metric),
    from,
    to,
    target: pick(p.get('target'), TARGET),
  };
}

const ORDER: readonly (keyof UrlState)[] = ['page', 'lang', 'gov', 'coop', 'site', 'product', 'day', 'batch', 'grain', 'by', 'metric', 'from', 'to', 'target'];

/** Defaults are left out, so the plain address is the Arabic crisis room. */
export function serializeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  for (const key of ORDER) {
    const value = state[key];
    if (value !== null && value !== DEFAULT_STATE[key]) p.set(key, value);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
