import { rename, rm } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Quote a string as a SQL literal (paths, ids). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Run fn on a fresh in-memory DuckDB. Warehouse files are ATTACHed READ_ONLY inside it,
 * so ml never holds the published file for writing while a build may swap it.
 */
export async function withDuck<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * COPY a query to `target` through a temp name in the same directory and rename it into
 * place, so a reader never sees a half-written file.
 */
export async function copyAtomic(con: DuckDBConnection, query: string, target: string, options: string): Promise<void> {
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await con.run(`COPY (${query}) TO ${sqlString(tmp)} (${options})`);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
