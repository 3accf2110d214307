import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** File moves in flight at once: enough to keep libuv's four pool threads busy. */
const MOVES_AT_ONCE = 8;

/** Runs tasks one after another: a DuckDB connection takes one statement at a time. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

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
 * Returns the final paths (in no particular order).
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
  let leaves: string[];
  try {
    leaves = readdirSync(stagingDir);
  } catch {
    return []; // nothing written: the query had no rows
  }
  const moves = leaves
    .filter((leaf) => leaf.includes('='))
    .map((leaf) => {
      const parts = decodeURIComponent(leaf.slice(leaf.indexOf('=') + 1)).split(KEY_SEPARATOR);
      return {
        leafDir: join(stagingDir, leaf),
        destination: target(Object.fromEntries(partitionColumns.map((c, i) => [c, parts[i] ?? '']))),
      };
    });
  // Directory creations, renames and removals go through libuv's thread pool, several at a time: done
  // one by one on the main thread they blocked it for ~2 ms each (an ext4 rmdir waits on the
  // journal), so JavaScript could not read and decode the next chunk meanwhile.
  const placed: string[] = [];
  const mergeLock = new Serial();
  const making = new Map<string, Promise<unknown>>();
  const ensureDir = async (dir: string): Promise<void> => {
    if (createdDirs.has(dir)) return;
    if (!making.has(dir)) making.set(dir, mkdir(dir, { recursive: true }));
    await making.get(dir);
    createdDirs.add(dir);
  };
  let next = 0;
  const mover = async (): Promise<void> => {
    while (next < moves.length) {
      const { leafDir, destination } = moves[next++]!;
      const files = (await readdir(leafDir))
        .filter((n) => n.endsWith('.parquet'))
        .sort()
        .map((n) => join(leafDir, n));
      await ensureDir(dirname(destination));
      if (files.length === 1) {
        await rename(files[0]!, destination);
      } else {
        // DuckDB splits a partition when it had to close and reopen it; join the pieces.
        const merged = `${destination}.merge-${process.pid}`;
        const list = files.map(sqlString).join(', ');
        await mergeLock.run(() =>
          con.run(`COPY (FROM read_parquet([${list}])) TO ${sqlString(merged)} (FORMAT parquet, COMPRESSION zstd)`),
        );
        await rename(merged, destination);
        for (const file of files) await rm(file);
      }
      await rmdir(leafDir);
      placed.push(destination);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MOVES_AT_ONCE, moves.length) }, mover));
  await rmdir(stagingDir);
  return placed;
}
