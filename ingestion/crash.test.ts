import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestInbox } from './ingest';
import { generateMalformedCorpus } from './malformed-corpus';
import { makeWorkspace, query } from './test-fixtures';

const here = fileURLToPath(new URL('.', import.meta.url));
const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const parquet = (dir: string): string => `${sq(join(dir, '**', '*.parquet'))}, hive_partitioning = false`;

/** Runs the child; kills it with SIGKILL once it has settled `killAfterFiles` files plus `delayMs`. */
function runChild(
  args: string[],
  killAfterFiles: number | null,
  delayMs: number,
): Promise<{ killed: boolean; settled: number }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: the tsx CLI would run a grandchild that outlives a SIGKILL.
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'child-ingest.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let settled = 0;
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      settled += d
        .toString()
        .split('\n')
        .filter((l) => /^\d+ /.test(l)).length;
      if (killAfterFiles !== null && !killed && settled >= killAfterFiles) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, settled });
      else if (code === 0) resolve({ killed: false, settled });
      else reject(new Error(`child ingestion failed (${code}): ${stderr}`));
    });
  });
}

/** Every Parquet file under dir, each of which must read whole. */
function parquetFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !p.includes(`${join(dir, '.staging')}`));
}

describe('crash safety', () => {
  it('after SIGKILLs at random points and a rerun, every row is in the lake exactly once and no file is partial', async () => {
    const crashed = makeWorkspace('rabt-crash-');
    const clean = makeWorkspace('rabt-clean-');
    for (const file of generateMalformedCorpus(320, 77)) crashed.put(file.relPath, file.bytes);
    cpSync(crashed.inbox, clean.inbox, { recursive: true });
    const args = [crashed.inbox, crashed.lake, crashed.reference, String(16 * 1024)];

    // Seeded, so a failure reproduces: kill after a varying number of settled files and a varying delay.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = await runChild(args, 1 + Math.floor(next() * 60), Math.floor(next() * 400));
      if (result.killed) kills++;
    }
    expect(kills).toBeGreaterThan(0);
    await runChild(args, null, 0);

    await ingestInbox({ inboxDir: clean.inbox, lakeDir: clean.lake, referenceDir: clean.reference });

    for (const area of ['raw', 'quarantine']) {
      const rows = (lake: string) =>
        query(
          `SELECT batch_id, source_row, count(*) AS copies FROM read_parquet(${parquet(join(lake, area))}) GROUP BY ALL ORDER BY ALL`,
        );
      const crashedRows = await rows(crashed.lake);
      expect(crashedRows.filter((r) => r.copies !== '1')).toEqual([]);
      expect(crashedRows).toEqual(await rows(clean.lake));
    }
    const ledgers = (lake: string) =>
      query(
        `SELECT batch_id, status, rows_in, rows_landed, rows_quarantined, supersedes_batch_id FROM read_parquet(${parquet(join(lake, 'ledger'))}) ORDER BY ALL`,
      );
    expect(await ledgers(crashed.lake)).toEqual(await ledgers(clean.lake));

    // No partial file anywhere: every file in the lake is a whole Parquet file (or a rejected original with its reason).
    const files = parquetFiles(crashed.lake).filter((p) => !p.includes(`${join(crashed.lake, 'rejected')}`));
    expect(files.every((p) => p.endsWith('.parquet'))).toBe(true);
    const unreadable: string[] = [];
    for (const file of files) {
      try {
        await query(`SELECT count(*) FROM read_parquet(${sq(file)})`);
      } catch {
        unreadable.push(file);
      }
    }
    expect(unreadable).toEqual([]);
    // Six ingestion runs in child processes; minutes when the shared 2-core machine is busy.
  }, 600_000);
});
