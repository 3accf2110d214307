import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * What `rabt up` last did, so a second run can skip stages whose inputs did not change.
 * Fingerprints are cheap (names, sizes, mtimes) because they run on every start.
 */
export interface PipelineState {
  simulation?: { scale: string; seed: number };
  ingestedInbox?: string;
  builtFromLake?: string;
  scoredWarehouse?: string;
}

export function readState(path: string): PipelineState {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PipelineState;
  } catch {
    // A damaged state file only costs a rebuild; it must never stop the start.
    return {};
  }
}

export function writeState(path: string, state: PipelineState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

export function fingerprint(...roots: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stats = statSync(path);
        hash.update(`${path}\0${stats.size}\0${stats.mtimeMs}\n`);
      }
    }
  };
  for (const root of roots) {
    if (existsSync(root) && statSync(root).isFile()) {
      const stats = statSync(root);
      hash.update(`${root}\0${stats.size}\0${stats.mtimeMs}\n`);
    } else walk(root);
  }
  return hash.digest('hex');
}
