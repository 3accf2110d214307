import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sha256Hex } from './batch-id';
import { sqlString } from './partitioned-copy';

/** One immutable row per batch, in `lake/ledger/*.parquet` (docs/contracts.md). */
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
  /** superseded: landed, but a correction for its co-op, feed and day had landed before it (a late original). */
  status: 'landed' | 'rejected' | 'superseded';
  supersedes_batch_id: string | null;
  /** Why a rejected file was refused whole (`reason_code: detail`, as in lake/rejected/*.reason.txt); null otherwise. */
  reject_reason: string | null;
}

const TEXT_COLUMNS = [
  'batch_id',
  'coop_id',
  'feed',
  'vendor',
  'file_name',
  'checksum_sha256',
  'business_date',
  'received_at',
] as const;

/** Where a batch's ledger row is when it was written alone (a rejected file, a push); chunks share one file. */
export function ledgerPath(lakeDir: string, batchId: string): string {
  return join(lakeDir, 'ledger', `${batchId}.parquet`);
}

/** Ledger files written before `reject_reason` existed lack it: read by name, missing columns as NULL. */
const ledgerGlob = (lakeDir: string): string =>
  `${sqlString(join(lakeDir, 'ledger', '*.parquet'))}, union_by_name = true`;
const hasLedger = (lakeDir: string): boolean =>
  existsSync(join(lakeDir, 'ledger')) && readdirSync(join(lakeDir, 'ledger')).some((n) => n.endsWith('.parquet'));

/** Batch ids that already have a ledger row, from every ledger file. */
export async function ledgeredBatchIds(con: DuckDBConnection, lakeDir: string): Promise<Set<string>> {
  if (!hasLedger(lakeDir)) return new Set();
  const reader = await con.runAndReadAll(`SELECT batch_id FROM read_parquet(${ledgerGlob(lakeDir)})`);
  return new Set(reader.getRowsJson().map((r) => String(r[0])));
}

/** The ledger row of one batch, or null when none was written (yet). */
export async function findLedgerRow(
  con: DuckDBConnection,
  lakeDir: string,
  batchId: string,
): Promise<Record<string, unknown> | null> {
  const own = ledgerPath(lakeDir, batchId);
  const source = existsSync(own)
    ? `${sqlString(own)}, union_by_name = true`
    : hasLedger(lakeDir)
      ? ledgerGlob(lakeDir)
      : null;
  if (source === null) return null;
  const reader = await con.runAndReadAll(
    `SELECT * REPLACE (CAST(business_date AS VARCHAR) AS business_date,
       strftime(received_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS received_at,
       CAST(rows_in AS INTEGER) AS rows_in, CAST(rows_landed AS INTEGER) AS rows_landed, CAST(rows_quarantined AS INTEGER) AS rows_quarantined)
     FROM read_parquet(${source}) WHERE batch_id = ${sqlString(batchId)}`,
  );
  const row = reader.getRowObjectsJson()[0] as Record<string, unknown> | undefined;
  // A row from before reject_reason existed has none: it was not recorded then.
  return row ? { ...row, reject_reason: row.reject_reason ?? null } : null;
}

/**
 * Writes the ledger rows of one chunk of batches as one Parquet file, renamed into place:
 * the chunk's commit. Callers write it only after every data file of those batches is in
 * place, so a run killed before it leaves batches without a ledger row, which the next run
 * lands again over the same deterministic file names, never twice. A lone batch's file is
 * named after it (`ledger/<batch_id>.parquet`); a chunk's after a hash of its batch ids.
 */
export async function writeLedgerRows(
  con: DuckDBConnection,
  lakeDir: string,
  stagingDir: string,
  rows: LedgerRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const table = 'ledger_staging';
  await con.run(`CREATE OR REPLACE TEMP TABLE ${table} (
    batch_id VARCHAR, coop_id VARCHAR, feed VARCHAR, vendor VARCHAR, file_name VARCHAR, checksum_sha256 VARCHAR,
    business_date VARCHAR, received_at VARCHAR, rows_in BIGINT, rows_landed BIGINT, rows_quarantined BIGINT,
    status VARCHAR, supersedes_batch_id VARCHAR, reject_reason VARCHAR)`);
  try {
    const appender = await con.createAppender(table);
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
      for (const value of [row.supersedes_batch_id, row.reject_reason]) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.closeSync();
    const name =
      rows.length === 1
        ? rows[0]!.batch_id
        : `chunk-${sha256Hex(Buffer.from(rows.map((r) => r.batch_id).join('\n'))).slice(0, 24)}`;
    const destination = join(lakeDir, 'ledger', `${name}.parquet`);
    const staged = join(stagingDir, `${name}.parquet`);
    mkdirSync(stagingDir, { recursive: true });
    mkdirSync(dirname(destination), { recursive: true });
    await con.run(
      `COPY (SELECT batch_id, coop_id, feed, vendor, file_name, checksum_sha256, CAST(business_date AS DATE) AS business_date,
         CAST(received_at AS TIMESTAMPTZ) AS received_at, rows_in, rows_landed, rows_quarantined, status, supersedes_batch_id, reject_reason
       FROM ${table} ORDER BY batch_id) TO ${sqlString(staged)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    renameSync(staged, destination);
  } finally {
    await con.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

export interface LedgerHead {
  batchId: string;
  seq: number;
  correction: boolean;
}

export const supersedeKey = (coopId: string, feed: string, businessDate: string): string =>
  `${coopId}|${feed}|${businessDate}`;

/**
 * For each co-op, feed and business date, the landed batch that is current: superseded by
 * no other. A correction supersedes this one; an original arriving after a correction is
 * superseded on arrival. Reads every ledger file, once per run that needs it.
 */
export async function readLedgerHeads(con: DuckDBConnection, lakeDir: string): Promise<Map<string, LedgerHead>> {
  const heads = new Map<string, LedgerHead>();
  if (!hasLedger(lakeDir)) return heads;
  const reader = await con.runAndReadAll(`
    WITH ledger AS (SELECT * FROM read_parquet(${ledgerGlob(lakeDir)}) WHERE status = 'landed')
    SELECT coop_id, feed, CAST(business_date AS VARCHAR) AS business_date, batch_id,
      coalesce(TRY_CAST(regexp_extract(file_name, '__([0-9]+)(__corr)?\\.[A-Za-z0-9]+$', 1) AS BIGINT), 0) AS seq,
      file_name LIKE '%\\_\\_corr.%' ESCAPE '\\' AS correction,
      epoch_ms(received_at) AS received_ms
    FROM ledger
    WHERE batch_id NOT IN (SELECT supersedes_batch_id FROM ledger WHERE supersedes_batch_id IS NOT NULL)
    ORDER BY coop_id, feed, business_date, correction, seq, received_ms`);
  for (const r of reader.getRowObjectsJson()) {
    // Ordered so the last head per key wins: corrections and higher sequences last.
    heads.set(supersedeKey(String(r.coop_id), String(r.feed), String(r.business_date)), {
      batchId: String(r.batch_id),
      seq: Number(r.seq),
      correction: r.correction === true,
    });
  }
  return heads;
}
