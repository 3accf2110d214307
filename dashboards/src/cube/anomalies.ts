import type { Query } from '@cubejs-client/core';
import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';

/** The auditor's queue: ml's ranked cases, most telling first. */
export function anomaliesQuery(limit = 200): Query {
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
    order: { 'anomalies.anomaly_rank': 'asc' },
    limit,
  };
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

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function toAnomalyRows(raw: readonly Record<string, unknown>[], lang: Lang): AnomalyRow[] {
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  return raw.map((r) => {
    const name = (key: string) => str(r[`anomalies.${key}_${lang}`]) || str(r[`anomalies.${key}_${other}`]);
    const productId = str(r['anomalies.product_id']) || null;
    return {
      id: str(r['anomalies.anomaly_id']),
      kind: str(r['anomalies.kind']),
      rank: toNumber(r['anomalies.anomaly_rank']),
      score: toNumber(r['anomalies.score']),
      coopId: str(r['anomalies.coop_id']),
      coop: name('coop_name') || str(r['anomalies.coop_id']),
      siteId: str(r['anomalies.site_id']) || null,
      productId,
      product: name('product_name') || productId || '',
      start: str(r['anomalies.start_date.day']).slice(0, 10) || null,
      end: str(r['anomalies.end_date.day']).slice(0, 10) || null,
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
