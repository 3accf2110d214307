/**
 * `npm run bench:simulate`: rows per second at national scale (every co-op, branch and
 * product). Bounded to a few days so it finishes in a couple of minutes; the figure is
 * per-day work, so it extrapolates linearly to the full 400-day span.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simulate } from '../simulator/simulate';

const days = Number(process.env.RABT_BENCH_DAYS ?? 7);
const outDir = await mkdtemp(path.join(tmpdir(), 'rabt-bench-sim-'));
try {
  const started = performance.now();
  const summary = await simulate({ scale: 'national', seed: 1, outDir, endDate: '2025-06-21', days });
  const seconds = (performance.now() - started) / 1000;
  const rows = summary.rows.sales + summary.rows.stock;
  console.log(
    `national scale, bounded to ${days} days (set RABT_BENCH_DAYS to change) ending 2025-06-21, inside the crisis wave`,
  );
  console.log(`co-ops ${summary.coops}, sites ${summary.sites}, products ${summary.products}, files ${summary.files}`);
  console.log(`rows: sales ${summary.rows.sales}, stock ${summary.rows.stock}, total ${rows}`);
  console.log(`time ${seconds.toFixed(1)} s → ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`);
  console.log(
    `a full 400-day national run would write about ${Math.round(((rows / days) * 400) / 1e6)} M rows in about ${Math.round(((seconds / days) * 400) / 60)} min`,
  );
} finally {
  await rm(outDir, { recursive: true, force: true });
}
