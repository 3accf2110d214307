import type { Query } from '@cubejs-client/core';
import { toNumber } from '../format/number';
import { kuwaitTime, kuwaitTimeDimensions } from './kuwait-time';
import { cellText } from './cells';

/**
 * The end of the audit drill: the files a co-op sent for one business day (every feed) from
 * the auditor-only `audit_batches` view, and a batch's refused rows from `audit_quarantine`.
 * The sales mart keeps only a count of batches per co-op and day, so the drill goes from the
 * day's rows to the co-op's batches of that day, not to a batch id on the row.
 */
export interface BatchScope {
  coopId: string;
  day: string;
}

export function batchesQuery(scope: BatchScope): Query {
  return {
    dimensions: [
      'audit_batches.batch_id',
      'audit_batches.feed',
      'audit_batches.vendor',
      'audit_batches.file_name',
      'audit_batches.batch_status',
      'audit_batches.reject_code',
      'audit_batches.reject_reason',
      'audit_batches.rows_in',
      'audit_batches.rows_landed',
      'audit_batches.rows_quarantined',
      'audit_batches.supersedes_batch_id',
      'audit_batches.superseded_by_batch_id',
    ],
    timeDimensions: [
      { dimension: 'audit_batches.business_date', dateRange: [scope.day, scope.day], granularity: 'day' },
      ...kuwaitTimeDimensions(['audit_batches.received_at']),
    ],
    filters: [{ member: 'audit_batches.coop_id', operator: 'equals', values: [scope.coopId] }],
    limit: 1_000,
  };
}

export type BatchStatus = 'landed' | 'superseded' | 'rejected';

export interface BatchRow {
  id: string;
  feed: string;
  vendor: string;
  fileName: string;
  /** landed (counts in the marts), superseded by a resend or correction, or rejected whole. */
  status: BatchStatus | string;
  /** A rejected file's reason: its code, and the whole text ingestion gave (code and detail). */
  rejectCode: string | null;
  rejectReason: string | null;
  /** Kuwait wall clock, minute. */
  receivedAt: string | null;
  rowsIn: number | null;
  rowsLanded: number | null;
  rowsQuarantined: number | null;
  supersedes: string | null;
  supersededBy: string | null;
}

/**
 * Cube rows → batch rows: the feed the drill came from first (sales, what the audit rows sum),
 * then the other feeds by name, each in the order the files arrived.
 */
export function toBatchRows(raw: readonly Record<string, unknown>[], firstFeed = 'sales'): BatchRow[] {
  const rows = raw.map((r) => ({
    id: cellText(r['audit_batches.batch_id']),
    feed: cellText(r['audit_batches.feed']),
    vendor: cellText(r['audit_batches.vendor']),
    fileName: cellText(r['audit_batches.file_name']),
    status: cellText(r['audit_batches.batch_status']),
    rejectCode: cellText(r['audit_batches.reject_code']) || null,
    rejectReason: cellText(r['audit_batches.reject_reason']) || null,
    receivedAt: kuwaitTime(r, 'audit_batches.received_at'),
    rowsIn: toNumber(r['audit_batches.rows_in']),
    rowsLanded: toNumber(r['audit_batches.rows_landed']),
    rowsQuarantined: toNumber(r['audit_batches.rows_quarantined']),
    supersedes: cellText(r['audit_batches.supersedes_batch_id']) || null,
    supersededBy: cellText(r['audit_batches.superseded_by_batch_id']) || null,
  }));
  const feedRank = (f: string) => (f === firstFeed ? 0 : 1);
  return rows.sort(
    (a, b) =>
      feedRank(a.feed) - feedRank(b.feed) ||
      a.feed.localeCompare(b.feed) ||
      (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** A batch's refused rows in file order. */
export function quarantineQuery(batchId: string): Query {
  return {
    dimensions: [
      'audit_quarantine.quarantined_row_key',
      'audit_quarantine.source_row',
      'audit_quarantine.reason_code',
      'audit_quarantine.reason_detail',
      'audit_quarantine.raw_text',
    ],
    filters: [{ member: 'audit_quarantine.batch_id', operator: 'equals', values: [batchId] }],
    order: { 'audit_quarantine.source_row': 'asc' },
    limit: 5_000,
  };
}

export interface QuarantineRow {
  id: string;
  /** Row number in the file as sent. */
  sourceRow: number | null;
  reasonCode: string;
  reasonDetail: string;
  rawText: string;
}

export function toQuarantineRows(raw: readonly Record<string, unknown>[]): QuarantineRow[] {
  return raw
    .map((r) => ({
      id: cellText(r['audit_quarantine.quarantined_row_key']),
      sourceRow: toNumber(r['audit_quarantine.source_row']),
      reasonCode: cellText(r['audit_quarantine.reason_code']),
      reasonDetail: cellText(r['audit_quarantine.reason_detail']),
      rawText: cellText(r['audit_quarantine.raw_text']),
    }))
    .sort((a, b) => (a.sourceRow ?? Infinity) - (b.sourceRow ?? Infinity));
}

/** The batch a quarantine link names, if it is among the day's batches (a stale link names none). */
export function selectedBatch(rows: readonly BatchRow[], batchId: string | null | undefined): BatchRow | null {
  return (batchId && rows.find((r) => r.id === batchId)) || null;
}
