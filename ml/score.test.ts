import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { score } from './score';
import { isoDay, tempDir } from './csv-test-helpers';
import { daysOfCover } from './stock-cover';
import { writeWarehouseFixture, type HourlySale, type SalesRow, type StockRow } from './warehouse-fixture';

const RICE = '6281000000011';
const WATER = '6281000000028';
const CHOC = '6281000000035';
const week = [10, 12, 14, 16, 18, 4, 6];
const SHAPE = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 7, 6, 4, 3, 3, 5, 7, 9, 10, 10, 9, 6, 3];

let dir = '';
let cleanup: () => Promise<void> = async () => {};
let warehousePath = '';
let warehouseWithHours = '';
let sales: SalesRow[] = [];
let stock: StockRow[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('score'));
  warehousePath = join(dir, 'rabt.duckdb');
  sales = [];
  // Four weeks from 2025-05-01 (a Thursday); last day 2025-05-28.
  for (let t = 0; t < 28; t++) {
    const d = isoDay('2025-05-01', t);
    sales.push({ site_id: 'C001-B01', product_id: RICE, business_date: d, quantity: week[t % 7] as number });
    sales.push({ site_id: 'C001-W', product_id: RICE, business_date: d, quantity: 500 });
    sales.push({ site_id: 'C001-B01', product_id: CHOC, business_date: d, quantity: 3 });
    // Water sells only on odd days at C002: missing days are zero sales, not gaps.
    if (t % 2 === 1) sales.push({ site_id: 'C002-M', product_id: WATER, business_date: d, quantity: 7 });
  }
  stock = [
    { site_id: 'C001-B01', product_id: RICE, stock_date: '2025-05-27', closing_qty: 40 },
    { site_id: 'C001-B01', product_id: RICE, stock_date: '2025-05-28', closing_qty: 100 },
    { site_id: 'C001-W', product_id: RICE, stock_date: '2025-05-28', closing_qty: 500 },
  ];
  await writeWarehouseFixture(warehousePath, sales, stock);

  // The same marts with seven weeks of hourly rice sales at two Jahra co-ops, tripling from
  // 2025-05-26 08:00.
  warehouseWithHours = join(dir, 'rabt-hours.duckdb');
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const hourly: HourlySale[] = [];
  for (let d = 0; d < 49; d++) {
    const day = isoDay('2025-04-10', d);
    for (let h = 8; h < 24; h++) {
      const surge = day >= '2025-05-26' ? 3 : 1;
      for (const site of ['C001-M', 'C003-M']) {
        hourly.push({
          site_id: site,
          product_id: RICE,
          sale_hour: `${day} ${String(h).padStart(2, '0')}:00:00`,
          quantity: Math.round((SHAPE[h] as number) * 2 * surge * (0.8 + 0.4 * rnd())),
        });
      }
    }
  }
  await writeWarehouseFixture(warehouseWithHours, sales, stock, hourly);
});
afterAll(() => cleanup());

async function query(sql: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const rows = (await con.runAndReadAll(sql)).getRowObjectsJS();
  con.closeSync();
  instance.closeSync();
  return rows;
}

const part = async (lakeDir: string, table: string) => {
  const files = await readdir(join(lakeDir, 'ml', table));
  expect(files).toHaveLength(1);
  return join(lakeDir, 'ml', table, files[0] as string);
};

describe('score', () => {
  it('forecasts each selling site × essential product and lands one Parquet run', async () => {
    const lakeDir = join(dir, 'lake');
    const before = (await stat(warehousePath)).mtimeMs;
    const events: unknown[] = [];
    const summary = await score({ warehousePath, lakeDir, horizonDays: 9, onProgress: (e) => events.push(e) });
    expect(summary).toMatchObject({ asOf: '2025-05-28', series: 2, rows: 18, horizonDays: 9, regionSeries: 2 });
    expect(events.length).toBeGreaterThan(0);
    expect((await stat(warehousePath)).mtimeMs).toBe(before);

    const files = await readdir(join(lakeDir, 'ml', 'demand_forecast'));
    expect(files).toEqual([`part-${summary.runId}.parquet`]);
    const rows = await query(
      `SELECT series_id, coop_id, site_id, product_id, CAST(ds AS VARCHAR) ds, model, yhat, yhat_lower, yhat_upper, level,
              typeof(ds) ds_type, typeof(generated_at) ga_type
       FROM read_parquet('${join(lakeDir, 'ml', 'demand_forecast', files[0] as string)}') ORDER BY series_id, ds`,
    );
    expect(rows[0]).toMatchObject({
      ds_type: 'DATE',
      ga_type: 'TIMESTAMP WITH TIME ZONE',
      coop_id: 'C001',
      site_id: 'C001-B01',
      product_id: RICE,
    });
    const rice = rows.filter((r) => r.series_id === `C001-B01:${RICE}`);
    expect(rice.map((r) => [r.ds, r.yhat])).toEqual(
      Array.from({ length: 9 }, (_, k) => [isoDay('2025-05-29', k), week[(28 + k) % 7]]),
    );
    // Zero-sales days filled: day 28 repeats day 21 (odd, 7), day 29 repeats day 22 (no row, 0).
    const water = rows.filter((r) => r.series_id === `C002-M:${WATER}`);
    expect(water.slice(0, 4).map((r) => r.yhat)).toEqual([7, 0, 7, 0]);
    expect(water.every((r) => (r.yhat_lower as number) >= 0 && (r.yhat_upper as number) >= (r.yhat as number))).toBe(
      true,
    );

    // Days of cover: the latest stock (100 on 05-28) against the rice forecast.
    const cover =
      await query(`SELECT level, site_id, governorate_id, stock_on_hand, days_of_cover, CAST(expected_stockout_date AS VARCHAR) d
      FROM read_parquet('${await part(lakeDir, 'stock_cover_forecast')}') WHERE product_id = '${RICE}' ORDER BY level DESC`);
    const riceForecast = rice.map((r) => r.yhat as number);
    expect(cover).toEqual([
      {
        level: 'site',
        site_id: 'C001-B01',
        governorate_id: 'KW-JA',
        stock_on_hand: 100,
        days_of_cover: daysOfCover(100, riceForecast),
        d: '2025-06-06',
      },
      {
        level: 'governorate',
        site_id: null,
        governorate_id: 'KW-JA',
        stock_on_hand: 600,
        days_of_cover: daysOfCover(600, riceForecast),
        d: expect.any(String),
      },
    ]);
    // No hourly sales in this warehouse: no alerts, but the alert files exist for dbt.
    expect(summary.alerts).toEqual({ alerts: 0, open: 0, events: 0 });
    expect(
      (await query(`SELECT count(*)::INT n FROM read_parquet('${await part(lakeDir, 'surge_alerts')}')`))[0]?.n,
    ).toBe(0);
    // C002 sold water on 14 days and never sent a stock count.
    const anomalies = await query(`SELECT kind, rank, coop_id, CAST(start_date AS VARCHAR) s, value_at_stake_kwd v
      FROM read_parquet('${await part(lakeDir, 'anomalies')}')`);
    expect(anomalies).toEqual([
      { kind: 'missing_stock_feed', rank: 1, coop_id: 'C002', s: '2025-05-02', v: 14 * 7 * 2 },
    ]);
    expect(summary.anomalies).toEqual({ missing_stock_feed: 1 });
  });

  it('raises a surge alert from the hourly sales mart and forecasts the next 48 hours', async () => {
    const lakeWithSales = join(dir, 'lake-sales');
    const summary = await score({ warehousePath: warehouseWithHours, lakeDir: lakeWithSales, horizonDays: 7 });
    expect(summary.alerts.alerts).toBe(1);
    const alerts =
      await query(`SELECT alert_id, governorate_id, category_id, status, CAST(since_at AS VARCHAR) since, coops_affected, top_product_ids, stock_on_hand
      FROM read_parquet('${await part(lakeWithSales, 'surge_alerts')}')`);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      governorate_id: 'KW-JA',
      category_id: 'RICE',
      status: 'open',
      coops_affected: 2,
      top_product_ids: RICE,
    });
    expect(String(alerts[0]?.since) >= '2025-05-26 08:00:00').toBe(true);
    expect(String(alerts[0]?.since) < '2025-05-26 20:00:00').toBe(true);
    const hourly = await query(
      `SELECT count(*)::INT n, sum(yhat) s FROM read_parquet('${await part(lakeWithSales, 'hourly_forecast')}')`,
    );
    const region = await query(`SELECT sum(yhat) s FROM read_parquet('${await part(lakeWithSales, 'region_forecast')}')
      WHERE series_id = 'KW-JA:RICE' AND ds <= DATE '2025-05-30'`);
    expect(hourly[0]?.n).toBe(48);
    expect(hourly[0]?.s).toBeCloseTo(region[0]?.s as number, 6);
    // Each branch × rice series, hour by hour: its own two days' forecast spread over the hours.
    const branchHourly =
      await query(`SELECT series_id, count(*)::INT n, sum(yhat) s, bool_and(yhat_lower <= yhat AND yhat <= yhat_upper) ordered
      FROM read_parquet('${await part(lakeWithSales, 'branch_hourly_forecast')}') WHERE product_id = '${RICE}' GROUP BY ALL ORDER BY series_id`);
    const branchDaily =
      await query(`SELECT series_id, sum(yhat) s FROM read_parquet('${await part(lakeWithSales, 'demand_forecast')}')
      WHERE product_id = '${RICE}' AND ds <= DATE '2025-05-30' GROUP BY ALL ORDER BY series_id`);
    expect(branchHourly.map((r) => r.series_id)).toEqual(branchDaily.map((r) => r.series_id));
    branchHourly.forEach((r, i) => {
      expect(r).toMatchObject({ n: 48, ordered: true });
      expect(r.s).toBeCloseTo(branchDaily[i]?.s as number, 6);
    });
    // Water in Hawalli has no hourly sales in this warehouse, so no hours to spread it over.
    const all = await query(
      `SELECT count(*)::INT n, count(*) FILTER (WHERE product_id = '${WATER}')::INT water FROM read_parquet('${await part(lakeWithSales, 'branch_hourly_forecast')}')`,
    );
    expect(all[0]).toEqual({ n: 48 * branchHourly.length, water: 0 });
    expect(summary.branchHourlyRows).toBe(all[0]?.n);
  });

  it('keeps a crisis months before asOf in the alert history (the replay covers the scored history)', async () => {
    // Hourly rice sales at two Jahra co-ops from 2025-01-01 to asOf (2025-05-28), tripling for
    // three days from 2025-02-10 08:00: 107 days back, well outside the old 63-day replay.
    const lakeDir = join(dir, 'lake-old-crisis');
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const hourly: HourlySale[] = [];
    for (let d = 0; d < 148; d++) {
      const day = isoDay('2025-01-01', d);
      const surge = day >= '2025-02-10' && day <= '2025-02-12' ? 3 : 1;
      for (let h = 8; h < 24; h++) {
        for (const site of ['C001-M', 'C003-M']) {
          hourly.push({
            site_id: site,
            product_id: RICE,
            sale_hour: `${day} ${String(h).padStart(2, '0')}:00:00`,
            quantity: Math.round((SHAPE[h] as number) * 2 * surge * (0.8 + 0.4 * rnd())),
          });
        }
      }
    }
    expect(hourly.at(-1)?.sale_hour.slice(0, 10)).toBe('2025-05-28');
    const crisisWarehouse = join(dir, 'rabt-old-crisis.duckdb');
    await writeWarehouseFixture(crisisWarehouse, sales, stock, hourly);
    const alertsOf = async () =>
      query(
        `SELECT status, CAST(since_at AS VARCHAR) since, CAST(closed_at AS VARCHAR) closed FROM read_parquet('${await part(lakeDir, 'surge_alerts')}')`,
      );

    const summary = await score({ warehousePath: crisisWarehouse, lakeDir, horizonDays: 3 });
    expect(summary.asOf).toBe('2025-05-28');
    const alerts = await alertsOf();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'closed' });
    expect(String(alerts[0]?.since).slice(0, 10)).toBe('2025-02-10');
    expect(String(alerts[0]?.closed) < '2025-02-20').toBe(true);

    // The window is what keeps it: replaying only the last 63 days loses it.
    const recent = await score({ warehousePath: crisisWarehouse, lakeDir, horizonDays: 3, surgeDays: 63 });
    expect(recent.alerts.alerts).toBe(0);
    expect(await alertsOf()).toEqual([]);
  });

  it('keeps cases older than the last weeks in the auditors’ queue (the checks cover the scored history)', async () => {
    // Scored seven weeks after the last sale: C002's missing stock counts (May) are long past.
    const asOf = '2025-07-15';
    const missingFeedCases = async (lakeDir: string) =>
      await query(
        `SELECT coop_id, CAST(start_date AS VARCHAR) s FROM read_parquet('${await part(lakeDir, 'anomalies')}') WHERE kind = 'missing_stock_feed'`,
      );
    const history = join(dir, 'lake-anomaly-history');
    await score({ warehousePath, lakeDir: history, asOf, horizonDays: 2 });
    expect(await missingFeedCases(history)).toContainEqual({ coop_id: 'C002', s: '2025-05-02' });
    const lastWeeks = join(dir, 'lake-anomaly-weeks');
    await score({ warehousePath, lakeDir: lastWeeks, asOf, horizonDays: 2, anomalyDays: 35 });
    expect(await missingFeedCases(lastWeeks)).not.toContainEqual({ coop_id: 'C002', s: '2025-05-02' });
  });

  it('honours asOf and replaces the previous run', async () => {
    const lakeDir = join(dir, 'lake2');
    await score({ warehousePath, lakeDir, horizonDays: 3 });
    const summary = await score({ warehousePath, lakeDir, horizonDays: 3, asOf: '2025-05-20' });
    const files = await readdir(join(lakeDir, 'ml', 'demand_forecast'));
    expect(files).toEqual([`part-${summary.runId}.parquet`]);
    const rows =
      await query(`SELECT CAST(ds AS VARCHAR) ds, yhat FROM read_parquet('${join(lakeDir, 'ml', 'demand_forecast', files[0] as string)}')
      WHERE series_id = 'C001-B01:${RICE}' ORDER BY ds`);
    expect(rows.map((r) => [r.ds, r.yhat])).toEqual([
      ['2025-05-21', week[20 % 7]],
      ['2025-05-22', week[21 % 7]],
      ['2025-05-23', week[22 % 7]],
    ]);
  });
});
