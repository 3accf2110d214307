import { writeTinyWarehouse } from './fixtures/tiny-warehouse';
import { startCubeHarness, type CubeHarness } from './testing/cube-harness';

/**
 * The crisis room's and consumption explorer's queries are answered from rollups; this checks
 * that they are, that the rollup's answer is the warehouse's answer (by hand-written SQL on the
 * file), for a board too, and that a publish reaches the rollups.
 */
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 5, days: 6, products: 8 });
});
afterAll(async () => {
  await h?.close();
});

const crisisNow = {
  measures: ['crisis_now.stock_on_hand', 'crisis_now.days_of_cover', 'crisis_now.low_cover_share'],
  dimensions: ['crisis_now.governorate_id', 'crisis_now.coop_id', 'crisis_now.coop_name_ar'],
  order: [['crisis_now.coop_id', 'asc']],
};
// Each site's latest count of each essential, from the daily stock mart the "now" mart is built on.
const crisisNowSql = `
  SELECT t.governorate_id, s.coop_id, sum(s.closing_qty)::VARCHAR AS stock,
         sum(s.closing_qty) / sum(s.avg_daily_demand_28d) AS cover,
         100.0 * avg(CASE WHEN n.cover_band IN ('out', 'critical', 'low') THEN 1 ELSE 0 END) AS low_share
  FROM marts.fct_stock_daily s JOIN marts.dim_site t USING (site_id) JOIN marts.dim_product p USING (product_id)
  JOIN marts.fct_essentials_stock_now n ON n.site_id = s.site_id AND n.product_id = s.product_id
  WHERE s.is_latest AND p.is_essential %COOP% GROUP BY 1, 2 ORDER BY 2`;

function expectCrisisEqual(data: Record<string, unknown>[] | undefined, expected: Record<string, unknown>[]): void {
  expect(data?.map((r) => [r['crisis_now.governorate_id'], r['crisis_now.coop_id']])).toEqual(
    expected.map((r) => [r.governorate_id, r.coop_id]),
  );
  data?.forEach((row, i) => {
    expect(row['crisis_now.stock_on_hand']).toBe(expected[i]?.stock);
    expect(Number(row['crisis_now.days_of_cover'])).toBeCloseTo(Number(expected[i]?.cover), 9);
    expect(Number(row['crisis_now.low_cover_share'])).toBeCloseTo(Number(expected[i]?.low_share), 9);
  });
}

/**
 * Load, and return the tables the answering SELECT read. Cube 0.33 reports the rollups it used
 * only in dev mode, so this watches the SQL the driver runs instead (leaving out refresh-key
 * checks, catalogue look-ups and rollup builds).
 */
async function loadAndTrace(token: string, query: unknown) {
  const spy = vi.spyOn(h.cube.driver, 'query');
  try {
    const res = await h.load(token, query);
    const answering = spy.mock.calls
      .map(([sql]) => sql)
      .filter((sql) => /^\s*SELECT/i.test(sql) && !/rabt_meta|information_schema/.test(sql));
    const tables = [
      ...new Set(
        answering.flatMap((sql) => [...sql.matchAll(/FROM\s+([a-z_]+\.[a-z0-9_]+)/gi)].map((m) => m[1] as string)),
      ),
    ];
    return { ...res, tables };
  } finally {
    spy.mockRestore();
  }
}

describe('pre-aggregations', () => {
  it('answer the crisis room\'s "now" query from a rollup, equal to the warehouse', async () => {
    const { status, body, tables } = await loadAndTrace(await h.token('leadership'), crisisNow);
    expect(status).toBe(200);
    expect(tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_essentials_stock_now_now_by_coop_product_/),
    ]);
    expectCrisisEqual(body.data, await h.direct(crisisNowSql.replace('%COOP%', '')));
  });

  it('answer a board from the same rollup, only its own co-op', async () => {
    const { body, tables } = await loadAndTrace(await h.token('coop_board', 'C004'), crisisNow);
    expect(tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_essentials_stock_now_now_by_coop_product_/),
    ]);
    expectCrisisEqual(body.data, await h.direct(crisisNowSql.replace('%COOP%', `AND s.coop_id = 'C004'`)));
  });

  it('answer the essentials list and "data as of" from the same rollup', async () => {
    const token = await h.token('leadership');
    const essentials = await loadAndTrace(token, {
      measures: ['crisis_now.days_of_cover', 'crisis_now.stock_on_hand', 'crisis_now.demand_per_day'],
      dimensions: ['crisis_now.product_id', 'crisis_now.product_name_ar', 'crisis_now.category_name_ar'],
      order: { 'crisis_now.days_of_cover': 'asc' },
    });
    expect(essentials.tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_essentials_stock_now_now_by_coop_product_/),
    ]);
    const products = await h.direct(`SELECT count(*)::INTEGER AS n FROM marts.fct_essentials_stock_now`);
    expect(essentials.body.data?.length).toBeGreaterThan(0);
    expect(essentials.body.data?.length).toBeLessThanOrEqual(Number(products[0]?.n));
    const freshness = await loadAndTrace(token, {
      measures: ['crisis_now.stock_on_hand'],
      timeDimensions: [{ dimension: 'crisis_now.stock_date', granularity: 'day' }],
      order: { 'crisis_now.stock_date': 'desc' },
      limit: 1,
    });
    expect(freshness.tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_essentials_stock_now_now_by_coop_product_/),
    ]);
    const [newest] = await h.direct(`SELECT max(stock_date)::VARCHAR AS d FROM marts.fct_essentials_stock_now`);
    expect(freshness.body.data?.[0]?.['crisis_now.stock_date.day']).toBe(`${newest?.d}T00:00:00.000`);
  });

  it('answer consumption by category, day and calendar flags from a rollup, equal to the warehouse', async () => {
    const { body, tables } = await loadAndTrace(await h.token('planner'), {
      measures: ['consumption.net_amount_kwd', 'consumption.quantity'],
      dimensions: ['consumption.category_name_en', 'consumption.is_weekend'],
      timeDimensions: [
        { dimension: 'consumption.business_date', granularity: 'day', dateRange: ['2025-06-10', '2025-06-14'] },
      ],
      order: [
        ['consumption.business_date', 'asc'],
        ['consumption.category_name_en', 'asc'],
      ],
    });
    expect(tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_sales_daily_daily_by_category_governorate_/),
    ]);
    const expected = await h.direct(`
      SELECT s.business_date::VARCHAR AS d, p.category_name_en AS cat, d.is_weekend AS wk,
             sum(s.net_amount_kwd)::VARCHAR AS amount, sum(s.quantity)::VARCHAR AS qty
      FROM marts.fct_sales_daily s JOIN marts.dim_product p USING (product_id) JOIN marts.dim_date d ON d.date_day = s.business_date
      WHERE s.business_date BETWEEN '2025-06-10' AND '2025-06-14' GROUP BY 1, 2, 3 ORDER BY 1, 2`);
    expect(
      body.data?.map((r) => [
        r['consumption.business_date.day'],
        r['consumption.category_name_en'],
        r['consumption.is_weekend'],
        r['consumption.net_amount_kwd'],
        r['consumption.quantity'],
      ]),
    ).toEqual(expected.map((r) => [`${r.d}T00:00:00.000`, r.cat, r.wk, r.amount, r.qty]));
  });

  it('answer product trends by month from the product rollup, equal to the warehouse', async () => {
    const { body, tables } = await loadAndTrace(await h.token('planner'), {
      measures: ['consumption.net_amount_kwd'],
      dimensions: ['consumption.product_id'],
      timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'month' }],
      order: [['consumption.product_id', 'asc']],
    });
    expect(tables).toEqual([
      expect.stringMatching(/^prod_pre_aggregations\.fct_sales_daily_daily_by_product_governorate_/),
    ]);
    const expected = await h.direct(`
      SELECT product_id, sum(net_amount_kwd)::VARCHAR AS amount FROM marts.fct_sales_daily GROUP BY 1 ORDER BY 1`);
    expect(body.data?.map((r) => [r['consumption.product_id'], r['consumption.net_amount_kwd']])).toEqual(
      expected.map((r) => [r.product_id, r.amount]),
    );
  });

  it('leave drill-downs below the rollups to the warehouse', async () => {
    const { status, body, tables } = await loadAndTrace(await h.token('leadership'), {
      measures: ['crisis_now.stock_on_hand'],
      dimensions: ['crisis_now.site_id', 'crisis_now.product_id'],
    });
    expect(status).toBe(200);
    expect(tables).toContain('marts.fct_essentials_stock_now');
    expect(tables.filter((t) => t.startsWith('prod_pre_aggregations'))).toEqual([]);
    const essentials = await h.direct(`SELECT count(*)::INTEGER AS n FROM marts.dim_product WHERE is_essential`);
    expect(body.data?.length).toBe(5 * 2 * Number(essentials[0]?.n));
  });

  it('catch up with a new publish', async () => {
    const token = await h.token('leadership');
    const before = (await h.load(token, crisisNow)).body.data;
    await writeTinyWarehouse(h.warehousePath, { coops: 5, days: 6, products: 8, scale: 3 });
    const expected = await h.direct(crisisNowSql.replace('%COOP%', ''));
    let after = before;
    for (
      let i = 0;
      i < 60 && after?.[0]?.['crisis_now.stock_on_hand'] === before?.[0]?.['crisis_now.stock_on_hand'];
      i++
    ) {
      await new Promise((r) => setTimeout(r, 250));
      after = (await h.load(token, crisisNow)).body.data;
    }
    expectCrisisEqual(after, expected);
  });
});
