import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './duck';

/** Attach the published warehouse as `wh`; ml reads its marts and nothing else. */
export async function attachWarehouse(con: DuckDBConnection, warehousePath: string): Promise<void> {
  // READ_ONLY: a build may swap the published file at any time; we never hold it for writing.
  await con.run(`ATTACH ${sqlString(warehousePath)} AS wh (READ_ONLY)`);
}

export async function lastSalesDay(con: DuckDBConnection): Promise<string | null> {
  const r = await con.runAndReadAll('SELECT CAST(max(business_date) AS VARCHAR) FROM wh.marts.fct_sales_daily');
  return (r.getRows()[0]?.[0] as string | null) ?? null;
}

/**
 * Whether the attached warehouse holds a mart: a warehouse published before a feed's mart
 * existed simply has none of its cases, as a lake without that feed had none before.
 */
export async function hasMart(con: DuckDBConnection, mart: string): Promise<boolean> {
  const r = await con.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = 'wh' AND schema_name = 'marts' AND table_name = ${sqlString(mart)}`,
  );
  return Number(r.getRows()[0]?.[0]) > 0;
}
