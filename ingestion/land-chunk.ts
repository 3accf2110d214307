import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { judgeWithReaders } from './fast-read';
import { writeLedgerRows, type LedgerRow } from './ledger';
import { copyPartitionedIntoPlace, sqlString } from './partitioned-copy';
import { textOf, type PreparedFile } from './prepared-file';
import {
  checkedStatements,
  duplicateFilesSql,
  judgedAsChecked,
  positionColumns,
  type FeedRules,
} from './validation-sql';

export interface ChunkCounts {
  readByDuckdb: number;
  perFile: Map<number, { landed: number; quarantined: number }>;
  reasons: Map<string, number>;
}

/** Where one chunk lands, and what it shares with the other chunks of the run. */
export interface ChunkTarget {
  lakeDir: string;
  stagingDir: string;
  ingestedAt: string;
  createdDirs: Set<string>;
  /** Let DuckDB's readers split clean files (fast-read.ts). */
  readers: boolean;
}

/**
 * Validates one chunk of files of one feed in DuckDB, puts the landed and quarantined
 * Parquet files in place, then writes the chunk's ledger rows: data first, ledger last.
 */
export async function landChunk(
  con: DuckDBConnection,
  rules: FeedRules,
  files: PreparedFile[],
  target: ChunkTarget,
): Promise<ChunkCounts> {
  await registerFiles(con, rules, files);
  const { lineByLine, readable } = await judgeWithDuckdbReaders(con, rules, files, target);
  const readByDuckdb = readable.filter((idx) => !lineByLine.has(idx)).length;
  await judgeLineByLine(con, rules, files, lineByLine, readable.length > 0);
  await registerBatches(con, files);
  const { perFile, reasons } = await countOutcomes(con);
  await copyRowsIntoPlace(con, rules, target);
  await writeLedgerRows(con, target.lakeDir, join(target.stagingDir, 'ledger'), ledgerRows(rules, files, perFile));
  await dropChunkTables(con);
  return { perFile, reasons, readByDuckdb };
}

/** Temp table `ingest_files`: each file's header layout, for the statements that split and judge its rows. */
async function registerFiles(con: DuckDBConnection, rules: FeedRules, files: PreparedFile[]): Promise<void> {
  const { spec } = rules;
  const positionCols = positionColumns(spec);
  await con.run(`CREATE OR REPLACE TEMP TABLE ingest_files (
    file_idx INTEGER, batch_id VARCHAR, coop_id VARCHAR, business_date VARCHAR, is_json BOOLEAN, delim VARCHAR,
    header_row INTEGER, header_cells INTEGER, header_problem VARCHAR,
    ${positionCols.map((c) => `${c} INTEGER`).join(', ')})`);
  const appender = await con.createAppender('ingest_files');
  files.forEach((file, idx) => {
    appender.appendInteger(idx);
    appender.appendVarchar(file.batchId);
    appender.appendVarchar(file.name.coopId);
    appender.appendVarchar(file.name.businessDate);
    appender.appendBoolean(file.isJson);
    appender.appendVarchar(file.delimiter);
    appender.appendInteger(file.headerRow);
    if (file.headerCells === null) appender.appendNull();
    else appender.appendInteger(file.headerCells);
    if (file.headerProblem === null) appender.appendNull();
    else appender.appendVarchar(file.headerProblem);
    for (const field of spec.fields) {
      const pos = file.positions[field.name];
      if (pos === undefined) appender.appendNull();
      else appender.appendInteger(pos);
    }
    appender.endRow();
  });
  appender.closeSync();
}

const fileChanged = (seen: { path: string; size: number; mtimeMs: number }): boolean => {
  try {
    const now = statSync(seen.path);
    return now.size !== seen.size || now.mtimeMs !== seen.mtimeMs;
  } catch {
    return true;
  }
};

/**
 * Clean files go through DuckDB's readers into temp table `judged`; a file with any row that
 * does not land is judged again line by line, so its quarantined rows keep their raw text
 * (fast-read.ts). Returns the files left to the line-by-line path and those the readers took.
 */
async function judgeWithDuckdbReaders(
  con: DuckDBConnection,
  rules: FeedRules,
  files: PreparedFile[],
  target: ChunkTarget,
): Promise<{ lineByLine: Set<number>; readable: number[] }> {
  const lineByLine = new Set<number>();
  const readable: number[] = [];
  files.forEach((file, idx) => {
    if (file.fast === null || !target.readers) lineByLine.add(idx);
    else if (file.fast.rows > 0) readable.push(idx);
  });
  if (readable.length === 0) return { lineByLine, readable };
  const refused = new Set(await judgeWithReaders(con, rules, files, readable, join(target.stagingDir, 'read')));
  const read = await readOutcomes(con);
  const repeated = await con.runAndReadAll(duplicateFilesSql(rules));
  for (const r of repeated.getRowObjectsJson()) lineByLine.add(Number(r.file_idx));
  for (const idx of readable) {
    const file = files[idx]!;
    const got = read.get(idx);
    const rows = file.fast!.rows;
    // A file changed in the inbox since it was hashed is judged from the bytes that were hashed.
    const changed = file.direct !== null && fileChanged(file.direct);
    const numbered =
      got !== undefined && got.n === rows && got.first === file.headerRow + 1 && got.last === file.headerRow + rows;
    if (refused.has(idx) || !numbered || got.bad > 0 || changed) lineByLine.add(idx);
  }
  const again = readable.filter((idx) => lineByLine.has(idx));
  if (again.length > 0) await con.run(`DELETE FROM judged WHERE file_idx IN (${again.join(', ')})`);
  return { lineByLine, readable };
}

/** Per file the readers read: rows, rows that failed a rule, first and last line number. */
async function readOutcomes(
  con: DuckDBConnection,
): Promise<Map<number, { n: number; bad: number; first: number; last: number }>> {
  const outcome = await con.runAndReadAll(
    'SELECT file_idx, count(*) AS n, count(first_reason) AS bad, min(source_row) AS first, max(source_row) AS last FROM judged GROUP BY file_idx',
  );
  return new Map(
    outcome
      .getRowObjectsJson()
      .map((r) => [
        Number(r.file_idx),
        { n: Number(r.n), bad: Number(r.bad), first: Number(r.first), last: Number(r.last) },
      ]),
  );
}

/**
 * The files the readers did not take are split into lines and judged in SQL; view `checked`
 * then holds every row of the chunk, judged either way. The files' bytes are let go.
 */
async function judgeLineByLine(
  con: DuckDBConnection,
  rules: FeedRules,
  files: PreparedFile[],
  lineByLine: Set<number>,
  anyRead: boolean,
): Promise<void> {
  const parts: string[] = anyRead ? [judgedAsChecked(rules)] : [];
  if (lineByLine.size > 0 || !anyRead) {
    await con.run('CREATE OR REPLACE TEMP TABLE ingest_texts (file_idx INTEGER, content VARCHAR)');
    const texts = await con.createAppender('ingest_texts');
    for (const idx of lineByLine) {
      texts.appendInteger(idx);
      texts.appendVarchar(textOf(files[idx]!));
      texts.endRow();
    }
    texts.closeSync();
    for (const statement of checkedStatements(rules, 'lines', 'checked_lines')) await con.run(statement);
    await con.run('DROP TABLE ingest_texts');
    parts.push('SELECT * FROM checked_lines');
  }
  await con.run(`CREATE OR REPLACE TEMP VIEW checked AS ${parts.join(' UNION ALL ')}`);
  for (const file of files) {
    file.text = null;
    file.bytes = Buffer.alloc(0);
  }
  await con.run('DROP TABLE ingest_files');
}

/** Temp table `ingest_batches`: the batch, co-op and day each file's rows are partitioned by. */
async function registerBatches(con: DuckDBConnection, files: PreparedFile[]): Promise<void> {
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ingest_batches AS SELECT * FROM (VALUES ${files
      .map(
        (f, idx) => `(${idx}, ${sqlString(f.batchId)}, ${sqlString(f.name.coopId)}, ${sqlString(f.name.businessDate)})`,
      )
      .join(', ')}) AS t(file_idx, batch_id, coop_id, business_date)`,
  );
}

/** Rows landed and quarantined per file, and quarantined rows per reason. */
async function countOutcomes(con: DuckDBConnection): Promise<Pick<ChunkCounts, 'perFile' | 'reasons'>> {
  const perFile = new Map<number, { landed: number; quarantined: number }>();
  const countReader = await con.runAndReadAll(
    `SELECT file_idx, count(*) FILTER (reason_code IS NULL) AS landed, count(*) FILTER (reason_code IS NOT NULL) AS quarantined
     FROM checked GROUP BY file_idx`,
  );
  for (const r of countReader.getRowObjectsJson()) {
    perFile.set(Number(r.file_idx), { landed: Number(r.landed), quarantined: Number(r.quarantined) });
  }
  const reasons = new Map<string, number>();
  const reasonReader = await con.runAndReadAll(
    'SELECT reason_code, count(*) AS n FROM checked WHERE reason_code IS NOT NULL GROUP BY reason_code',
  );
  for (const r of reasonReader.getRowObjectsJson()) reasons.set(String(r.reason_code), Number(r.n));
  return { perFile, reasons };
}

/** Good rows to lake/raw/<feed>/, bad rows to lake/quarantine/<feed>/: one Parquet file per batch. */
async function copyRowsIntoPlace(con: DuckDBConnection, rules: FeedRules, target: ChunkTarget): Promise<void> {
  const { feed } = rules.spec;
  const { lakeDir, stagingDir, createdDirs } = target;
  const ingestedAtSql = `CAST(${sqlString(target.ingestedAt)} AS TIMESTAMPTZ)`;
  const landedCols = rules.output.map(([name]) => `c.${name}`).join(', ');
  await copyPartitionedIntoPlace(
    con,
    `SELECT b.batch_id, c.source_row, ${landedCols}, ${ingestedAtSql} AS ingested_at,
       ${rules.dateColumn ? `CAST(c.${rules.dateColumn} AS VARCHAR)` : 'b.business_date'} AS p_dt, b.coop_id AS p_coop, b.batch_id AS p_batch
     FROM checked c JOIN ingest_batches b USING (file_idx) WHERE c.reason_code IS NULL`,
    ['p_dt', 'p_coop', 'p_batch'],
    join(stagingDir, 'raw'),
    (v) => join(lakeDir, 'raw', feed, `dt=${v.p_dt}`, `coop_id=${v.p_coop}`, `part-${v.p_batch}.parquet`),
    createdDirs,
  );
  await copyPartitionedIntoPlace(
    con,
    `SELECT b.batch_id, c.source_row, c.raw_text, c.reason_code, c.reason_detail, ${ingestedAtSql} AS ingested_at,
       b.business_date AS p_dt, b.coop_id AS p_coop, b.batch_id AS p_batch
     FROM checked c JOIN ingest_batches b USING (file_idx) WHERE c.reason_code IS NOT NULL`,
    ['p_dt', 'p_coop', 'p_batch'],
    join(stagingDir, 'quarantine'),
    (v) => join(lakeDir, 'quarantine', feed, `dt=${v.p_dt}`, `coop_id=${v.p_coop}`, `part-${v.p_batch}.parquet`),
    createdDirs,
  );
}

function ledgerRows(
  rules: FeedRules,
  files: PreparedFile[],
  perFile: Map<number, { landed: number; quarantined: number }>,
): LedgerRow[] {
  return files.map((file, idx) => {
    const c = perFile.get(idx) ?? { landed: 0, quarantined: 0 };
    return {
      batch_id: file.batchId,
      coop_id: file.name.coopId,
      feed: rules.spec.feed,
      vendor: file.vendor,
      file_name: basename(file.relPath),
      checksum_sha256: file.checksum,
      business_date: file.name.businessDate,
      received_at: file.receivedAt,
      rows_in: c.landed + c.quarantined,
      rows_landed: c.landed,
      rows_quarantined: c.quarantined,
      status: file.arrivedSuperseded ? 'superseded' : 'landed',
      supersedes_batch_id: file.supersedes,
      reject_reason: null,
    };
  });
}

async function dropChunkTables(con: DuckDBConnection): Promise<void> {
  await con.run('DROP VIEW checked');
  await con.run('DROP TABLE IF EXISTS judged');
  await con.run('DROP TABLE IF EXISTS checked_lines');
  await con.run('DROP TABLE IF EXISTS fast_firsts');
  await con.run('DROP TABLE ingest_batches');
}
