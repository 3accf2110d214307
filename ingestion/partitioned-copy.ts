import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Joins the partition values into DuckDB's one partition key; none of them (dates, ids, hex) holds it. */
const KEY_SEPARATOR = '~';

/**
 * Writes `query` as zstd Parquet, one file per combination of `partitionColumns`, into a
 * staging directory, then renames each file to the path `target(values)` gives. DuckDB's
 * partitioned COPY writes many batches' files in one pass; the rename (same file system)
 * is what makes each file appear whole or not at all. The partition columns are helpers
 * (p_…) and are not written into the files. They are joined into one key so DuckDB makes
 * one staging directory per file, not a tree: at tens of thousands of small files the
 * directories cost as much as the Parquet.
 *
 * `createdDirs` remembers target directories already made, across calls.
 * Returns the final paths, in the order they were put in place.
 */
export async function copyPartitionedIntoPlace(
  con: DuckDBConnection,
  query: string,
  partitionColumns: string[],
  stagingDir: string,
  target: (values: Record<string, string>) => string,
  createdDirs: Set<string> = new Set(),
): Promise<string[]> {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(dirname(stagingDir), { recursive: true });
  const key = `concat_ws(${sqlString(KEY_SEPARATOR)}, ${partitionColumns.map((c) => `CAST(${c} AS VARCHAR)`).join(', ')})`;
  await con.run(
    `COPY (SELECT * EXCLUDE (${partitionColumns.join(', ')}), ${key} AS p_key FROM (${query}))
     TO ${sqlString(stagingDir)} (FORMAT parquet, COMPRESSION zstd, WRITE_BLOOM_FILTER false, PARTITION_BY (p_key), WRITE_PARTITION_COLUMNS false)`,
  );
  const placed: string[] = [];
  let leaves: string[];
  try {
    leaves = readdirSync(stagingDir);
  } catch {
    return placed; // nothing written: the query had no rows
  }
  for (const leaf of leaves) {
    const eq = leaf.indexOf('=');
    if (eq < 0) continue;
    const parts = decodeURIComponent(leaf.slice(eq + 1)).split(KEY_SEPARATOR);
    const values = Object.fromEntries(partitionColumns.map((c, i) => [c, parts[i] ?? '']));
    const destination = target(values);
    const destinationDir = dirname(destination);
    if (!createdDirs.has(destinationDir)) {
      mkdirSync(destinationDir, { recursive: true });
      createdDirs.add(destinationDir);
    }
    const leafDir = join(stagingDir, leaf);
    const files = readdirSync(leafDir).filter((n) => n.endsWith('.parquet')).sort().map((n) => join(leafDir, n));
    if (files.length === 1) {
      renameSync(files[0]!, destination);
    } else {
      // DuckDB splits a partition when it had to close and reopen it; join the pieces.
      const merged = `${destination}.merge-${process.pid}`;
      const list = files.map(sqlString).join(', ');
      await con.run(`COPY (FROM read_parquet([${list}])) TO ${sqlString(merged)} (FORMAT parquet, COMPRESSION zstd)`);
      renameSync(merged, destination);
      for (const file of files) rmSync(file);
    }
    rmdirSync(leafDir);
    placed.push(destination);
  }
  rmdirSync(stagingDir);
  return placed;
}
