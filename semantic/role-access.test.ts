import { startCubeHarness, type CubeHarness } from './testing/cube-harness';
import type { Role } from '../domain/roles';

/**
 * Per role, against the real server: which views its /meta lists, which it may load, which it
 * is refused, and that a board's every view is cut to its own co-op. Written out by hand (not
 * derived from VIEW_ACCESS) so a change to the access table has to change this too.
 */
const SEES: Record<Role, string[]> = {
  leadership: [
    'camera_uptime',
    'consumption',
    'consumption_hourly',
    'contractors',
    'crisis_now',
    'demand_forecast',
    'employment',
    'hourly_forecast',
    'income_statements',
    'ledger',
    'linkage',
    'region_forecast',
    'shareholder_events',
    'shareholders',
    'stock_cover_forecast',
    'surge_alert_events',
    'surge_alerts',
    'transactions',
  ],
  planner: [
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
  ],
  controller: [
    'camera_uptime',
    'consumption',
    'contractors',
    'crisis_now',
    'employment',
    'income_statements',
    'ledger',
    'linkage',
    'shareholder_events',
    'shareholders',
    'surge_alert_events',
    'surge_alerts',
    'transactions',
  ],
  auditor: [
    'anomalies',
    'audit',
    'audit_batches',
    'audit_deliveries',
    'audit_price_changes',
    'audit_quarantine',
    'audit_stock',
    'audit_stocktake',
    'camera_uptime',
    'consumption',
    'consumption_hourly',
    'contractors',
    'crisis_now',
    'demand_forecast',
    'employment',
    'hourly_forecast',
    'income_statements',
    'ledger',
    'linkage',
    'region_forecast',
    'shareholder_events',
    'shareholders',
    'stock_cover_forecast',
    'surge_alert_events',
    'surge_alerts',
    'transactions',
  ],
  coop_board: [
    'camera_uptime',
    'consumption',
    'consumption_hourly',
    'contractors',
    'crisis_now',
    'demand_forecast',
    'employment',
    'income_statements',
    'ledger',
    'linkage',
    'shareholder_events',
    'shareholders',
    'stock_cover_forecast',
    'transactions',
  ],
};
const ALL_VIEWS = SEES.auditor;

/**
 * Member names that would carry personal data (employee, shareholder or aid identities; a ledger
 * line's counterparty may be an employee id, a shareholder key is a hash of the civil ID).
 */
const PERSONAL =
  /civil_id|employee_(id|name)|shareholder_(id|name|key)|beneficiary|national_id|phone|email|counterparty/i;

let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 4, days: 3 });
});
afterAll(async () => {
  await h?.close();
});

// The cheapest member of a view to load: its first measure.
const firstMeasure = (meta: Awaited<ReturnType<CubeHarness['meta']>>['body'], view: string) =>
  meta.cubes?.find((c) => c.name === view)?.measures[0]?.name;

describe.each(Object.keys(SEES) as Role[])('role %s', (role) => {
  const coop = role === 'coop_board' ? 'C002' : undefined;

  it('sees exactly its views in /meta, and no personal-data member', async () => {
    const { status, body } = await h.meta(await h.token(role, coop));
    expect(status).toBe(200);
    expect(body.cubes?.map((c) => c.name).sort()).toEqual(SEES[role]);
    if (role !== 'auditor') {
      const members = body.cubes?.flatMap((c) => [...c.measures, ...c.dimensions].map((m) => m.name)) ?? [];
      expect(members.filter((m) => PERSONAL.test(m))).toEqual([]);
    }
  });

  it('loads each of its views and is refused every other', async () => {
    const token = await h.token(role, coop);
    const auditorMeta = (await h.meta(await h.token('auditor'))).body;
    for (const view of ALL_VIEWS) {
      const measure = firstMeasure(auditorMeta, view);
      expect(measure, view).toBeDefined();
      const { status, body } = await h.load(token, { measures: [measure] });
      if (SEES[role].includes(view)) expect([view, status, body.error]).toEqual([view, 200, undefined]);
      else expect([view, status]).toEqual([view, 403]);
    }
  });
});

describe('a board', () => {
  it('gets only its own co-op from every view it sees, whatever it asks for', async () => {
    const token = await h.token('coop_board', 'C003');
    for (const view of SEES.coop_board) {
      const { status, body } = await h.load(token, {
        dimensions: [`${view}.coop_id`],
        filters: [{ member: `${view}.coop_id`, operator: 'equals', values: ['C001', 'C003', 'C004'] }],
      });
      expect([view, status]).toEqual([view, 200]);
      expect(
        body.data?.map((r) => r[`${view}.coop_id`]),
        view,
      ).toEqual(['C003']);
    }
  });
});
