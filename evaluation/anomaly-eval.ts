import { readFileSync } from 'node:fs';
import type { TruthEvent } from '../simulator/truth-event';
import type { AnomalyKind } from '../domain/anomaly-kinds';
import type { Anomaly } from '../ml/anomalies/anomaly';

export type { TruthEvent };

export function readEvents(path: string): TruthEvent[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = (header ?? '').split(',');
  return lines.map(
    (l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v.replace(/^"|"$/g, '')])) as unknown as TruthEvent,
  );
}

const overlaps = (a: Anomaly, e: TruthEvent) => a.endDate >= e.start_date && a.startDate <= e.end_date;

/** One `key=value` of a truth event's detail (pairs separated by `;`). */
export function detailValue(e: TruthEvent, key: string): string | undefined {
  for (const pair of (e.detail ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === key) return pair.slice(at + 1);
  }
  return undefined;
}

/** Each kind the simulator plants, the case kind that finds it, and what finding it means. */
export const PLANTED_KINDS: { truth: string; kind: AnomalyKind; found: (a: Anomaly, e: TruthEvent) => boolean }[] = [
  { truth: 'price_gouging', kind: 'price_gouging', found: (a, e) => a.coopId === e.coop_id && overlaps(a, e) },
  { truth: 'missing_feed', kind: 'missing_stock_feed', found: (a, e) => a.coopId === e.coop_id },
  { truth: 'stock_feed_stopped', kind: 'stock_feed_stopped', found: (a, e) => a.coopId === e.coop_id },
  { truth: 'stocktake_shrinkage', kind: 'stocktake_shrinkage', found: (a, e) => a.siteId === e.site_id },
  {
    truth: 'phantom_delivery',
    kind: 'delivery_without_sales',
    found: (a, e) => a.coopId === e.coop_id && a.productId === e.product_scope && a.startDate === e.start_date,
  },
  { truth: 'duplicate_invoice', kind: 'duplicate_invoice', found: (a, e) => a.coopId === e.coop_id && overlaps(a, e) },
  {
    truth: 'suspicious_refunds',
    kind: 'suspicious_refunds',
    found: (a, e) => a.siteId === e.site_id && overlaps(a, e),
  },
  // Aid from two charities: the case is on whichever paid second, the truth on the first.
  {
    truth: 'aid_paid_twice',
    kind: 'duplicate_aid',
    found: (a, e) => (a.coopId === e.coop_id || a.coopId === detailValue(e, 'other_coop_id')) && overlaps(a, e),
  },
];

export interface AnomalyScores {
  /** true cases among the top `k` of the ranked list */
  hitsAtK: number;
  k: number;
  recall: { truth: string; kind: AnomalyKind; hits: number; planted: number }[];
  /** planted kinds this world holds none of */
  unplanted: string[];
  byKind: Record<string, number>;
}

/**
 * Precision at k and recall per planted kind of a ranked case list against the truth. A
 * case is true when a planted event of its kind matches it; a planted event is found when
 * any case of its kind matches it.
 */
export function scoreAnomalies(ranked: Anomaly[], events: TruthEvent[], k = 20): AnomalyScores {
  const truthOf = (t: string) => events.filter((e) => e.event_type === t);
  const isTrue = (a: Anomaly) =>
    PLANTED_KINDS.some((p) => p.kind === a.kind && truthOf(p.truth).some((e) => p.found(a, e)));
  const top = ranked.slice(0, k);
  const recall: AnomalyScores['recall'] = [];
  const unplanted: string[] = [];
  for (const p of PLANTED_KINDS) {
    const truth = truthOf(p.truth);
    if (truth.length === 0) unplanted.push(p.truth);
    else
      recall.push({
        truth: p.truth,
        kind: p.kind,
        hits: truth.filter((e) => ranked.some((a) => a.kind === p.kind && p.found(a, e))).length,
        planted: truth.length,
      });
  }
  const byKind: Record<string, number> = {};
  for (const a of ranked) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  return { hitsAtK: top.filter(isTrue).length, k: top.length, recall, unplanted, byKind };
}
