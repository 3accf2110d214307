import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BuildFailedError, buildPathFor, buildWarehouse, progressFromDbtLine, type BuildProgressEvent } from './build';
import { generateDocs } from './docs';
import { PRODUCTS, TinyLake, writeTestProject, type SalesRow } from './test-support/tiny-lake';

// Real dbt on a tiny lake: a build takes ~30 s on 2 idle cores and up to ~400 s when the
// machine is shared (load ~20); the timeout only guards against a hung dbt.
const BUILD_TIMEOUT = 900_000;

async function query<T = Record<string, unknown>>(path: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const total = (rows: SalesRow[], pick: (r: SalesRow) => number) => rows.reduce((acc, r) => acc + pick(r), 0);

describe('progressFromDbtLine', () => {
  it('reports per-node results with their position and drops chatter', () => {
    const result = JSON.stringify({
      info: { name: 'LogTestResult', msg: '\u001b[32mPASS\u001b[0m unique_dim_coop_coop_id', level: 'info' },
      data: { index: 3, num_models: 9, status: 'pass', node_info: { unique_id: 'test.rabt.unique_dim_coop_coop_id' } },
    });
    expect(progressFromDbtLine(result)).toEqual({
      stage: 'dbt',
      done: 3,
      total: 9,
      status: 'pass',
      node: 'test.rabt.unique_dim_coop_coop_id',
      message: 'PASS unique_dim_coop_coop_id',
    });
    expect(
      progressFromDbtLine(
        JSON.stringify({ info: { name: 'NodeStart', msg: 'Began running', level: 'debug' }, data: {} }),
      ),
    ).toBeNull();
    expect(
      progressFromDbtLine(
        JSON.stringify({ info: { name: 'RunningOperationError', msg: 'boom', level: 'error' }, data: {} }),
      )?.message,
    ).toBe('boom');
  });

  it('derives the write/audit path from the published one', () => {
    expect(buildPathFor('/x/warehouse/rabt.duckdb')).toBe('/x/warehouse/rabt.build.duckdb');
  });
});

describe('buildWarehouse (real dbt on a tiny lake)', () => {
  const root = mkdtempSync(join(tmpdir(), 'rabt-build-'));
  const lakeDir = join(root, 'lake');
  const projectDir = join(root, 'project');
  const targetDir = join(root, 'target');
  const warehousePath = join(root, 'warehouse', 'rabt.duckdb');
  const base = { dataDir: root, lakeDir, warehousePath, projectDir, targetDir };
  let lake: TinyLake;

  const day1: SalesRow[] = [
    { siteId: 'C001-M', productId: PRODUCTS.rice, hour: 9, quantity: 10, amount: 24.5, receipts: 7 },
    { siteId: 'C001-M', productId: PRODUCTS.rice, hour: 18, quantity: 4, amount: 9.8, receipts: 3 },
    { siteId: 'C001-B01', productId: PRODUCTS.oil, hour: 12, quantity: 6, amount: 6.9, receipts: 5 },
  ];
  beforeAll(async () => {
    writeTestProject(projectDir);
    lake = await TinyLake.create(lakeDir);
  });
  afterAll(() => {
    lake.close();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'builds from an empty warehouse, publishes, and an ML source with no file yet builds empty',
    async () => {
      await lake.sales(
        { batchId: 'sa-c001-d1', coopId: 'C001', businessDate: '2025-06-14', receivedAt: '2025-06-15T01:00:00Z' },
        day1,
      );
      await lake.stock(
        { batchId: 'st-c001-d1', coopId: 'C001', businessDate: '2025-06-14', receivedAt: '2025-06-15T01:05:00Z' },
        [
          { siteId: 'C001-M', productId: PRODUCTS.rice, closingQty: 70 },
          { siteId: 'C001-W', productId: PRODUCTS.rice, closingQty: 500 },
        ],
      );
      const events: BuildProgressEvent[] = [];
      const summary = await buildWarehouse({ ...base, onProgress: (e) => events.push(e) });

      expect(summary.published).toBe(true);
      expect(summary.startedFrom).toBe('empty');
      expect(summary.failed).toEqual([]);
      expect(summary.tests).toBeGreaterThan(50);
      expect(existsSync(warehousePath)).toBe(true);
      expect(existsSync(buildPathFor(warehousePath))).toBe(false);
      expect(existsSync(join(targetDir, 'run_results.json'))).toBe(true);
      const counted = events.filter((e) => e.done !== undefined);
      expect(counted.length).toBe(summary.nodes);
      expect(counted.every((e) => e.total === summary.nodes)).toBe(true);

      const sales = await query<{ site_id: string; quantity: string; net_amount_kwd: string; receipt_count: number }>(
        warehousePath,
        `select site_id, quantity, net_amount_kwd, receipt_count from marts.fct_sales_daily
       where business_date = date '2025-06-14' and product_id = '${PRODUCTS.rice}'`,
      );
      const rice = day1.filter((r) => r.productId === PRODUCTS.rice);
      expect(sales).toHaveLength(1);
      expect(Number(sales[0]!.quantity)).toBeCloseTo(
        total(rice, (r) => r.quantity),
        3,
      );
      expect(Number(sales[0]!.net_amount_kwd)).toBeCloseTo(
        total(rice, (r) => r.amount),
        3,
      );
      expect(sales[0]!.receipt_count).toBe(total(rice, (r) => r.receipts ?? 0));

      const stock = await query<{
        site_id: string;
        avg_daily_demand_28d: number | null;
        days_of_cover: number | null;
        is_latest: boolean;
      }>(
        warehousePath,
        `select site_id, avg_daily_demand_28d, days_of_cover, is_latest from marts.fct_stock_daily order by site_id`,
      );
      const riceDemand = total(rice, (r) => r.quantity); // one day reported, so the average is that day
      expect(stock.find((s) => s.site_id === 'C001-M')).toEqual({
        site_id: 'C001-M',
        avg_daily_demand_28d: riceDemand,
        days_of_cover: Number((70 / riceDemand).toFixed(2)),
        is_latest: true,
      });
      // a warehouse sells nothing: its cover is unknown rather than infinite
      expect(stock.find((s) => s.site_id === 'C001-W')?.days_of_cover).toBeNull();
      expect(await query(warehousePath, 'select * from marts.fct_demand_forecast')).toEqual([]);
      // The tiny lake's ledger is written as before reject_reason existed: the column is there, empty.
      expect(
        await query(
          warehousePath,
          `select batch_status, reject_code, reject_reason from marts.fct_batches order by batch_id`,
        ),
      ).toEqual([
        { batch_status: 'landed', reject_code: null, reject_reason: null },
        { batch_status: 'landed', reject_code: null, reject_reason: null },
      ]);
    },
    BUILD_TIMEOUT,
  );

  it(
    'incrementally recomputes only news and the look-back, picking up a correction without double counting',
    async () => {
      // days 2..4 arrive and are built; then day 1 arrives late, day 4 is corrected, day 5 is new
      const daily = (d: number): SalesRow[] => [
        {
          siteId: 'C001-M',
          productId: PRODUCTS.rice,
          hour: 10,
          quantity: 10 + d,
          amount: 2.45 * (10 + d),
          receipts: d,
        },
      ];
      const date = (d: number) => `2025-06-${String(14 + d).padStart(2, '0')}`;
      for (const d of [2, 3, 4]) {
        await lake.sales(
          { batchId: `sa-c001-d${d}`, coopId: 'C001', businessDate: date(d), receivedAt: `${date(d + 1)}T01:00:00Z` },
          daily(d),
        );
        await lake.stock(
          { batchId: `st-c001-d${d}`, coopId: 'C001', businessDate: date(d), receivedAt: `${date(d + 1)}T01:05:00Z` },
          [{ siteId: 'C001-M', productId: PRODUCTS.rice, closingQty: 100 - d }],
        );
      }
      await buildWarehouse({ ...base, vars: { lookback_days: 1 } });
      const loadedBefore = await query<{ business_date: string; loaded_at: string }>(
        warehousePath,
        `select distinct business_date, loaded_at::varchar as loaded_at from marts.fct_sales_daily order by 1`,
      );

      const corrected4: SalesRow[] = [
        { siteId: 'C001-M', productId: PRODUCTS.rice, hour: 10, quantity: 1, amount: 2.45, receipts: 1 },
      ];
      await lake.sales(
        { batchId: 'sa-c001-d1-late', coopId: 'C001', businessDate: date(1), receivedAt: '2025-06-25T01:00:00Z' },
        daily(1),
      );
      await lake.sales(
        {
          batchId: 'sa-c001-d4-corr',
          coopId: 'C001',
          businessDate: date(4),
          receivedAt: '2025-06-25T02:00:00Z',
          supersedes: 'sa-c001-d4',
        },
        corrected4,
      );
      await lake.sales(
        { batchId: 'sa-c001-d5', coopId: 'C001', businessDate: date(5), receivedAt: '2025-06-25T03:00:00Z' },
        daily(5),
      );
      await lake.stock(
        { batchId: 'st-c001-d5', coopId: 'C001', businessDate: date(5), receivedAt: '2025-06-25T03:05:00Z' },
        [{ siteId: 'C001-M', productId: PRODUCTS.rice, closingQty: 95 }],
      );
      await lake.forecasts(
        [{ siteId: 'C001-M', productId: PRODUCTS.rice, ds: date(6), yhat: 12 }],
        '2025-06-25T04:00:00Z',
      );

      const summary = await buildWarehouse({ ...base, vars: { lookback_days: 1 } });
      expect(summary.startedFrom).toBe('published');
      expect(summary.published).toBe(true);

      const sales = await query<{ business_date: string; quantity: string; loaded_at: string }>(
        warehousePath,
        `select business_date, sum(quantity) as quantity, max(loaded_at)::varchar as loaded_at
       from marts.fct_sales_daily where product_id = '${PRODUCTS.rice}' group by 1 order by 1`,
      );
      const riceOf = (rows: SalesRow[]) =>
        total(
          rows.filter((r) => r.productId === PRODUCTS.rice),
          (r) => r.quantity,
        );
      // day 0 is the first test's day; day 1 arrived late; day 4 was replaced, not added to
      const perDay = [
        riceOf(day1),
        riceOf(daily(1)),
        riceOf(daily(2)),
        riceOf(daily(3)),
        riceOf(corrected4),
        riceOf(daily(5)),
      ];
      expect(sales.map((r) => [r.business_date, Number(r.quantity)])).toEqual(perDay.map((q, d) => [date(d), q]));
      // untouched: days 2 and 3 (no news, outside a one-day look-back behind day 4)
      const before = new Map(loadedBefore.map((r) => [r.business_date, r.loaded_at]));
      const rerun = sales.filter((r) => r.loaded_at !== before.get(r.business_date)).map((r) => r.business_date);
      expect(rerun).toEqual([date(1), date(4), date(5)]);

      const stock = await query<{ stock_date: string; is_latest: boolean; avg_daily_demand_28d: number }>(
        warehousePath,
        `select stock_date, is_latest, avg_daily_demand_28d from marts.fct_stock_daily where site_id = 'C001-M' order by stock_date`,
      );
      expect(stock.map((s) => s.is_latest)).toEqual([false, false, false, false, true]);
      // day 2's window now holds the late day 1 as well: (day0 + day1 + day2) / 3 reported days
      const day2Stock = stock.find((s) => s.stock_date === date(2))!;
      expect(day2Stock.avg_daily_demand_28d).toBeCloseTo((perDay[0]! + perDay[1]! + perDay[2]!) / 3, 3);
      const day5Stock = stock.find((s) => s.stock_date === date(5))!;
      expect(day5Stock.avg_daily_demand_28d).toBeCloseTo(perDay.reduce((a, b) => a + b, 0) / 6, 3);
      expect(await query(warehousePath, 'select series_id, yhat from marts.fct_demand_forecast')).toEqual([
        { series_id: `C001-M|${PRODUCTS.rice}`, yhat: 12 },
      ]);
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'a broken batch fails a named test and leaves the published warehouse as it was',
    async () => {
      const before = sha256(warehousePath);
      await lake.sales(
        { batchId: 'sa-c001-d6-bad', coopId: 'C001', businessDate: '2025-06-20', receivedAt: '2025-06-17T01:00:00Z' },
        [{ siteId: 'C001-B99', productId: PRODUCTS.rice, quantity: 1, amount: 2.45 }],
      );
      const failure = await buildWarehouse(base).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(BuildFailedError);
      const error = failure as BuildFailedError;
      expect(error.summary.published).toBe(false);
      expect(error.summary.failed.some((id) => id.includes('relationships_fct_sales_daily_site_id'))).toBe(true);
      expect(error.message).toContain('relationships_fct_sales_daily_site_id');
      expect(sha256(warehousePath)).toBe(before);
      const days = await query<{ n: number }>(
        warehousePath,
        `select count(*)::int as n from marts.fct_sales_daily where business_date = date '2025-06-20'`,
      );
      expect(days[0]!.n).toBe(0);
    },
    BUILD_TIMEOUT,
  );

  it(
    'dbt docs generate documents every mart from the published warehouse in one offline page',
    async () => {
      const before = sha256(warehousePath);
      const docs = await generateDocs({ warehousePath, lakeDir, dataDir: root, projectDir, targetDir });
      const catalog = JSON.parse(readFileSync(join(targetDir, 'catalog.json'), 'utf8')) as {
        nodes: Record<string, { metadata: { schema: string } }>;
      };
      const marts = Object.entries(catalog.nodes)
        .filter(([, n]) => n.metadata.schema === 'marts')
        .map(([id]) => id);
      expect(marts).toEqual(
        expect.arrayContaining([
          'model.rabt.fct_sales_daily',
          'model.rabt.fct_essentials_stock_now',
          'model.rabt.fct_surge_alerts',
        ]),
      );
      expect(docs.catalogNodes).toBe(Object.keys(catalog.nodes).length);
      const page = readFileSync(docs.indexPath, 'utf8');
      expect(page).toContain('fct_essentials_stock_now');
      expect(page).toContain('crisis_room');
      expect(sha256(warehousePath)).toBe(before);
    },
    BUILD_TIMEOUT,
  );
});
