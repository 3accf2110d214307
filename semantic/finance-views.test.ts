import { startCubeHarness, type CubeHarness } from './testing/cube-harness';
import type { Role } from '../domain/roles';

/**
 * The finance, administration and audit views over the shareholder register, camera uptime,
 * contractor ratings, the general ledger, deliveries, price changes and stocktakes, against the
 * real server: who sees which personal-data member, and that each figure equals the same sum
 * taken straight from the warehouse file.
 */
const COOPS = 4;
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: COOPS, days: 2 });
  // Each role compiles its own model (20 s and more on a loaded machine): do it here, so the
  // tests' own time goes to the questions they ask.
  for (const [role, coop] of [['leadership'], ['controller'], ['coop_board', 'C002'], ['planner'], ['auditor']] as [
    Role,
    string?,
  ][]) {
    expect((await h.meta(await h.token(role, coop))).status).toBe(200);
  }
}, 600_000);
afterAll(async () => {
  await h?.close();
});

type Meta = {
  name: string;
  measures: { name: string; meta?: Record<string, unknown> }[];
  dimensions: { name: string }[];
};
const viewMeta = async (role: Role, view: string, coop?: string): Promise<Meta | undefined> =>
  ((await h.meta(await h.token(role, coop))).body.cubes as Meta[] | undefined)?.find((c) => c.name === view);
const membersOf = (m: Meta | undefined) => [...(m?.measures ?? []), ...(m?.dimensions ?? [])].map((x) => x.name);

// Personal-data members and the view a harmless measure of each is read with.
const PERSONAL: [view: string, member: string, measure: string][] = [
  ['shareholders', 'shareholders.civil_id', 'shareholders.shares'],
  ['shareholder_events', 'shareholder_events.civil_id', 'shareholder_events.event_count'],
  ['ledger', 'ledger.counterparty', 'ledger.amount_kwd'],
];

const asMap = (rows: Record<string, unknown>[] | undefined, key: string, value: string) =>
  Object.fromEntries((rows ?? []).map((r) => [String(r[key]), Number(r[value])]));

describe('personal data', () => {
  describe.each<[Role, string | undefined]>([
    ['leadership', undefined],
    ['controller', undefined],
    ['coop_board', 'C002'],
  ])('as %s', (role, coop) => {
    it.each(PERSONAL)('%s: sees the view without %s, and may not load it', async (view, member, measure) => {
      const meta = await viewMeta(role, view, coop);
      expect(meta, view).toBeDefined();
      expect(membersOf(meta)).toContain(measure);
      expect(membersOf(meta)).not.toContain(member);
      const token = await h.token(role, coop);
      const asDimension = await h.load(token, { measures: [measure], dimensions: [member] });
      expect(asDimension.status).not.toBe(200);
      expect(asDimension.body.data).toBeUndefined();
      const asFilter = await h.load(token, { measures: [measure], filters: [{ member, operator: 'set' }] });
      expect(asFilter.status).not.toBe(200);
      expect(asFilter.body.data).toBeUndefined();
    });
  });

  it('planners see none of the finance, administration or audit views, and are refused them', async () => {
    const meta = (await h.meta(await h.token('planner'))).body;
    const names = meta.cubes?.map((c) => c.name) ?? [];
    const members = meta.cubes?.flatMap((c) => [...c.measures, ...c.dimensions].map((m) => m.name)) ?? [];
    expect(members.filter((m) => /civil_id|counterparty/.test(m))).toEqual([]);
    const views = [
      'shareholders',
      'shareholder_events',
      'ledger',
      'camera_uptime',
      'contractors',
      'audit_deliveries',
      'audit_price_changes',
      'audit_stocktake',
    ];
    expect(names.filter((n) => views.includes(n))).toEqual([]);
    const token = await h.token('planner');
    for (const [view, member, measure] of PERSONAL) {
      expect([view, (await h.load(token, { measures: [measure] })).status]).toEqual([view, 403]);
      expect([view, (await h.load(token, { measures: [measure], dimensions: [member] })).status]).toEqual([view, 403]);
    }
  });

  it('auditors read civil IDs and counterparties, as the warehouse holds them', async () => {
    const token = await h.token('auditor');
    const civil = await h.load(token, {
      measures: ['shareholders.shares'],
      dimensions: ['shareholders.coop_id', 'shareholders.civil_id'],
    });
    expect(civil.status).toBe(200);
    const want = await h.direct('SELECT coop_id, civil_id, shares FROM marts.fct_shareholder_register');
    const key = (r: Record<string, unknown>, p = '') => `${String(r[`${p}coop_id`])}|${String(r[`${p}civil_id`])}`;
    expect(
      Object.fromEntries(civil.body.data!.map((r) => [key(r, 'shareholders.'), Number(r['shareholders.shares'])])),
    ).toEqual(Object.fromEntries(want.map((r) => [key(r), Number(r.shares)])));
    const cp = await h.load(token, {
      measures: ['ledger.line_count'],
      dimensions: ['ledger.counterparty'],
      filters: [{ member: 'ledger.counterparty', operator: 'set' }],
    });
    const wantCp = await h.direct(
      'SELECT counterparty, count(*) AS n FROM marts.fct_gl_lines WHERE counterparty IS NOT NULL GROUP BY 1',
    );
    expect(asMap(cp.body.data, 'ledger.counterparty', 'ledger.line_count')).toEqual(asMap(wantCp, 'counterparty', 'n'));
  });

  it('a board sees only its own shareholders, and the transfers it is party to only from its side', async () => {
    const token = await h.token('coop_board', 'C003');
    const res = await h.load(token, {
      measures: ['shareholder_events.event_count'],
      dimensions: ['shareholder_events.coop_id', 'shareholder_events.other_coop_id'],
      filters: [{ member: 'shareholder_events.other_coop_id', operator: 'set' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data!.length).toBeGreaterThan(0);
    expect(new Set(res.body.data!.map((r) => r['shareholder_events.coop_id']))).toEqual(new Set(['C003']));
  });
});

describe('figures equal the warehouse', () => {
  it('shareholders: listed, members, shares and dividends per co-op', async () => {
    const res = await h.load(await h.token('controller'), {
      measures: [
        'shareholders.shareholder_count',
        'shareholders.member_count',
        'shareholders.shares',
        'shareholders.dividends_kwd',
      ],
      dimensions: ['shareholders.coop_id'],
    });
    expect(res.status).toBe(200);
    const want = await h.direct(`
      SELECT coop_id, count(*) AS n, count(*) FILTER (WHERE shares > 0) AS members, sum(shares) AS shares, sum(dividends_kwd)::DOUBLE AS div
      FROM marts.fct_shareholder_register GROUP BY 1`);
    expect(res.body.data).toHaveLength(COOPS);
    for (const [measure, column] of [
      ['shareholder_count', 'n'],
      ['member_count', 'members'],
      ['shares', 'shares'],
      ['dividends_kwd', 'div'],
    ] as const) {
      expect(asMap(res.body.data, 'shareholders.coop_id', `shareholders.${measure}`), measure).toEqual(
        asMap(want, 'coop_id', column),
      );
    }
  });

  it('shareholder events: one entry per shareholder, one exit per former member, transfers in and out balance', async () => {
    const res = await h.load(await h.token('leadership'), {
      measures: ['shareholder_events.event_count'],
      dimensions: ['shareholder_events.event_type'],
    });
    const got = asMap(res.body.data, 'shareholder_events.event_type', 'shareholder_events.event_count');
    const [w] = await h.direct(`
      SELECT count(*) AS listed, count(*) FILTER (WHERE shares = 0) AS former,
             count(*) FILTER (WHERE transferred_from_coop_id IS NOT NULL) AS came,
             count(*) FILTER (WHERE shares = 0 AND transferred_to_coop_id IS NOT NULL) AS went
      FROM marts.fct_shareholder_register`);
    expect((got.joined ?? 0) + (got.transferred_in ?? 0)).toBe(Number(w!.listed));
    expect((got.left ?? 0) + (got.transferred_out ?? 0)).toBe(Number(w!.former));
    expect(got.transferred_in).toBe(Number(w!.came));
    expect(got.transferred_out).toBe(Number(w!.went));
    expect(got.transferred_in).toBeGreaterThan(0);
  });

  it('camera uptime: a share of hours, so it rolls up per co-op', async () => {
    const res = await h.load(await h.token('controller'), {
      measures: ['camera_uptime.uptime_share', 'camera_uptime.camera_count', 'camera_uptime.offline_now_count'],
      dimensions: ['camera_uptime.coop_id'],
    });
    const want = await h.direct(`
      SELECT coop_id, 100.0 * sum(online_hours) / sum(online_hours + offline_hours) AS share, count(*) AS n,
             count(*) FILTER (WHERE current_status = 'offline') AS off
      FROM marts.fct_camera_uptime GROUP BY 1`);
    const got = asMap(res.body.data, 'camera_uptime.coop_id', 'camera_uptime.uptime_share');
    for (const [coop, share] of Object.entries(asMap(want, 'coop_id', 'share')))
      expect(got[coop]).toBeCloseTo(share, 9);
    expect(asMap(res.body.data, 'camera_uptime.coop_id', 'camera_uptime.camera_count')).toEqual(
      asMap(want, 'coop_id', 'n'),
    );
    expect(asMap(res.body.data, 'camera_uptime.coop_id', 'camera_uptime.offline_now_count')).toEqual(
      asMap(want, 'coop_id', 'off'),
    );
  });

  it('contractors: a contract value counted once however many ratings it has', async () => {
    const res = await h.load(await h.token('controller'), {
      measures: [
        'contractors.contract_value_kwd',
        'contractors.contract_count',
        'contractors.rating_count',
        'contractors.poor_share',
      ],
      dimensions: ['contractors.category'],
    });
    const want = await h.direct(`
      SELECT category, sum(v)::DOUBLE AS value, count(*) AS contracts, sum(r) AS ratings, 100.0 * sum(poor) / sum(r) AS poor
      FROM (SELECT contract_id, category, any_value(value_kwd) AS v, count(*) AS r, count(*) FILTER (WHERE rating <= 2) AS poor
            FROM marts.fct_contractor_ratings GROUP BY 1, 2)
      GROUP BY 1`);
    expect(Math.max(...want.map((r) => Number(r.ratings) / Number(r.contracts)))).toBeGreaterThan(1);
    for (const [measure, column] of [
      ['contract_value_kwd', 'value'],
      ['contract_count', 'contracts'],
      ['rating_count', 'ratings'],
      ['poor_share', 'poor'],
    ] as const) {
      expect(asMap(res.body.data, 'contractors.category', `contractors.${measure}`), measure).toEqual(
        asMap(want, 'category', column),
      );
    }
  });

  it('ledger: debits, credits and signed amounts per account and month', async () => {
    const res = await h.load(await h.token('controller'), {
      measures: ['ledger.debit_kwd', 'ledger.credit_kwd', 'ledger.amount_kwd'],
      dimensions: ['ledger.account_code', 'ledger.account_name_en'],
      timeDimensions: [{ dimension: 'ledger.entry_month', granularity: 'month' }],
    });
    expect(res.status).toBe(200);
    const want = await h.direct(`
      SELECT account_code || '|' || strftime(entry_month, '%Y-%m-%dT00:00:00.000') AS k, sum(debit_kwd)::DOUBLE AS d, sum(credit_kwd)::DOUBLE AS c,
             sum(amount_kwd)::DOUBLE AS a
      FROM marts.fct_gl_lines GROUP BY 1`);
    const rows: Record<string, unknown>[] = res.body.data!.map((r) => ({
      ...r,
      k: `${String(r['ledger.account_code'])}|${String(r['ledger.entry_month.month'])}`,
    }));
    for (const [measure, column] of [
      ['debit_kwd', 'd'],
      ['credit_kwd', 'c'],
      ['amount_kwd', 'a'],
    ] as const) {
      expect(asMap(rows, 'k', `ledger.${measure}`), measure).toEqual(asMap(want, 'k', column));
    }
    expect(rows.every((r) => typeof r['ledger.account_name_en'] === 'string')).toBe(true);
  });
});

describe('audit drills to the batch', () => {
  it.each([
    ['audit_deliveries', 'line_value_kwd', 'fct_deliveries', 'line_value_kwd', 'delivery_date'],
    ['audit_price_changes', 'change_count', 'fct_price_changes', '1', 'effective_date'],
    ['audit_stocktake', 'variance_value_kwd', 'fct_stocktake_variance', 'variance_value_kwd', 'count_date'],
  ])(
    '%s: per batch and Kuwaiti day as in the warehouse, and closed to every other role',
    async (view, measure, table, column, day) => {
      const res = await h.load(await h.token('auditor'), {
        measures: [`${view}.${measure}`],
        dimensions: [`${view}.batch_id`],
        timeDimensions: [{ dimension: `${view}.${day}`, granularity: 'day' }],
      });
      expect(res.status).toBe(200);
      const want = await h.direct(`
      SELECT batch_id || '|' || strftime(${day}, '%Y-%m-%dT00:00:00.000') AS k, sum(${column})::DOUBLE AS v FROM marts.${table} GROUP BY 1`);
      const rows = res.body.data!.map((r) => ({
        ...r,
        k: `${String(r[`${view}.batch_id`])}|${String(r[`${view}.${day}.day`])}`,
      }));
      expect(asMap(rows, 'k', `${view}.${measure}`)).toEqual(asMap(want, 'k', 'v'));
      for (const role of ['leadership', 'planner', 'controller', 'coop_board'] as const) {
        const other = await h.load(await h.token(role, role === 'coop_board' ? 'C001' : undefined), {
          measures: [`${view}.${measure}`],
        });
        expect([role, other.status]).toEqual([role, 403]);
      }
    },
  );

  it('audit_stocktake: shrinkage is the negative variances only', async () => {
    const res = await h.load(await h.token('auditor'), {
      measures: ['audit_stocktake.shrinkage_value_kwd', 'audit_stocktake.variance_share'],
    });
    const [w] = await h.direct(`
      SELECT sum(variance_value_kwd) FILTER (WHERE variance_value_kwd < 0)::DOUBLE AS s, 100.0 * sum(variance_qty) / sum(book_qty) AS share
      FROM marts.fct_stocktake_variance`);
    expect(Number(res.body.data![0]!['audit_stocktake.shrinkage_value_kwd'])).toBe(Number(w!.s));
    expect(Number(res.body.data![0]!['audit_stocktake.variance_share'])).toBeCloseTo(Number(w!.share), 9);
  });
});

it('carries the KWD format hint on every new money measure', async () => {
  const kwd: [Role, string, string][] = [
    ['controller', 'shareholders', 'shareholders.dividends_kwd'],
    ['controller', 'contractors', 'contractors.contract_value_kwd'],
    ['controller', 'ledger', 'ledger.amount_kwd'],
    ['auditor', 'audit_deliveries', 'audit_deliveries.line_value_kwd'],
    ['auditor', 'audit_price_changes', 'audit_price_changes.avg_price_kwd'],
    ['auditor', 'audit_stocktake', 'audit_stocktake.variance_value_kwd'],
  ];
  for (const [role, view, member] of kwd) {
    const m = (await viewMeta(role, view))?.measures.find((x) => x.name === member);
    expect([member, m?.meta]).toEqual([member, { currency: 'KWD', number_format: ',.3f' }]);
  }
});
