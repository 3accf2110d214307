/**
 * `npm run bench:build [-- --scale demo] [--days N] [--end-date YYYY-MM-DD] [--dir DIR]`:
 * the warehouse build's full and one-day incremental times, each beside the time DuckDB
 * takes to run the same compiled SQL directly, so dbt's overhead shows as a ratio.
 *
 * Simulates a world, ingests all but its last day, builds from empty (full), ingests the
 * last day and builds again (incremental: that day plus the look-back). The direct runs
 * replay each build's compiled SQL (transform/direct-sql.ts) on a copy of the warehouse as
 * it stood before that build. The simulation is kept under --dir between runs; the lake is
 * ingested afresh each run.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildWarehouse, type BuildSummary } from '../transform/build';
import { runCompiledSql } from '../transform/direct-sql';

interface Options {
  scale: 'small' | 'demo' | 'national';
  days?: string;
  endDate: string;
  seed: string;
  dir?: string;
}

const options = new Command()
  .option('--scale <scale>', 'simulator scale', 'demo')
  .option('--days <n>', 'simulated days (default: the scale span)')
  .option('--end-date <date>', 'last simulated day', '2026-06-30')
  .option('--seed <n>', 'simulation seed', '42')
  .option('--dir <dir>', 'work directory (default data/bench-build/<scale>)')
  .parse()
  .opts<Options>();

const dir = options.dir ?? join('data', 'bench-build', `${options.scale}-${options.days ?? 'span'}`);
const simDir = join(dir, 'sim');
const inboxDir = join(simDir, 'inbox');
const lastDayInbox = join(dir, 'inbox-last-day');
const lakeDir = join(dir, 'lake');
const warehousePath = join(dir, 'warehouse', 'rabt.duckdb');
const targetDir = join(dir, 'target');
const seconds = (start: number) => (performance.now() - start) / 1000;

/** Moves every inbox file dated `day` (YYYYMMDD in its name) to `to`; returns how many. */
function holdBack(day: string, from: string, to: string): number {
  let moved = 0;
  for (const coop of readdirSync(from)) {
    for (const file of readdirSync(join(from, coop))) {
      if (file.split('__')[2] !== day) continue;
      mkdirSync(join(to, coop), { recursive: true });
      renameSync(join(from, coop, file), join(to, coop, file));
      moved += 1;
    }
  }
  return moved;
}

/**
 * A database holding only the seeds and snapshots of `warehousePath`, the state no plain
 * SQL rebuilds: where a full build's SQL starts.
 */
async function seedsOnlyCopy(path: string): Promise<void> {
  rmSync(path, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${warehousePath}' as published (read_only)`);
    await connection.run(`attach '${path}' as fresh`);
    const tables = (
      await connection.runAndReadAll(
        `select schema_name, table_name from duckdb_tables() where database_name = 'published' and schema_name in ('reference', 'snapshots')`,
      )
    ).getRowObjects();
    for (const { schema_name, table_name } of tables) {
      const name = `${String(schema_name)}.${String(table_name)}`;
      await connection.run(`create schema if not exists fresh.${String(schema_name)}`);
      await connection.run(`create table fresh.${name} as select * from published.${name}`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function touchedDays(): Promise<string[]> {
  const instance = await DuckDBInstance.create(warehousePath, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rows = (
      await connection.runAndReadAll(
        `select distinct business_date::varchar as d from marts.fct_sales_daily
       where loaded_at = (select max(loaded_at) from marts.fct_sales_daily) order by 1`,
      )
    ).getRowObjects();
    return rows.map((r) => String(r.d));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function line(label: string, summary: BuildSummary, direct: number): string {
  return (
    `${label.padEnd(12)} dbt ${summary.seconds.toFixed(1).padStart(6)} s (${summary.models} models, ${summary.tests} tests)   ` +
    `DuckDB direct ${direct.toFixed(1).padStart(6)} s   dbt/direct ×${(summary.seconds / direct).toFixed(1)}`
  );
}

const { ingestInbox } = await import('../ingestion/ingest');
const lastDay = options.endDate.replace(/-/g, '');
if (!existsSync(inboxDir)) {
  const { simulate } = await import('../simulator/simulate');
  const t = performance.now();
  await simulate({
    scale: options.scale,
    seed: Number(options.seed),
    outDir: simDir,
    endDate: options.endDate,
    days: options.days ? Number(options.days) : undefined,
  });
  console.log(`simulated ${options.scale} to ${options.endDate} in ${seconds(t).toFixed(1)} s`);
}
// The lake is rebuilt every run so the full build never already holds the last day.
if (existsSync(lastDayInbox)) holdBack(lastDay, lastDayInbox, inboxDir);
rmSync(lakeDir, { recursive: true, force: true });
rmSync(lastDayInbox, { recursive: true, force: true });
console.log(`holding back ${holdBack(lastDay, inboxDir, lastDayInbox)} files dated ${options.endDate}`);
{
  const t = performance.now();
  const ingested = await ingestInbox({ inboxDir, lakeDir });
  console.log(`ingested ${ingested.rows_landed} rows in ${seconds(t).toFixed(1)} s`);
}

// Full: from an empty warehouse.
rmSync(join(dir, 'warehouse'), { recursive: true, force: true });
const full = await buildWarehouse({ dataDir: dir, lakeDir, warehousePath, targetDir, fullRefresh: true });
const fullDirectDb = join(dir, 'direct-full.duckdb');
await seedsOnlyCopy(fullDirectDb);
const fullDirect = await runCompiledSql({ databasePath: fullDirectDb, targetDir, incremental: false });

// One more day: ingest it, build incrementally from the published warehouse.
const beforeIncremental = join(dir, 'direct-incremental.duckdb');
copyFileSync(warehousePath, beforeIncremental);
if (existsSync(lastDayInbox)) {
  const ingested = await ingestInbox({ inboxDir: lastDayInbox, lakeDir });
  console.log(`ingested the last day: ${ingested.rows_landed} rows`);
}
const incremental = await buildWarehouse({ dataDir: dir, lakeDir, warehousePath, targetDir });
const incrementalDirect = await runCompiledSql({ databasePath: beforeIncremental, targetDir, incremental: true });
const days = await touchedDays();

console.log(
  `\nwarehouse build, ${options.scale} scale${options.days ? `, ${options.days} days` : ''} to ${options.endDate}`,
);
console.log(line('full', full, fullDirect.seconds));
console.log(line('incremental', incremental, incrementalDirect.seconds));
console.log(`incremental run rewrote sales days: ${days.join(', ')}`);
console.log(
  "(DuckDB direct: the models' and data tests' compiled SQL in dbt's order; no seeds, snapshots, unit tests or hooks)",
);
// the replays do not checkpoint (direct-sql.ts), so each leaves its write-ahead log beside it
for (const path of [fullDirectDb, beforeIncremental])
  for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
