import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Writes `query` as zstd Parquet, one file per combination of `partitionColumns`, into a
 * staging directory, then renames each file to the path `target(values)` gives. DuckDB's
 * partitioned COPY writes many batches' files in one pass; the rename (same file system)
 * is what makes each file appear whole or not at all. The partition columns are helpers
 * (p_…) and are not written into the files.
 *
 * Returns the final paths, in the order they were put in place.
 */
export async function copyPartitionedIntoPlace(
  con: DuckDBConnection,
  query: string,
  partitionColumns: string[],
  stagingDir: string,
  target: (values: Record<string, string>) => string,
): Promise<string[]> {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(dirname(stagingDir), { recursive: true });
  await con.run(
    `COPY (${query}) TO ${sqlString(stagingDir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${partitionColumns.join(', ')}), WRITE_PARTITION_COLUMNS false)`,
  );
  const placed: string[] = [];
  for (const { values, files } of leaves(stagingDir, partitionColumns.length)) {
    const destination = target(values);
    mkdirSync(dirname(destination), { recursive: true });
    if (files.length === 1) {
      renameSync(files[0]!, destination);
    } else {
      // DuckDB splits a partition when it had to close and reopen it; join the pieces.
      const merged = `${destination}.merge-${process.pid}`;
      const list = files.map(sqlString).join(', ');
      await con.run(`COPY (FROM read_parquet([${list}])) TO ${sqlString(merged)} (FORMAT parquet, COMPRESSION zstd)`);
      renameSync(merged, destination);
    }
    placed.push(destination);
  }
  rmSync(stagingDir, { recursive: true, force: true });
  return placed;
}

function* leaves(dir: string, depth: number, values: Record<string, string> = {}): Generator<{ values: Record<string, string>; files: string[] }> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // nothing written: the query had no rows
  }
  if (depth === 0) {
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.parquet')).map((e) => join(dir, e.name)).sort();
    if (files.length > 0) yield { values, files };
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const eq = entry.name.indexOf('=');
    if (eq < 0) continue;
    const key = entry.name.slice(0, eq);
    const value = decodeURIComponent(entry.name.slice(eq + 1));
    yield* leaves(join(dir, entry.name), depth - 1, { ...values, [key]: value });
  }
}
