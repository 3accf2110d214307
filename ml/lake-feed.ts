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
 * A subquery over a feed's current rows in the lake: from landed batches that no resend or
 * correction superseded, as the warehouse counts them. Null when the lake holds none of
 * the feed (it is not sent, or not landed yet).
 */
export function currentFeedSql(lakeDir: string, feed: string): string | null {
  const feedDir = join(lakeDir, 'raw', feed);
  const ledgerDir = join(lakeDir, 'ledger');
  if (!hasParquet(feedDir) || !hasParquet(ledgerDir)) return null;
  const ledger = `read_parquet(${sqlString(join(ledgerDir, '*.parquet'))})`;
  return `(
    SELECT f.* FROM read_parquet(${sqlString(join(feedDir, '**', '*.parquet'))}, hive_partitioning = false) f
    WHERE f.batch_id IN (
      SELECT batch_id FROM ${ledger} WHERE status = 'landed'
      EXCEPT SELECT supersedes_batch_id FROM ${ledger} WHERE supersedes_batch_id IS NOT NULL
    )
  )`;
}
