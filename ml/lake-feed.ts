import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlString } from './duck';

export function hasParquet(dir: string): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? hasParquet(join(dir, entry.name)) : entry.name.endsWith('.parquet')) return true;
  }
  return false;
}

/**
 * The feed's files to read: every one, or with `days` only the `dt=` partitions in that
 * range (and any partition not named by a day). Ingestion files a sales row under its
 * business date, so a few weeks of a year-long lake open a few weeks of files: opening
 * every file's footer was most of a short read's time.
 */
function feedGlobs(feedDir: string, days?: { from: string; to: string }): string[] {
  if (!days) return [join(feedDir, '**', '*.parquet')];
  const globs: string[] = [];
  for (const entry of readdirSync(feedDir, { withFileTypes: true })) {
    const dir = join(feedDir, entry.name);
    if (!entry.isDirectory()) {
      if (entry.name.endsWith('.parquet')) globs.push(dir);
      continue;
    }
    const day = /^dt=(\d{4}-\d{2}-\d{2})$/.exec(entry.name)?.[1];
    if (day !== undefined && (day < days.from || day > days.to)) continue;
    if (hasParquet(dir)) globs.push(join(dir, '**', '*.parquet'));
  }
  return globs.sort();
}

/**
 * A subquery over a feed's current rows in the lake: from landed batches that no resend or
 * correction superseded, as the warehouse counts them. Null when the lake holds none of
 * the feed (it is not sent, or not landed yet). With `days`, only the files of partitions
 * in that range are read: the caller still filters rows by their date.
 */
export function currentFeedSql(lakeDir: string, feed: string, days?: { from: string; to: string }): string | null {
  const feedDir = join(lakeDir, 'raw', feed);
  const ledgerDir = join(lakeDir, 'ledger');
  if (!hasParquet(feedDir) || !hasParquet(ledgerDir)) return null;
  const globs = feedGlobs(feedDir, days);
  if (globs.length === 0) return null;
  const ledger = `read_parquet(${sqlString(join(ledgerDir, '*.parquet'))})`;
  return `(
    SELECT f.* FROM read_parquet([${globs.map(sqlString).join(', ')}], hive_partitioning = false) f
    WHERE f.batch_id IN (
      SELECT batch_id FROM ${ledger} WHERE status = 'landed'
      EXCEPT SELECT supersedes_batch_id FROM ${ledger} WHERE supersedes_batch_id IS NOT NULL
    )
  )`;
}
