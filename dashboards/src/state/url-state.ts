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
  /**
   * Audit workbench, the anomaly queue's own filters. Not `coop`/`from`/`to`: those are the drill's
   * (a co-op in the URL opens the drill and hides the queue, and a case sets from/to to its days),
   * so the queue keeps its filters while the auditor drills and climbs back. The governorate is `gov`.
   * `kind`: comma-separated anomaly kinds, sorted, no repeats.
   */
  kind: string | null;
  qcoop: string | null;
  /** Lowest score shown, a plain decimal. */
  minScore: string | null;
  /** Cases whose days touch this range (YYYY-MM-DD). */
  qfrom: string | null;
  qto: string | null;
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
  kind: null,
  qcoop: null,
  minScore: null,
  qfrom: null,
  qto: null,
};

// Ids go into Cube filters: accept only the shapes the warehouse uses.
const GOV = /^KW-[A-Z]{2}$/;
const COOP = /^C\d{3,}$/;
const SITE = /^C\d{3,}-[A-Z]\d{0,3}$/;
const PRODUCT = /^\d{8,14}$/;
const TARGET = /^(100|[1-9]\d?)$/;
// Batch ids are the ledger's (24 hex digits today); any plain id the ledger might use, nothing that could break a filter.
const BATCH = /^[A-Za-z0-9_-]{1,64}$/;
// Kind codes are the models' (snake case); anything else could not name a kind.
const KIND = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_KINDS = 20;
const SCORE = /^\d{1,4}(\.\d{1,3})?$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function pick(value: string | null, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Known kind shapes only, sorted, each once: one set of kinds has one spelling in the URL. */
function cleanKinds(kinds: readonly string[]): string[] {
  return [...new Set(kinds.filter((k) => KIND.test(k)))].sort().slice(0, MAX_KINDS);
}

/** The kinds a `kind=` value names. */
export function parseKinds(value: string | null | undefined): string[] {
  return cleanKinds((value ?? '').split(','));
}

/** The `kind=` value for a set of kinds; null (left out of the URL) when none is chosen. */
export function kindParam(kinds: readonly string[]): string | null {
  const list = cleanKinds(kinds);
  return list.length ? list.join(',') : null;
}

/** A date range from the URL, the right way round (a reversed range is a slip of the hand, not an empty question). */
function range(p: URLSearchParams, fromKey: string, toKey: string): [string | null, string | null] {
  const from = pick(p.get(fromKey), DAY);
  const to = pick(p.get(toKey), DAY);
  return from && to && from > to ? [to, from] : [from, to];
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const [from, to] = range(p, 'from', 'to');
  const [qfrom, qto] = range(p, 'qfrom', 'qto');
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
    kind: kindParam(parseKinds(p.get('kind'))),
    qcoop: pick(p.get('qcoop'), COOP),
    minScore: pick(p.get('minScore'), SCORE),
    qfrom,
    qto,
  };
}

const ORDER: readonly (keyof UrlState)[] = [
  'page',
  'lang',
  'gov',
  'coop',
  'site',
  'product',
  'day',
  'batch',
  'grain',
  'by',
  'metric',
  'from',
  'to',
  'target',
  'kind',
  'qcoop',
  'minScore',
  'qfrom',
  'qto',
];

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
