import type { BinaryFilter, Query } from '@cubejs-client/core';
import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import { parseKinds, type UrlState } from '../state/url-state';
import { cellText, bilingual } from './cells';

/** The kinds fct_anomalies accepts, in the filter's order: declared once in domain/anomaly-kinds.ts. */
export { ANOMALY_KINDS } from '../../../domain/anomaly-kinds';

/** How many cases the queue lists; the count above it is the whole match. */
export const QUEUE_LIMIT = 200;

/** What the auditor narrowed the queue to (from the URL). */
export interface AnomalyFilters {
  kinds: readonly string[];
  gov: string | null;
  coop: string | null;
  minScore: number | null;
  /** Cases whose days touch [from, to]. */
  from: string | null;
  to: string | null;
}

export const NO_ANOMALY_FILTERS: AnomalyFilters = {
  kinds: [],
  gov: null,
  coop: null,
  minScore: null,
  from: null,
  to: null,
};

export function anomalyFilters(
  url: Pick<UrlState, 'kind' | 'gov' | 'qcoop' | 'minScore' | 'qfrom' | 'qto'>,
): AnomalyFilters {
  return {
    kinds: parseKinds(url.kind),
    gov: url.gov,
    coop: url.qcoop,
    minScore: url.minScore === null ? null : Number(url.minScore),
    from: url.qfrom,
    to: url.qto,
  };
}

export function hasAnomalyFilters(f: AnomalyFilters): boolean {
  return (
    f.kinds.length > 0 || f.gov !== null || f.coop !== null || f.minScore !== null || f.from !== null || f.to !== null
  );
}

/** The URL patch that clears the queue's filters (the governorate too: on this page it only narrows the queue). */
export const CLEAR_ANOMALY_FILTERS: Partial<UrlState> = {
  kind: null,
  gov: null,
  qcoop: null,
  minScore: null,
  qfrom: null,
  qto: null,
};

/**
 * The filters as Cube filters, so the semantic layer narrows the cases (and the count) itself:
 * the browser never holds more than the queue's first 200. A date range keeps the cases whose
 * days overlap it (ends on or after `from`, starts on or before `to`), asked as Kuwaiti day ranges.
 */
export function anomalyCubeFilters(f: AnomalyFilters): BinaryFilter[] {
  const out: BinaryFilter[] = [];
  if (f.kinds.length) out.push({ member: 'anomalies.kind', operator: 'equals', values: [...f.kinds] });
  if (f.gov) out.push({ member: 'anomalies.governorate_id', operator: 'equals', values: [f.gov] });
  if (f.coop) out.push({ member: 'anomalies.coop_id', operator: 'equals', values: [f.coop] });
  if (f.minScore !== null && Number.isFinite(f.minScore))
    out.push({ member: 'anomalies.score', operator: 'gte', values: [String(f.minScore)] });
  if (f.from) out.push({ member: 'anomalies.end_date', operator: 'inDateRange', values: [f.from, '2100-12-31'] });
  if (f.to) out.push({ member: 'anomalies.start_date', operator: 'inDateRange', values: ['2000-01-01', f.to] });
  return out;
}

/** The auditor's queue: ml's ranked cases, most telling first, narrowed by the filters. */
export function anomaliesQuery(filters: AnomalyFilters = NO_ANOMALY_FILTERS, limit = QUEUE_LIMIT): Query {
  return {
    measures: ['anomalies.value_at_stake_kwd'],
    dimensions: [
      'anomalies.anomaly_id',
      'anomalies.kind',
      'anomalies.anomaly_rank',
      'anomalies.score',
      'anomalies.coop_id',
      'anomalies.coop_name_ar',
      'anomalies.coop_name_en',
      'anomalies.site_id',
      'anomalies.product_id',
      'anomalies.product_name_ar',
      'anomalies.product_name_en',
    ],
    // Kuwaiti days asked as time dimensions: as plain dimensions Cube returns them as the UTC
    // instant of Kuwait midnight ("2025-06-15T21:00"), which read as the day before, so the
    // queue showed each case a day early and the drill opened the wrong days.
    timeDimensions: [
      { dimension: 'anomalies.start_date', granularity: 'day' },
      { dimension: 'anomalies.end_date', granularity: 'day' },
    ],
    filters: anomalyCubeFilters(filters),
    order: { 'anomalies.anomaly_rank': 'asc' },
    limit,
  };
}

/** How many cases match and what they put at stake, whatever the queue's limit. */
export function anomalyCountQuery(filters: AnomalyFilters): Query {
  return { measures: ['anomalies.case_count', 'anomalies.value_at_stake_kwd'], filters: anomalyCubeFilters(filters) };
}

export function toAnomalyCount(raw: readonly Record<string, unknown>[]): {
  cases: number;
  valueAtStake: number | null;
} {
  const r = raw[0];
  return {
    cases: toNumber(r?.['anomalies.case_count']) ?? 0,
    valueAtStake: toNumber(r?.['anomalies.value_at_stake_kwd']),
  };
}

/** The governorates that have cases, for the governorate select. */
export function anomalyGovernoratesQuery(): Query {
  return {
    dimensions: ['anomalies.governorate_id', 'anomalies.governorate_name_ar', 'anomalies.governorate_name_en'],
    filters: [{ member: 'anomalies.governorate_id', operator: 'set' }],
    order: { 'anomalies.governorate_id': 'asc' },
  };
}

/** The co-ops that have cases (in the chosen governorate), for the co-op select. */
export function anomalyCoopsQuery(gov: string | null): Query {
  return {
    dimensions: ['anomalies.coop_id', 'anomalies.coop_name_ar', 'anomalies.coop_name_en'],
    filters: gov ? [{ member: 'anomalies.governorate_id', operator: 'equals', values: [gov] }] : [],
    order: { 'anomalies.coop_id': 'asc' },
  };
}

export interface NamedOption {
  id: string;
  name: string;
}

/** `{view}.{key}_id` and its names as select options, named in the reader's language (the other one, then the id, when missing). */
export function toOptions(
  raw: readonly Record<string, unknown>[],
  key: 'governorate' | 'coop',
  lang: Lang,
): NamedOption[] {
  return raw
    .map((r) => {
      const id = cellText(r[`anomalies.${key}_id`]);
      return { id, name: bilingual(r, `anomalies.${key}_name`, lang) || id };
    })
    .filter((o) => o.id !== '');
}

export interface AnomalyRow {
  id: string;
  kind: string;
  rank: number | null;
  score: number | null;
  coopId: string;
  coop: string;
  siteId: string | null;
  productId: string | null;
  product: string;
  start: string | null;
  end: string | null;
  valueAtStake: number | null;
}

export function toAnomalyRows(raw: readonly Record<string, unknown>[], lang: Lang): AnomalyRow[] {
  return raw.map((r) => {
    const name = (key: string) => bilingual(r, `anomalies.${key}`, lang);
    const productId = cellText(r['anomalies.product_id']) || null;
    return {
      id: cellText(r['anomalies.anomaly_id']),
      kind: cellText(r['anomalies.kind']),
      rank: toNumber(r['anomalies.anomaly_rank']),
      score: toNumber(r['anomalies.score']),
      coopId: cellText(r['anomalies.coop_id']),
      coop: name('coop_name') || cellText(r['anomalies.coop_id']),
      siteId: cellText(r['anomalies.site_id']) || null,
      productId,
      product: name('product_name') || productId || '',
      start: cellText(r['anomalies.start_date.day']).slice(0, 10) || null,
      end: cellText(r['anomalies.end_date.day']).slice(0, 10) || null,
      valueAtStake: toNumber(r['anomalies.value_at_stake_kwd']),
    };
  });
}

/**
 * Where a case leads in the drill: its co-op and product (and branch when it has one) over its
 * days, so the next clicks reach the daily prices, the warehouse rows and the batches behind them.
 */
export function anomalyDrill(a: AnomalyRow) {
  return { coop: a.coopId, site: a.siteId, product: a.productId, day: null, batch: null, from: a.start, to: a.end };
}
