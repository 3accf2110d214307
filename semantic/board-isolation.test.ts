import { DuckDBInstance } from '@duckdb/node-api';
import { startCubeHarness, type CubeHarness } from './testing/cube-harness';

/**
 * Boards of different co-ops fire randomized queries (random view, members, and filters that
 * try to reach other co-ops through equals/in/notEquals/or) and must never get a row, or a
 * total, of another co-op. Seeded, so a failure reproduces.
 */

const COOPS = 6;
const QUERIES = 240;
let h: CubeHarness;
const totals = new Map<string, number>(); // `${view}|${coop}` → direct DuckDB total

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VIEWS = {
  crisis_now: {
    measure: 'stock_on_hand',
    table: 'fct_essentials_stock_now',
    column: 'stock_on_hand',
    time: 'stock_date',
  },
  consumption: { measure: 'quantity', table: 'fct_sales_daily', column: 'quantity', time: 'business_date' },
  demand_forecast: { measure: 'yhat', table: 'fct_demand_forecast', column: 'yhat', time: 'ds' },
  camera_uptime: { measure: 'online_hours', table: 'fct_camera_uptime', column: 'online_hours', time: 'current_since' },
} as const;
type View = keyof typeof VIEWS;
const EXTRA_DIMS: Record<View, string[]> = {
  crisis_now: ['governorate_id', 'product_id', 'cover_band', 'product_name_en'],
  consumption: ['governorate_id', 'product_id', 'category_name_en', 'is_weekend'],
  demand_forecast: ['product_id', 'model', 'series_id'],
  camera_uptime: ['governorate_id', 'location', 'current_status', 'camera_id'],
};

beforeAll(async () => {
  h = await startCubeHarness({ coops: COOPS, days: 3 });
  // Compile the boards' model here (20 s and more on a loaded machine), so the test's own time
  // goes to the queries it is about.
  expect((await h.meta(await h.token('coop_board', 'C001'))).status).toBe(200);
  const db = await DuckDBInstance.create(h.warehousePath, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  for (const [view, v] of Object.entries(VIEWS)) {
    const rows = (
      await c.runAndReadAll(`SELECT coop_id, sum(${v.column})::DOUBLE AS t FROM marts.${v.table} GROUP BY 1`)
    ).getRowObjectsJson();
    for (const r of rows) totals.set(`${view}|${String(r.coop_id)}`, Number(r.t));
  }
  c.closeSync();
  db.closeSync();
}, 180_000);
afterAll(async () => {
  await h?.close();
});

it(`${QUERIES} randomized board queries never see another co-op`, async () => {
  const rand = rng(20250614);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const coopIds = Array.from({ length: COOPS }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
  const tokens = new Map<string, string>();
  for (const id of coopIds) tokens.set(id, await h.token('coop_board', id));

  const cases = Array.from({ length: QUERIES }, (_, i) => {
    const coop = pick(coopIds);
    const view = pick(Object.keys(VIEWS) as View[]);
    const others = coopIds.filter((c) => c !== coop);
    const kind = i % 4; // 0: grouped by coop, 1: by site, 2: ungrouped total, 3: other dims only
    const dimensions =
      kind === 0
        ? [`${view}.coop_id`]
        : kind === 1
          ? [`${view}.site_id`]
          : kind === 2
            ? []
            : [`${view}.${pick(EXTRA_DIMS[view])}`];
    const attack = pick(['none', 'equals', 'in', 'notEquals', 'or'] as const);
    const filters: unknown[] = [];
    if (attack === 'equals') filters.push({ member: `${view}.coop_id`, operator: 'equals', values: [pick(others)] });
    if (attack === 'in') filters.push({ member: `${view}.coop_id`, operator: 'equals', values: [coop, ...others] });
    if (attack === 'notEquals') filters.push({ member: `${view}.coop_id`, operator: 'notEquals', values: [coop] });
    if (attack === 'or') {
      filters.push({
        or: [
          { member: `${view}.coop_id`, operator: 'equals', values: [pick(others)] },
          { member: `${view}.coop_id`, operator: 'set' },
        ],
      });
    }
    return { coop, view, kind, attack, query: { measures: [`${view}.${VIEWS[view].measure}`], dimensions, filters } };
  });

  let rowsSeen = 0;
  let checked = 0;
  for (let i = 0; i < cases.length; i += 8) {
    await Promise.all(
      cases.slice(i, i + 8).map(async (c) => {
        const { status, body } = await h.load(tokens.get(c.coop), c.query);
        expect(status, JSON.stringify({ c, body })).toBe(200);
        const rows = body.data ?? [];
        rowsSeen += rows.length;
        for (const row of rows) {
          if (`${c.view}.coop_id` in row) expect(row[`${c.view}.coop_id`]).toBe(c.coop);
          if (`${c.view}.site_id` in row) expect(String(row[`${c.view}.site_id`])).toMatch(new RegExp(`^${c.coop}-`));
          if (`${c.view}.series_id` in row)
            expect(String(row[`${c.view}.series_id`])).toMatch(new RegExp(`^${c.coop}-`));
        }
        // Whatever the grouping, the figures add up to exactly this co-op's own total; a filter
        // aimed only at other co-ops gets nothing.
        const sum = rows.reduce((s, r) => s + Number(r[`${c.view}.${VIEWS[c.view].measure}`] ?? 0), 0);
        const own = totals.get(`${c.view}|${c.coop}`) ?? 0;
        if (c.attack === 'equals' || c.attack === 'notEquals') {
          expect(rows.every((r) => r[`${c.view}.${VIEWS[c.view].measure}`] === null)).toBe(true);
        } else {
          expect(sum, JSON.stringify({ c, body })).toBeCloseTo(own, 3);
        }
        checked += 1;
      }),
    );
  }
  expect(checked).toBe(QUERIES);
  expect(rowsSeen).toBeGreaterThan(QUERIES / 2);
});
