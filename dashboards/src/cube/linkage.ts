import { kuwaitTime, kuwaitTimeDimensions } from './kuwait-time';
import type { Query } from '@cubejs-client/core';
import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import { truthy } from './cells';
import { cellText, bilingual } from './cells';

/** Every co-op's feeds: linked or not, the last batch, lateness, quarantine share. */
export function linkageQuery(governorateId?: string | null): Query {
  return {
    measures: [
      'linkage.batches_received',
      'linkage.batches_rejected',
      'linkage.rows_in',
      'linkage.rows_quarantined',
      'linkage.quarantine_share',
    ],
    dimensions: [
      'linkage.coop_id',
      'linkage.coop_name_ar',
      'linkage.coop_name_en',
      'linkage.vendor',
      'linkage.governorate_name_ar',
      'linkage.governorate_name_en',
      'linkage.feed',
      'linkage.is_linked',
      'linkage.last_batch_status',
      'linkage.late_days',
      'linkage.last_business_date',
    ],
    timeDimensions: kuwaitTimeDimensions(['linkage.last_received_at']),
    filters: governorateId ? [{ member: 'linkage.governorate_id', operator: 'equals', values: [governorateId] }] : [],
    limit: 5_000,
  };
}

export interface LinkageRow {
  /** coop_id:feed */
  id: string;
  coopId: string;
  coop: string;
  governorate: string;
  vendor: string;
  feed: string;
  linked: boolean;
  lastStatus: string;
  /** Days behind the newest business day any co-op sent; null = never sent. */
  lateDays: number | null;
  lastBusinessDate: string | null;
  lastReceivedAt: string | null;
  batches: number | null;
  rejected: number | null;
  /** Percent of rows quarantined, 0–100. */
  quarantineShare: number | null;
}

/**
 * Cube rows → linkage rows, the ones needing a call first: not linked, then never sent, then
 * the latest behind the deadline, then by co-op and feed.
 */
export function toLinkageRows(raw: readonly Record<string, unknown>[], lang: Lang): LinkageRow[] {
  const name = (r: Record<string, unknown>, key: string) => bilingual(r, `linkage.${key}`, lang);
  const rows = raw.map((r) => {
    const coopId = cellText(r['linkage.coop_id']);
    const feed = cellText(r['linkage.feed']);
    return {
      id: `${coopId}:${feed}`,
      coopId,
      coop: name(r, 'coop_name') || coopId,
      governorate: name(r, 'governorate_name'),
      vendor: cellText(r['linkage.vendor']),
      feed,
      linked: truthy(r['linkage.is_linked']),
      lastStatus: cellText(r['linkage.last_batch_status']),
      lateDays: toNumber(r['linkage.late_days']),
      lastBusinessDate: cellText(r['linkage.last_business_date']).slice(0, 10) || null,
      lastReceivedAt: kuwaitTime(r, 'linkage.last_received_at'),
      batches: toNumber(r['linkage.batches_received']),
      rejected: toNumber(r['linkage.batches_rejected']),
      quarantineShare: toNumber(r['linkage.quarantine_share']),
    };
  });
  const urgency = (r: LinkageRow) => (!r.linked ? 0 : r.lateDays === null ? 1 : 2);
  return rows.sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      (b.lateDays ?? 0) - (a.lateDays ?? 0) ||
      a.coopId.localeCompare(b.coopId) ||
      a.feed.localeCompare(b.feed),
  );
}

export interface LinkageSummary {
  feeds: number;
  linked: number;
  late: number;
  neverSent: number;
}

export function summarizeLinkage(rows: readonly LinkageRow[]): LinkageSummary {
  return {
    feeds: rows.length,
    linked: rows.filter((r) => r.linked).length,
    late: rows.filter((r) => (r.lateDays ?? 0) > 0).length,
    neverSent: rows.filter((r) => r.lateDays === null).length,
  };
}
