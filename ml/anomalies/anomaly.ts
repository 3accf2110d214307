import type { Column } from '../lake-writer';

export type AnomalyKind =
  | 'price_gouging'
  | 'missing_stock_feed'
  | 'sales_feed_stopped'
  | 'stock_feed_stopped'
  | 'stock_feed_flatline'
  | 'sales_feed_flatline'
  | 'stocktake_shrinkage'
  | 'delivery_without_sales'
  | 'duplicate_invoice'
  | 'duplicate_aid'
  | 'suspicious_refunds';

/**
 * One case for an auditor: what, where (the keys that drill to the rows), when, how sure
 * (`score`, higher is more anomalous) and how much money it is about.
 */
export interface Anomaly {
  kind: AnomalyKind;
  coopId: string;
  governorateId: string | null;
  siteId: string | null;
  productId: string | null;
  startDate: string;
  endDate: string;
  score: number;
  valueAtStakeKwd: number;
  observed: number | null;
  expected: number | null;
  detail: string;
}

export const ANOMALY_COLUMNS: Column[] = [
  { name: 'anomaly_id', type: 'VARCHAR' },
  { name: 'kind', type: 'VARCHAR' },
  { name: 'rank', type: 'INTEGER' },
  { name: 'coop_id', type: 'VARCHAR' },
  { name: 'governorate_id', type: 'VARCHAR' },
  { name: 'site_id', type: 'VARCHAR' },
  { name: 'product_id', type: 'VARCHAR' },
  { name: 'start_date', type: 'DATE' },
  { name: 'end_date', type: 'DATE' },
  { name: 'score', type: 'DOUBLE' },
  { name: 'value_at_stake_kwd', type: 'DOUBLE' },
  { name: 'observed', type: 'DOUBLE' },
  { name: 'expected', type: 'DOUBLE' },
  { name: 'detail', type: 'VARCHAR' },
];

export function anomalyId(a: Anomaly): string {
  return [a.kind, a.coopId, a.siteId ?? '', a.productId ?? '', a.startDate].join(':');
}

/**
 * Ids for a ranked list, unique: two cases of a kind may share co-op, site and first day
 * (two invoices booked twice on one day); the later-ranked gets `:2`, `:3`…
 */
export function uniqueAnomalyIds(ranked: Anomaly[]): string[] {
  const seen = new Map<string, number>();
  return ranked.map((a) => {
    const id = anomalyId(a);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}:${n}`;
  });
}

/** Most anomalous first; ties broken by money at stake, then ids, so ranks are stable. */
export function rankAnomalies(list: Anomaly[]): Anomaly[] {
  return [...list].sort(
    (a, b) => b.score - a.score || b.valueAtStakeKwd - a.valueAtStakeKwd || anomalyId(a).localeCompare(anomalyId(b)),
  );
}
