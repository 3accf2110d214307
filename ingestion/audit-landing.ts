import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { batchIdFor } from './batch-id';
import { parseInboxFileName } from './inbox-file-name';
import { listInboxFiles } from './inbox-files';
import { sqlString } from './partitioned-copy';

/** What an audit of the lake against its ledger (and optionally the inbox) found. */
export interface LandingAudit {
  batches: number;
  rows_in: number;
  rows_landed: number;
  rows_quarantined: number;
  /** Ledger rows where rows_in ≠ rows_landed + rows_quarantined. */
  unbalanced: string[];
  /** Batches whose Parquet row counts in raw/ or quarantine/ differ from their ledger row. */
  mismatched: {
    batch_id: string;
    ledger_landed: number;
    lake_landed: number;
    ledger_quarantined: number;
    lake_quarantined: number;
  }[];
  /** (batch_id, source_row) pairs found more than once across raw/ and quarantine/. */
  duplicated_rows: number;
  /** Rows in raw/ or quarantine/ whose batch has no ledger row (left by a run killed before its ledger). */
  orphan_rows: number;
  /** Inbox files (well named) whose batch is not in the ledger. */
  unledgered_files: string[];
}

const glob = (lakeDir: string, area: string): string =>
  `${sqlString(join(lakeDir, area, '**', '*.parquet'))}, hive_partitioning = false, union_by_name = true`;

/**
 * Proves the exactly-once promise from the outside: every ledger row balances, the lake
 * holds exactly the rows each ledger row counts, no row is there twice, and every inbox file
 * that ingestion accepts has a ledger row.
 */
export async function auditLanding({
  lakeDir,
  inboxDir,
}: {
  lakeDir: string;
  inboxDir?: string;
}): Promise<LandingAudit> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
    (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  try {
    if (!existsSync(join(lakeDir, 'ledger'))) throw new Error(`no ledger in ${lakeDir}: nothing was ingested there`);
    await con.run(`CREATE TEMP TABLE ledger AS SELECT * FROM read_parquet(${glob(lakeDir, 'ledger')})`);
    const area = (name: string) =>
      existsSync(join(lakeDir, name))
        ? `SELECT batch_id, source_row FROM read_parquet(${glob(lakeDir, name)})`
        : 'SELECT NULL::VARCHAR AS batch_id, NULL::INTEGER AS source_row WHERE false';
    await con.run(`CREATE TEMP TABLE lake_rows AS
      SELECT 'raw' AS area, * FROM (${area('raw')}) UNION ALL SELECT 'quarantine', * FROM (${area('quarantine')})`);

    const [totals] =
      await rows(`SELECT count(*) AS batches, coalesce(sum(rows_in), 0) AS rows_in, coalesce(sum(rows_landed), 0) AS landed,
      coalesce(sum(rows_quarantined), 0) AS quarantined FROM ledger`);
    const unbalanced = await rows(
      `SELECT file_name FROM ledger WHERE rows_in <> rows_landed + rows_quarantined ORDER BY file_name`,
    );
    const mismatched = await rows(`
      WITH counts AS (SELECT batch_id, count(*) FILTER (area = 'raw') AS landed, count(*) FILTER (area = 'quarantine') AS quarantined
                      FROM lake_rows GROUP BY batch_id)
      SELECT l.batch_id, l.rows_landed AS ledger_landed, coalesce(c.landed, 0) AS lake_landed,
        l.rows_quarantined AS ledger_quarantined, coalesce(c.quarantined, 0) AS lake_quarantined
      FROM ledger l LEFT JOIN counts c USING (batch_id)
      WHERE l.rows_landed <> coalesce(c.landed, 0) OR l.rows_quarantined <> coalesce(c.quarantined, 0)
      ORDER BY l.batch_id`);
    const [dupes] = await rows(
      `SELECT count(*) AS n FROM (SELECT batch_id, source_row FROM lake_rows GROUP BY ALL HAVING count(*) > 1)`,
    );
    const [orphans] = await rows(
      `SELECT count(*) AS n FROM lake_rows WHERE batch_id NOT IN (SELECT batch_id FROM ledger)`,
    );

    const unledgered: string[] = [];
    if (inboxDir) {
      const ledgered = new Set((await rows('SELECT batch_id FROM ledger')).map((r) => String(r.batch_id)));
      for (const relPath of listInboxFiles(inboxDir)) {
        const name = parseInboxFileName(basename(relPath));
        if ('error' in name) continue;
        if (!ledgered.has(batchIdFor(name, readFileSync(join(inboxDir, relPath))))) unledgered.push(relPath);
      }
    }
    return {
      batches: Number(totals!.batches),
      rows_in: Number(totals!.rows_in),
      rows_landed: Number(totals!.landed),
      rows_quarantined: Number(totals!.quarantined),
      unbalanced: unbalanced.map((r) => String(r.file_name)),
      mismatched: mismatched.map((r) => ({
        batch_id: String(r.batch_id),
        ledger_landed: Number(r.ledger_landed),
        lake_landed: Number(r.lake_landed),
        ledger_quarantined: Number(r.ledger_quarantined),
        lake_quarantined: Number(r.lake_quarantined),
      })),
      duplicated_rows: Number(dupes!.n),
      orphan_rows: Number(orphans!.n),
      unledgered_files: unledgered,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
