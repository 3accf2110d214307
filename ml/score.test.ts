import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { score } from './score';
import { isoDay, tempDir } from './csv-test-helpers';
import { writeWarehouseFixture, type SalesRow } from './warehouse-fixture';

const RICE = '6281000000011';
const WATER = '6281000000028';
const CHOC = '6281000000035';
const week = [10, 12, 14, 16, 18, 4, 6];

let dir = '';
let cleanup: () => Promise<void> = async () => {};
let warehousePath = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('score'));
  warehousePath = join(dir, 'rabt.duckdb');
  const sales: SalesRow[] = [];
  // Four weeks from 2025-05-01 (a Thursday); last day 2025-05-28.
  for (let t = 0; t < 28; t++) {
    const d = isoDay('2025-05-01', t);
    sales.push({ site_id: 'C001-B01', product_id: RICE, business_date: d, quantity: week[t % 7] as number });
    sales.push({ site_id: 'C001-W', product_id: RICE, business_date: d, quantity: 500 });
    sales.push({ site_id: 'C001-B01', product_id: CHOC, business_date: d, quantity: 3 });
    // Water sells only on odd days at C002: missing days are zero sales, not gaps.
    if (t % 2 === 1) sales.push({ site_id: 'C002-M', product_id: WATER, business_date: d, quantity: 7 });
  }
  await writeWarehouseFixture(warehousePath, sales);
});
afterAll(() => cleanup());

async function readParquet(path: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const r = await con.runAndReadAll(
    `SELECT series_id, coop_id, site_id, product_id, CAST(ds AS VARCHAR) ds, model, yhat, yhat_lower, yhat_upper, level,
            typeof(ds) ds_type, typeof(generated_at) ga_type
     FROM read_parquet('${path}') ORDER BY series_id, ds`,
  );
  const rows = r.getRowObjectsJS();
  con.closeSync();
  instance.closeSync();
  return rows;
}

describe('score', () => {
  it('forecasts each selling site × essential product and lands one Parquet run', async () => {
    const lakeDir = join(dir, 'lake');
    const before = (await stat(warehousePath)).mtimeMs;
    const events: unknown[] = [];
    const summary = await score({ warehousePath, lakeDir, horizonDays: 9, onProgress: (e) => events.push(e) });
    expect(summary).toMatchObject({ asOf: '2025-05-28', series: 2, rows: 18, horizonDays: 9 });
    expect(events.length).toBeGreaterThan(0);
    expect((await stat(warehousePath)).mtimeMs).toBe(before);

    const files = await readdir(join(lakeDir, 'ml', 'forecasts'));
    expect(files).toEqual([`part-${summary.runId}.parquet`]);
    const rows = await readParquet(join(lakeDir, 'ml', 'forecasts', files[0] as string));
    expect(rows[0]).toMatchObject({ ds_type: 'DATE', ga_type: 'TIMESTAMP WITH TIME ZONE', coop_id: 'C001', site_id: 'C001-B01', product_id: RICE });
    const rice = rows.filter((r) => r.series_id === `C001-B01:${RICE}`);
    expect(rice.map((r) => [r.ds, r.yhat])).toEqual(
      Array.from({ length: 9 }, (_, k) => [isoDay('2025-05-29', k), week[(28 + k) % 7]]),
    );
    // Zero-sales days filled: day 28 repeats day 21 (odd, 7), day 29 repeats day 22 (no row, 0).
    const water = rows.filter((r) => r.series_id === `C002-M:${WATER}`);
    expect(water.slice(0, 4).map((r) => r.yhat)).toEqual([7, 0, 7, 0]);
    expect(water.every((r) => (r.yhat_lower as number) >= 0 && (r.yhat_upper as number) >= (r.yhat as number))).toBe(true);
  });

  it('honours asOf and replaces the previous run', async () => {
    const lakeDir = join(dir, 'lake2');
    await score({ warehousePath, lakeDir, horizonDays: 3 });
    const summary = await score({ warehousePath, lakeDir, horizonDays: 3, asOf: '2025-05-20' });
    const files = await readdir(join(lakeDir, 'ml', 'forecasts'));
    expect(files).toEqual([`part-${summary.runId}.parquet`]);
    const rows = await readParquet(join(lakeDir, 'ml', 'forecasts', files[0] as string));
    expect(rows.filter((r) => r.series_id === `C001-B01:${RICE}`).map((r) => [r.ds, r.yhat])).toEqual([
      ['2025-05-21', week[20 % 7]],
      ['2025-05-22', week[21 % 7]],
      ['2025-05-23', week[22 % 7]],
    ]);
  });
});
