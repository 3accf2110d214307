import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { copyPartitionedIntoPlace, sqlString } from './partitioned-copy';

/** One immutable row per batch: `lake/ledger/<batch_id>.parquet` (docs/contracts.md). */
export interface LedgerRow {
  batch_id: string;
  coop_id: string | null;
  feed: string | null;
  vendor: string | null;
  file_name: string;
  checksum_sha256: string;
  /** YYYY-MM-DD */
  business_date: string | null;
  /** ISO instant */
  received_at: string;
  rows_in: number;
  rows_landed: number;
  rows_quarantined: number;
  status: 'landed' | 'rejected';
  supersedes_batch_id: string | null;
}

const TEXT_COLUMNS = ['batch_id', 'coop_id', 'feed', 'vendor', 'file_name', 'checksum_sha256', 'business_date', 'received_at'] as const;

export function ledgerPath(lakeDir: string, batchId: string): string {
  return join(lakeDir, 'ledger', `${batchId}.parquet`);
}

/** Batch ids that already have a ledger row: the file name is the id, no Parquet is read. */
export function ledgeredBatchIds(lakeDir: string): Set<string> {
  const dir = join(lakeDir, 'ledger');
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir).filter((n) => n.endsWith('.parquet')).map((n) => n.slice(0, -'.parquet'.length)));
}

/**
 * Writes the ledger rows, one Parquet file per batch, each renamed into place. Callers
 * write the ledger only after the batch's data files are in place: the ledger row is the
 * commit mark, so a run killed before it leaves a batch that the next run lands again
 * over the same deterministic file names, never twice.
 */
export async function writeLedgerRows(con: DuckDBConnection, lakeDir: string, stagingDir: string, rows: LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await con.run(`CREATE OR REPLACE TEMP TABLE ledger_staging (
    batch_id VARCHAR, coop_id VARCHAR, feed VARCHAR, vendor VARCHAR, file_name VARCHAR, checksum_sha256 VARCHAR,
    business_date VARCHAR, received_at VARCHAR, rows_in BIGINT, rows_landed BIGINT, rows_quarantined BIGINT,
    status VARCHAR, supersedes_batch_id VARCHAR)`);
  const appender = await con.createAppender('ledger_staging');
  for (const row of rows) {
    for (const column of TEXT_COLUMNS) {
      const value = row[column];
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.appendBigInt(BigInt(row.rows_in));
    appender.appendBigInt(BigInt(row.rows_landed));
    appender.appendBigInt(BigInt(row.rows_quarantined));
    appender.appendVarchar(row.status);
    if (row.supersedes_batch_id === null) appender.appendNull();
    else appender.appendVarchar(row.supersedes_batch_id);
    appender.endRow();
  }
  appender.closeSync();
  await copyPartitionedIntoPlace(
    con,
    `SELECT batch_id, coop_id, feed, vendor, file_name, checksum_sha256, CAST(business_date AS DATE) AS business_date,
       CAST(received_at AS TIMESTAMPTZ) AS received_at, rows_in, rows_landed, rows_quarantined, status, supersedes_batch_id,
       batch_id AS p_batch
     FROM ledger_staging`,
    ['p_batch'],
    stagingDir,
    (v) => ledgerPath(lakeDir, v.p_batch!),
  );
  await con.run('DROP TABLE ledger_staging');
}

export interface LedgerHead {
  batchId: string;
  seq: number;
}

export const supersedeKey = (coopId: string, feed: string, businessDate: string): string => `${coopId}|${feed}|${businessDate}`;

/**
 * For each co-op, feed and business date, the landed batch that is current: superseded by
 * no other. A correction supersedes this one. Reads every ledger file, so it is only
 * called when a run holds a correction whose predecessor it did not itself land.
 */
export async function readLedgerHeads(con: DuckDBConnection, lakeDir: string): Promise<Map<string, LedgerHead>> {
  const heads = new Map<string, LedgerHead>();
  if (ledgeredBatchIds(lakeDir).size === 0) return heads;
  const glob = join(lakeDir, 'ledger', '*.parquet');
  const reader = await con.runAndReadAll(`
    WITH ledger AS (SELECT * FROM read_parquet(${sqlString(glob)}) WHERE status = 'landed')
    SELECT coop_id, feed, CAST(business_date AS VARCHAR) AS business_date, batch_id,
      coalesce(TRY_CAST(regexp_extract(file_name, '__([0-9]+)(__corr)?\\.[A-Za-z0-9]+$', 1) AS BIGINT), 0) AS seq,
      epoch_ms(received_at) AS received_ms
    FROM ledger
    WHERE batch_id NOT IN (SELECT supersedes_batch_id FROM ledger WHERE supersedes_batch_id IS NOT NULL)
    ORDER BY coop_id, feed, business_date, (supersedes_batch_id IS NOT NULL), seq, received_ms`);
  for (const r of reader.getRowObjectsJson()) {
    // Ordered so the last head per key wins: corrections and higher sequences last.
    heads.set(supersedeKey(String(r.coop_id), String(r.feed), String(r.business_date)), { batchId: String(r.batch_id), seq: Number(r.seq) });
  }
  return heads;
}
