import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One ingestion writes to a lake at a time. The lock file holds the owner's pid, so a lock
 * left by a killed run (the crash test SIGKILLs one) is taken over instead of blocking
 * every later run.
 */
export function acquireLakeLock(lakeDir: string): () => void {
  mkdirSync(lakeDir, { recursive: true });
  const path = join(lakeDir, '.ingest.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `another ingestion (pid ${owner}) is writing to ${lakeDir}; wait for it or remove ${path} if it is gone`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the ingestion lock ${path}`);
}
