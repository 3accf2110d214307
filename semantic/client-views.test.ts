import cube, { type Query } from '@cubejs-client/core';
import { startCubeHarness, type CubeHarness } from './testing/cube-harness';

/** The dashboards' own client library against the real server, one load per public view. */
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 3, days: 3 });
});
afterAll(async () => {
  await h?.close();
});

const client = async (role: 'leadership' | 'planner' | 'coop_board', coopId?: string) =>
  cube(await h.token(role, coopId), { apiUrl: `${h.cube.url}/cubejs-api/v1` });

const cases: [string, Query, string][] = [
  [
    'crisis',
    {
      measures: ['crisis.days_of_cover', 'crisis.stock_on_hand'],
      dimensions: ['crisis.governorate_name_ar'],
      filters: [{ member: 'crisis.is_latest', operator: 'equals', values: ['true'] }],
    },
    'crisis.days_of_cover',
  ],
  [
    'consumption',
    {
      measures: ['consumption.net_amount_kwd'],
      dimensions: ['consumption.category_name_en'],
      timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day' }],
    },
    'consumption.net_amount_kwd',
  ],
  [
    'forecasts',
    {
      measures: ['forecasts.yhat', 'forecasts.yhat_lower', 'forecasts.yhat_upper'],
      timeDimensions: [{ dimension: 'forecasts.ds', granularity: 'day' }],
    },
    'forecasts.yhat',
  ],
];

describe('@cubejs-client/core', () => {
  it.each(cases)('loads the %s view', async (_name, query, measure) => {
    const rs = await (await client('leadership')).load(query);
    const rows = rs.tablePivot();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r[measure])).toBeGreaterThan(0);
  });

  it('keeps the forecast interval around the forecast', async () => {
    const rs = await (await client('planner')).load(cases[2]![1]);
    for (const r of rs.tablePivot()) {
      expect(Number(r['forecasts.yhat_lower'])).toBeLessThanOrEqual(Number(r['forecasts.yhat']));
      expect(Number(r['forecasts.yhat'])).toBeLessThanOrEqual(Number(r['forecasts.yhat_upper']));
    }
  });

  it('gives a board only its co-op through the client too', async () => {
    const rs = await (await client('coop_board', 'C003')).load({ measures: ['consumption.quantity'], dimensions: ['consumption.coop_id'] });
    expect(rs.tablePivot().map((r) => r['consumption.coop_id'])).toEqual(['C003']);
  });

  // Cube 0.33's /meta does not carry a measure's `format`, so the KWD/decimals hint the
  // dashboards format with travels in `meta`.
  it('reads the KWD and number-format hints from /meta', async () => {
    const meta = await (await client('planner')).meta();
    expect(meta.resolveMember('consumption.net_amount_kwd', 'measures')).toMatchObject({ meta: { currency: 'KWD', number_format: ',.3f' } });
    expect(meta.resolveMember('crisis.days_of_cover', 'measures')).toMatchObject({ meta: { number_format: ',.1f' } });
  });
});
