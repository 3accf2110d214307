import type { AnomalyKind } from '../../domain/anomaly-kinds';

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
