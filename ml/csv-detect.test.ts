import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { detectCsv } from './csv-detect';
import { isoDay, readCsvObjects, tempDir, writeSeriesCsv } from './csv-test-helpers';

const week = [10, 12, 14, 16, 18, 4, 6];
const daily: [string, string, number][] = Array.from({ length: 56 }, (_, t) => [
  'shop',
  isoDay('2025-03-01', t),
  (week[t % 7] as number) + (t % 3) - 1 + (t === 40 ? 30 : 0),
]);
// Five-minute readings of a feed stuck at 100 that jumps once.
const minutes: [string, string, number][] = Array.from({ length: 40 }, (_, t) => [
  'sensor',
  new Date(Date.UTC(2025, 2, 1, 6, 5 * t)).toISOString().slice(0, 16),
  t === 31 ? 140 : 100,
]);

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir('detect')));
afterAll(() => cleanup());

describe('detectCsv', () => {
  it('flags exactly the planted points, with the expected value of the pattern', async () => {
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    await writeSeriesCsv(input, [...daily, ...minutes]);
    const summary = await detectCsv({ input, output });
    expect(summary).toMatchObject({ series: 2, rows: 96, anomalies: 2 });
    expect(summary.intervals).toEqual({ '1d': 1, '5m': 1 });
    const out = await readCsvObjects(output);
    expect(Object.keys(out[0] ?? {})).toEqual(['series_id', 'ds', 'y', 'expected', 'score', 'is_anomaly']);
    const hits = out.filter((r) => r.is_anomaly === 'true').map((r) => [r.series_id, r.ds, Number(r.expected)]);
    expect(hits).toEqual([
      ['shop', isoDay('2025-03-01', 40), (week[40 % 7] as number) + (40 % 3) - 1],
      ['sensor', '2025-03-01T08:35', 100],
    ]);
    expect(out.every((r) => r.is_anomaly === 'true' || r.is_anomaly === 'false')).toBe(true);
  });

  it('is causal: cutting the file at any row leaves every earlier row unchanged', async () => {
    const full = join(dir, 'full.csv');
    await writeSeriesCsv(full, daily);
    await detectCsv({ input: full, output: join(dir, 'full-out.csv') });
    const fullRows = (await readFile(join(dir, 'full-out.csv'), 'utf8')).trim().split('\n');
    for (const cut of [3, 9, 15, 30, 41, 50]) {
      const part = join(dir, `cut-${cut}.csv`);
      await writeSeriesCsv(part, daily.slice(0, cut));
      await detectCsv({ input: part, output: join(dir, `cut-${cut}-out.csv`) });
      const rows = (await readFile(join(dir, `cut-${cut}-out.csv`), 'utf8')).trim().split('\n');
      expect(rows).toEqual(fullRows.slice(0, cut + 1));
    }
  });
});
