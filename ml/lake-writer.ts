import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { GENERATED_AT_COLUMN, ML_OUTPUTS, type MlTable } from '../domain/ml-outputs';
import { copyAtomic, sqlString } from './duck';

export type Cell = string | number | boolean | null;

/**
 * Land one run of an ml output as `lake/ml/<table>/part-<runId>.parquet` (zstd), written
 * under a temp name and renamed into place, then drop earlier runs so dbt stages exactly
 * one current run. Rows hold the table's declared columns (domain/ml-outputs.ts) in order;
 * every file also carries `generated_at`.
 */
export async function writeRun(
  con: DuckDBConnection,
  lakeDir: string,
  table: MlTable,
  runId: string,
  generatedAt: string,
  rows: Iterable<Cell[]>,
): Promise<{ path: string; rows: number }> {
  const columns = ML_OUTPUTS[table];
  const tmp = `ml_out_${table.replace(/\W/g, '_')}`;
  // Dates and timestamps travel as text and are cast on the way out: simplest exact path.
  const staged = columns.map((c) => `"${c.name}" ${c.type === 'DATE' || c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type}`);
  await con.run(`CREATE OR REPLACE TEMP TABLE ${tmp} (${staged.join(', ')})`);
  const appender = await con.createAppender(tmp);
  let count = 0;
  for (const row of rows) {
    columns.forEach((c, i) => {
      const v = row[i];
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) appender.appendNull();
      else if (c.type === 'DOUBLE') appender.appendDouble(Number(v));
      else if (c.type === 'INTEGER') appender.appendInteger(Math.round(Number(v)));
      else if (c.type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else appender.appendVarchar(String(v));
    });
    appender.endRow();
    count++;
  }
  appender.closeSync();
  const dir = join(lakeDir, 'ml', table);
  await mkdir(dir, { recursive: true });
  const name = `part-${runId}.parquet`;
  const path = join(dir, name);
  const select = columns.map((c) =>
    c.type === 'DATE' || c.type === 'TIMESTAMP' ? `CAST("${c.name}" AS ${c.type}) AS "${c.name}"` : `"${c.name}"`,
  );
  await copyAtomic(
    con,
    `SELECT ${select.join(', ')}, CAST(${sqlString(generatedAt)} AS ${GENERATED_AT_COLUMN.type}) AS ${GENERATED_AT_COLUMN.name} FROM ${tmp}`,
    path,
    'FORMAT parquet, COMPRESSION zstd',
  );
  await con.run(`DROP TABLE ${tmp}`);
  await removeOtherRuns(dir, name);
  return { path, rows: count };
}

/** After the new run is in place, drop earlier runs (and temp files a crash left behind). */
export async function removeOtherRuns(dir: string, keep: string): Promise<void> {
  for (const f of await readdir(dir)) {
    if (f !== keep && f.startsWith('part-')) await rm(join(dir, f), { force: true });
  }
}
