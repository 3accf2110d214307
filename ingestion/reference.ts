import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { REFERENCE_DIR } from '../domain/reference-data';

/** Ingestion checks incoming ids against the committed reference CSVs by default. */
export const DEFAULT_REFERENCE_DIR = REFERENCE_DIR;

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const TABLES = [
  { table: 'ref_coops', file: 'ref_coops.csv', columns: ['coop_id', 'vendor'] },
  { table: 'ref_sites', file: 'ref_sites.csv', columns: ['site_id', 'coop_id', 'site_type'] },
  { table: 'ref_products', file: 'ref_products.csv', columns: ['product_id'] },
  { table: 'ref_suppliers', file: 'ref_suppliers.csv', columns: ['supplier_id'] },
];

/**
 * Loads the reference ids rows are checked against into tables every connection of the
 * (in-memory) database sees, and returns each co-op's vendor for the ledger.
 */
export async function loadReference(con: DuckDBConnection, referenceDir: string): Promise<Map<string, string>> {
  for (const { table, file, columns } of TABLES) {
    const path = join(referenceDir, file);
    if (!existsSync(path)) {
      throw new Error(`reference file ${path} is missing: ingestion checks co-ops, sites and products against it`);
    }
    const select = columns.map((c) => `trim(${c}) AS ${c}`).join(', ');
    try {
      await con.run(
        `CREATE OR REPLACE TABLE ${table} AS SELECT DISTINCT ${select} FROM read_csv(${sqlString(path)}, header = true, all_varchar = true)`,
      );
    } catch (err) {
      throw new Error(
        `reference file ${path} cannot be read with columns ${columns.join(', ')}: ${(err as Error).message}`,
      );
    }
  }
  const reader = await con.runAndReadAll('SELECT coop_id, vendor FROM ref_coops');
  return new Map(reader.getRowObjectsJson().map((r) => [String(r.coop_id), String(r.vendor)]));
}
