import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Names a sender uses while a file is still being written; picked up on a later run. */
const IN_PROGRESS = /\.(tmp|part|partial|crdownload)$/i;

/**
 * Every file under the inbox (co-ops drop theirs in `inbox/<coop_id>/`), as paths relative
 * to it, sorted so runs are reproducible. Hidden files and half-written ones are left alone.
 */
export function listInboxFiles(inboxDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !IN_PROGRESS.test(entry.name)) found.push(relative(inboxDir, path));
    }
  };
  walk(inboxDir);
  return found.sort();
}
