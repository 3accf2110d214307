import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/*
 * Runs the SQL dbt compiled for a build straight on DuckDB, in the order dbt finished the
 * nodes, to show what dbt itself costs on top of the engine. Models become the statement
 * their materialisation boils down to; data tests become a count over the test query.
 * Seeds, unit tests and hooks have no plain-SQL twin and are left out.
 */

interface ManifestNode {
  unique_id: string;
  resource_type: string;
  relation_name?: string | null;
  compiled_code?: string;
  config: { materialized?: string; unique_key?: string | string[] | null };
}

export interface DirectRunResult {
  seconds: number;
  models: number;
  tests: number;
}

export function readBuildArtifacts(targetDir: string): { nodes: Record<string, ManifestNode>; order: string[] } {
  const manifest = JSON.parse(readFileSync(join(targetDir, 'manifest.json'), 'utf8')) as {
    nodes: Record<string, ManifestNode>;
  };
  const runResults = JSON.parse(readFileSync(join(targetDir, 'run_results.json'), 'utf8')) as {
    results: { unique_id: string }[];
  };
  return { nodes: manifest.nodes, order: runResults.results.map((r) => r.unique_id) };
}

/** The statements one node of a build amounts to, or [] when it has no plain-SQL twin. */
export function statementsFor(node: ManifestNode, incremental: boolean): string[] {
  const sql = node.compiled_code?.trim();
  if (!sql) return [];
  if (node.resource_type === 'test') return [`select count(*) from (${sql}) as failures`];
  if (node.resource_type !== 'model' || !node.relation_name) return [];
  const relation = node.relation_name;
  const materialized = node.config.materialized ?? 'view';
  if (materialized === 'view') return [`create or replace view ${relation} as ${sql}`];
  if (materialized === 'incremental' && incremental) {
    const keys = [node.config.unique_key ?? []].flat();
    const temp = `direct_${node.unique_id.replace(/\W/g, '_')}`;
    // joined to the distinct keys, as macros/delete_insert.sql does: joined to the new rows
    // themselves, each old row would meet every new row of its co-op-day
    const match = keys.map((k) => `${relation}.${k} = direct_keys.${k}`).join(' and ');
    return [
      `create or replace temp table ${temp} as ${sql}`,
      keys.length > 0
        ? `delete from ${relation} using (select distinct ${keys.join(', ')} from ${temp}) as direct_keys where ${match}`
        : '',
      `insert into ${relation} by name select * from ${temp}`,
    ].filter(Boolean);
  }
  return [`create or replace table ${relation} as ${sql}`];
}

/**
 * Runs the build's compiled SQL on `databasePath`, attached under the catalog name dbt
 * used (`rabt`). For a full build the file holds the seeds only; for an incremental one it
 * is a copy of the warehouse as it was before that build.
 */
export async function runCompiledSql(options: {
  databasePath: string;
  targetDir: string;
  incremental: boolean;
}): Promise<DirectRunResult> {
  const { nodes, order } = readBuildArtifacts(options.targetDir);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${options.databasePath.replace(/'/g, "''")}' as rabt`);
    await connection.run(`use rabt`);
    await connection.run(`set TimeZone = 'Asia/Kuwait'`);
    // The replay's database is thrown away, so it need not checkpoint as it goes: at national
    // scale (7 days, DuckDB 1.5.6) the incremental replay's automatic checkpoint failed with
    // "Invalid bit width for bitpacking" and invalidated the database. Without checkpoints the
    // direct figure leaves out the checkpoint writes dbt's run pays for (slightly optimistic).
    await connection.run(`set checkpoint_threshold = '1TB'`);
    await connection.run(`pragma disable_checkpoint_on_shutdown`);
    for (const schema of ['staging', 'intermediate', 'marts'])
      await connection.run(`create schema if not exists rabt.${schema}`);
    let models = 0;
    let tests = 0;
    const started = performance.now();
    for (const id of order) {
      const node = nodes[id];
      if (!node) continue;
      const statements = statementsFor(node, options.incremental);
      for (const statement of statements) await connection.run(statement);
      if (statements.length > 0) {
        if (node.resource_type === 'model') models += 1;
        else tests += 1;
      }
    }
    return { seconds: (performance.now() - started) / 1000, models, tests };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
