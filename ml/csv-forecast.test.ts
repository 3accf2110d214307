import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { forecastCsv } from './csv-forecast';
import { isoDay, readCsvObjects, tempDir, writeSeriesCsv } from './csv-test-helpers';

const week = [10, 12, 14, 16, 18, 4, 6];
const hours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 22 ? 50 + h : 5));

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir('forecast')));
afterAll(() => cleanup());

describe('forecastCsv', () => {
  it('forecasts each series at its own interval, continuing the season', async () => {
    const input = join(dir, 'mixed.csv');
    const output = join(dir, 'mixed-out.csv');
    const rows: [string, string, number][] = [];
    for (let t = 0; t < 21; t++) rows.push(['daily', isoDay('2025-01-01', t), week[t % 7] as number]);
    for (let t = 0; t < 48; t++) {
      const stamp = new Date(Date.UTC(2025, 0, 1, t) - 3 * 3_600_000).toISOString().slice(0, 19);
      // written in Kuwait wall clock with its offset: 2025-01-01T00:00:00+03:00 …
      const wall = new Date(Date.parse(`${stamp}Z`) + 3 * 3_600_000).toISOString().slice(0, 19);
      rows.push(['hourly', `${wall}+03:00`, hours[t % 24] as number]);
    }
    for (let t = 0; t < 10; t++)
      rows.push([
        'q15',
        `2025-01-01 10:${String((t * 15) % 60).padStart(2, '0')}:00`.replace(
          '10:',
          `${String(10 + Math.floor((t * 15) / 60)).padStart(2, '0')}:`,
        ),
        t === 9 ? 7 : 5,
      ]);
    await writeSeriesCsv(input, rows);

    const summary = await forecastCsv({ input, output, horizon: 3, level: 0.8 });
    expect(summary).toMatchObject({ series: 3, rowsIn: 21 + 48 + 10, rowsOut: 9, horizon: 3, level: 0.8 });
    expect(summary.intervals).toEqual({ '1d': 1, '1h': 1, '15m': 1 });

    const out = await readCsvObjects(output);
    expect(Object.keys(out[0] ?? {})).toEqual(['series_id', 'ds', 'yhat', 'yhat_lower', 'yhat_upper']);
    const get = (id: string) => out.filter((r) => r.series_id === id);
    expect(get('daily').map((r) => [r.ds, Number(r.yhat), Number(r.yhat_lower), Number(r.yhat_upper)])).toEqual([
      ['2025-01-22', 10, 10, 10],
      ['2025-01-23', 12, 12, 12],
      ['2025-01-24', 14, 14, 14],
    ]);
    expect(get('hourly').map((r) => [r.ds, Number(r.yhat)])).toEqual([
      ['2025-01-03T00:00:00+03:00', 5],
      ['2025-01-03T01:00:00+03:00', 5],
      ['2025-01-03T02:00:00+03:00', 5],
    ]);
    // Ten quarter-hours are less than two days: plain naive, last value 7, bands widening.
    const q = get('q15');
    expect(q.map((r) => [r.ds, Number(r.yhat)])).toEqual([
      ['2025-01-01 12:30:00', 7],
      ['2025-01-01 12:45:00', 7],
      ['2025-01-01 13:00:00', 7],
    ]);
    const widths = q.map((r) => Number(r.yhat_upper) - Number(r.yhat_lower));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[2]).toBeCloseTo((widths[0] as number) * Math.sqrt(3), 9);
  });

  it('rejects a bad horizon before touching files', async () => {
    await expect(forecastCsv({ input: join(dir, 'none.csv'), output: join(dir, 'x.csv'), horizon: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
