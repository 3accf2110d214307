import { writeTinyWarehouse } from './fixtures/tiny-warehouse';
import { signRaw, startCubeHarness, type CubeHarness } from './testing/cube-harness';

let h: CubeHarness;

beforeAll(async () => {
  h = await startCubeHarness({ coops: 4, days: 4 });
});
afterAll(async () => {
  await h?.close();
});

const FINANCE_ADMIN_VIEWS = [
  'camera_uptime',
  'contractors',
  'employment',
  'income_statements',
  'ledger',
  'shareholder_events',
  'shareholders',
  'transactions',
];
const LEADERSHIP_VIEWS = [
  'consumption',
  'consumption_hourly',
  'crisis_now',
  'demand_forecast',
  'hourly_forecast',
  'linkage',
  'region_forecast',
  'stock_cover_forecast',
  'surge_alert_events',
  'surge_alerts',
  ...FINANCE_ADMIN_VIEWS,
].sort();
const PLANNER_VIEWS = LEADERSHIP_VIEWS.filter((v) => !FINANCE_ADMIN_VIEWS.includes(v));
const AUDIT_VIEWS = [
  'anomalies',
  'audit',
  'audit_batches',
  'audit_deliveries',
  'audit_price_changes',
  'audit_quarantine',
  'audit_stock',
  'audit_stocktake',
];

const crisisByGovernorate = {
  measures: ['crisis_now.stock_on_hand', 'crisis_now.demand_per_day', 'crisis_now.days_of_cover'],
  dimensions: ['crisis_now.governorate_id'],
  order: { 'crisis_now.governorate_id': 'asc' },
};

describe('Cube server', () => {
  it('answers /readyz', async () => {
    const res = await fetch(`${h.cube.url}/readyz`);
    expect(res.status).toBe(200);
  });

  it('loads the crisis_now view with a valid token, equal to the latest essentials in the daily stock mart', async () => {
    const { status, body } = await h.load(await h.token('leadership'), crisisByGovernorate);
    expect(status).toBe(200);
    const expected = await h.direct(`
      SELECT t.governorate_id, sum(s.closing_qty)::VARCHAR AS stock, sum(s.avg_daily_demand_28d) AS demand
      FROM marts.fct_stock_daily s JOIN marts.dim_site t USING (site_id) JOIN marts.dim_product p USING (product_id)
      WHERE s.is_latest AND p.is_essential GROUP BY 1 ORDER BY 1`);
    expect(body.data?.map((r) => r['crisis_now.governorate_id'])).toEqual(expected.map((r) => r.governorate_id));
    body.data?.forEach((row, i) => {
      expect(row['crisis_now.stock_on_hand']).toBe(expected[i]?.stock);
      expect(Number(row['crisis_now.demand_per_day'])).toBeCloseTo(Number(expected[i]?.demand), 6);
      expect(Number(row['crisis_now.days_of_cover'])).toBeCloseTo(
        Number(expected[i]?.stock) / Number(expected[i]?.demand),
        6,
      );
    });
  });

  it('groups by Kuwaiti days whatever timezone the client asks for', async () => {
    const { body } = await h.load(await h.token('planner'), {
      measures: ['consumption.net_amount_kwd'],
      timeDimensions: [
        { dimension: 'consumption.business_date', granularity: 'day', dateRange: ['2025-06-13', '2025-06-14'] },
      ],
      timezone: 'UTC',
    });
    expect(body.query?.timezone).toBe('Asia/Kuwait');
    const expected =
      await h.direct(`SELECT business_date::VARCHAR AS d, sum(net_amount_kwd)::VARCHAR AS v FROM marts.fct_sales_daily
      WHERE business_date BETWEEN '2025-06-13' AND '2025-06-14' GROUP BY 1 ORDER BY 1`);
    expect(body.data?.map((r) => [r['consumption.business_date.day'], r['consumption.net_amount_kwd']])).toEqual(
      expected.map((r) => [`${r.d}T00:00:00.000`, r.v]),
    );
    for (const r of body.data ?? []) expect(r['consumption.net_amount_kwd']).toMatch(/^\d+\.\d{3}$/);
  });

  describe('refuses', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it('a request without a token', async () => {
      expect((await h.load(undefined, crisisByGovernorate)).status).toBe(403);
      expect((await h.meta(undefined)).status).toBe(403);
    });
    it('a token signed with another secret', async () => {
      const forged = await signRaw({ role: 'leadership' }, 'not-the-secret'.padEnd(64, 'x'), now() + 600);
      expect((await h.load(forged, crisisByGovernorate)).status).toBe(403);
    });
    it('an expired token', async () => {
      const expired = await signRaw({ role: 'leadership' }, h.secret, now() - 5);
      const res = await h.load(expired, crisisByGovernorate);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/exp/i);
    });
    it('a token without expiry', async () => {
      const { SignJWT } = await import('jose');
      const eternal = await new SignJWT({ role: 'leadership' })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(h.secret));
      expect((await h.load(eternal, crisisByGovernorate)).status).toBe(403);
    });
    it('an unknown role', async () => {
      const admin = await signRaw({ role: 'admin' }, h.secret, now() + 600);
      expect((await h.load(admin, crisisByGovernorate)).status).toBe(403);
      expect((await h.meta(admin)).status).toBe(403);
    });
    it('a board token without its co-op', async () => {
      const board = await signRaw({ role: 'coop_board' }, h.secret, now() + 600);
      expect((await h.load(board, crisisByGovernorate)).status).toBe(403);
    });
    it('an unsigned (alg none) token', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'auditor', exp: now() + 600 })}.`;
      expect((await h.load(none, crisisByGovernorate)).status).toBe(403);
    });
  });

  it('keeps a board to its own co-op even when it asks for another', async () => {
    const token = await h.token('coop_board', 'C002');
    const { status, body } = await h.load(token, {
      measures: ['consumption.quantity'],
      dimensions: ['consumption.coop_id'],
      filters: [{ member: 'consumption.coop_id', operator: 'equals', values: ['C001', 'C002', 'C003'] }],
    });
    expect(status).toBe(200);
    expect(body.data?.map((r) => r['consumption.coop_id'])).toEqual(['C002']);
  });

  it('refuses the private cubes behind the views to every role', async () => {
    const q = { measures: ['fct_stock_daily.stock_on_hand'], dimensions: ['fct_stock_daily.coop_id'] };
    for (const token of [await h.token('planner'), await h.token('coop_board', 'C001'), await h.token('auditor')]) {
      const res = await h.load(token, q);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/may not query fct_stock_daily/);
    }
  });

  it('keeps the SQL endpoint closed to everyone but auditors', async () => {
    const sql = async (role: 'planner' | 'auditor' | 'leadership') => {
      const query = encodeURIComponent(JSON.stringify({ measures: ['crisis_now.stock_on_hand'] }));
      const res = await fetch(`${h.cube.url}/cubejs-api/v1/sql?query=${query}`, {
        headers: { authorization: await h.token(role) },
      });
      return res.status;
    };
    expect(await sql('planner')).toBe(403);
    expect(await sql('leadership')).toBe(403);
    expect(await sql('auditor')).toBe(200);
  });

  it('lists only the public views in /meta', async () => {
    const { status, body } = await h.meta(await h.token('leadership'));
    expect(status).toBe(200);
    expect(body.cubes?.map((c) => c.name).sort()).toEqual(LEADERSHIP_VIEWS);
    const crisis = body.cubes?.find((c) => c.name === 'crisis_now');
    expect(crisis?.measures.map((m) => m.name).sort()).toEqual(
      expect.arrayContaining(['crisis_now.stock_on_hand', 'crisis_now.demand_per_day', 'crisis_now.days_of_cover']),
    );
  });

  describe('per-role models', () => {
    it("compiles the audit views only for auditors: absent from other roles' /meta, refused in /load", async () => {
      const names = async (role: 'planner' | 'auditor' | 'controller') =>
        (await h.meta(await h.token(role))).body.cubes?.map((c) => c.name).sort();
      expect(await names('planner')).toEqual(PLANNER_VIEWS);
      expect((await names('controller'))?.filter((v) => AUDIT_VIEWS.includes(v))).toEqual([]);
      expect(await names('auditor')).toEqual([...AUDIT_VIEWS, ...LEADERSHIP_VIEWS].sort());
      const drill = {
        measures: ['audit.net_amount_kwd'],
        dimensions: ['audit.sales_daily_key', 'audit.site_id'],
        limit: 5,
      };
      const planner = await h.load(await h.token('planner'), drill);
      expect(planner.status).toBe(403);
      const auditor = await h.load(await h.token('auditor'), drill);
      expect(auditor.status).toBe(200);
      expect(auditor.body.data).toHaveLength(5);
      expect(auditor.body.data?.[0]?.['audit.sales_daily_key']).toMatch(/^[0-9a-f]{32}$/);
    });

    it('keeps the audit view from a board even for its own co-op', async () => {
      const res = await h.load(await h.token('coop_board', 'C001'), { measures: ['audit.row_count'] });
      expect(res.status).toBe(403);
    });
  });

  it('picks up a newly published warehouse without a restart', async () => {
    const token = await h.token('leadership');
    const q = { measures: ['crisis_now.stock_on_hand'] };
    const before = Number((await h.load(token, q)).body.data?.[0]?.['crisis_now.stock_on_hand']);
    await writeTinyWarehouse(h.warehousePath, { coops: 4, days: 4, scale: 2 });
    let after = before;
    for (let i = 0; i < 40 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = Number((await h.load(token, q)).body.data?.[0]?.['crisis_now.stock_on_hand']);
    }
    expect(after).toBe(before * 2);
  });
});
