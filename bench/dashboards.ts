/**
 * npm run bench:dashboards — for each page, in Debian's chromium against the real Cube and web
 * server over an already-built warehouse: time to largest contentful paint (PerformanceObserver
 * 'largest-contentful-paint') and to the first ECharts instance drawn (the 'rabt:first-chart'
 * mark EChart sets on its first 'finished' event), from navigation start. A cold visit (Cube's
 * first answer to that page's queries) and the median of warm visits, printed as a table.
 *
 *   RABT_DATA_DIR=/tmp/dash-data npm run bench:dashboards            # warehouse under the data dir
 *   npm run bench:dashboards -- path/to/rabt.duckdb [warm visits]    # or a warehouse file
 *
 * Before the pages, the crisis room's own stock-now queries (dashboards/src/cube/queries.ts, the
 * `crisis_now` view, sent as the page sends them, by its client library) through the Cube API as
 * leadership: the first answer (cold: Cube has not answered it yet) and p50/p95 of repeats (warm:
 * the answer cache in front of /load). Asked before any page visit, so "cold" is really the first.
 *
 * Needs dashboards/dist (npm run build:dashboards). Timings belong here, never in a test.
 */
import cube, { type CubeApi, type Query } from '@cubejs-client/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newContext, repoRoot } from '../dashboards/e2e/browser';
import { startDevStack } from '../dashboards/e2e/dev-stack';
import { coverQuery, crisisFreshnessQuery, essentialsQuery } from '../dashboards/src/cube/queries';
import { untilRollupsBuilt } from '../semantic/rollup-tables';
import { medianOf, renderTable, type BenchRow } from './bench-table';

interface PageCase {
  page: string;
  role: string;
  coopId?: string;
  /** Pages without a chart (linkage) have no first-chart time. */
  hasChart: boolean;
}

const PAGES: PageCase[] = [
  { page: 'crisis', role: 'leadership', hasChart: true },
  { page: 'consumption', role: 'planner', hasChart: true },
  { page: 'audit', role: 'auditor', hasChart: false },
  { page: 'linkage', role: 'leadership', hasChart: false },
  { page: 'admin', role: 'controller', hasChart: true },
];

const TIMEOUT_MS = 300_000;
/** Warm repeats of each stock-now query (sequential: one reader's page, not a crowd). */
const STOCK_NOW_REPEATS = 20;

interface QueryTiming {
  name: string;
  rows: number;
  cold: number;
  warmP50: number;
  warmP95: number;
}

function warehouseFromArgs(): string {
  const arg = process.argv[2];
  if (arg) return arg;
  const dataDir = process.env.RABT_DATA_DIR ?? join(repoRoot, 'data');
  return process.env.RABT_WAREHOUSE_PATH ?? join(dataDir, 'warehouse', 'rabt.duckdb');
}

async function main() {
  const warehouse = warehouseFromArgs();
  const warmVisits = Number(process.argv[3] ?? 3);
  if (!existsSync(warehouse))
    throw new Error(`no warehouse at ${warehouse}: set RABT_DATA_DIR or pass the .duckdb path`);
  if (!existsSync(join(repoRoot, 'dashboards', 'dist', 'index.html')))
    throw new Error('dashboards/dist is missing: npm run build:dashboards first');
  // As `rabt up` serves: Cube builds the rollups from start-up. "Cold" is then a page's first
  // visit once they are built (its own queries' first answers), as after a publish.
  const stack = await startDevStack(warehouse, { buildRollupsInBackground: true });
  const rollupSeconds = await untilRollupsBuilt(() => stack.rollups(), { everyMs: 1_000, timeoutMs: TIMEOUT_MS });
  process.stderr.write(`  rollups built in ${rollupSeconds.toFixed(0)} s\n`);
  const stockNow = await timeStockNowQueries(stack.webUrl, stack.cubeApiUrl);
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  try {
    for (const pc of PAGES) {
      const visits: { lcp: number | null; chart: number | null }[] = [];
      for (let i = 0; i <= warmVisits; i++) visits.push(await visit(browser, stack.webUrl, pc));
      const [cold, ...warm] = visits;
      rows.push({
        page: pc.page,
        role: pc.role,
        coldLcp: cold!.lcp,
        coldChart: cold!.chart,
        warmLcp: medianOf(warm.map((w) => w.lcp)),
        warmChart: medianOf(warm.map((w) => w.chart)),
      });
      process.stderr.write(`  ${pc.page}: done\n`);
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  console.log(
    `warehouse: ${warehouse}; rollups built in the background in ${rollupSeconds.toFixed(0)} s before the first visit; warm = median of ${warmVisits} visits after the cold one; ms from navigation start`,
  );
  console.log(renderTable(rows));
  console.log(
    `\ncrisis room, stock now (view crisis_now, the page's own queries) through the Cube API as leadership, 1 client; warm = ${STOCK_NOW_REPEATS} repeats; ms`,
  );
  console.log(renderQueryTable(stockNow));
}

/** The page's token, as the browser gets it from the web server. */
async function leadershipToken(webUrl: string): Promise<string> {
  const res = await fetch(`${webUrl}/api/token?role=leadership`);
  if (!res.ok) throw new Error(`token refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Time to one answer of a query through the page's own client library (@cubejs-client/core):
 * the same request the page sends (GET /load, queryType multi, polling while Cube says
 * "Continue wait"). A bare POST of the query would not do: the answer cache keys on the query
 * alone, so a non-multi answer stored for it would then be served to the page's multi request.
 */
async function timedLoad(api: CubeApi, query: Query): Promise<{ ms: number; data: Record<string, unknown>[] }> {
  const started = performance.now();
  const result = await api.load(query);
  return { ms: performance.now() - started, data: result.rawData() as Record<string, unknown>[] };
}

/** The value below which p of the sorted values fall (nearest rank). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The crisis room's stock-now queries, national first, then the drill into the governorate the
 * national answer puts first (lowest cover): what a leader's first two screens ask.
 */
async function timeStockNowQueries(webUrl: string, cubeApiUrl: string): Promise<QueryTiming[]> {
  const api = cube(await leadershipToken(webUrl), { apiUrl: cubeApiUrl });
  const time = async (name: string, query: Query): Promise<QueryTiming & { data: Record<string, unknown>[] }> => {
    const cold = await timedLoad(api, query);
    const warm: number[] = [];
    for (let i = 0; i < STOCK_NOW_REPEATS; i++) warm.push((await timedLoad(api, query)).ms);
    process.stderr.write(`  stock now, ${name}: done\n`);
    const [warmP50, warmP95] = [percentile(warm, 50), percentile(warm, 95)];
    return { name, rows: cold.data.length, cold: cold.ms, warmP50, warmP95, data: cold.data };
  };
  const national = await time('cover by governorate', coverQuery({}));
  const governorateId = String(national.data[0]?.['crisis_now.governorate_id'] ?? '');
  const timings = [
    national,
    await time('essential products, lowest cover first', essentialsQuery({})),
    await time('newest stock day (data as of)', crisisFreshnessQuery({})),
  ];
  if (governorateId) timings.push(await time(`cover by co-op in ${governorateId}`, coverQuery({ governorateId })));
  return timings.map(({ data: _data, ...t }) => t);
}

function renderQueryTable(timings: readonly QueryTiming[]): string {
  const header = ['query', 'rows', 'cold (ms)', 'warm p50 (ms)', 'warm p95 (ms)'];
  const lines = timings.map((t) => [t.name, `${t.rows}`, ms1(t.cold), ms1(t.warmP50), ms1(t.warmP95)]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const ms1 = (v: number) => v.toFixed(1);

async function visit(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  webUrl: string,
  pc: PageCase,
): Promise<{ lcp: number | null; chart: number | null }> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(
      ([role, coopId]) => {
        localStorage.setItem('rabt.session', JSON.stringify({ role, coopId }));
        const w = window as unknown as { __lcp?: number };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      },
      [pc.role, pc.coopId ?? null] as const,
    );
    await page.goto(`${webUrl}/?page=${pc.page}`);
    // The page is "there" once its data has drawn: the first chart, or else the first table row.
    if (pc.hasChart)
      await page.waitForFunction(() => performance.getEntriesByName('rabt:first-chart').length > 0, undefined, {
        timeout: TIMEOUT_MS,
      });
    else await page.locator('[data-testid$="-table"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    // LCP can still move to a later, larger paint (a table filling in): give it a moment to settle.
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => ({
      lcp: (window as unknown as { __lcp?: number }).__lcp ?? null,
      chart: performance.getEntriesByName('rabt:first-chart')[0]?.startTime ?? null,
    }));
  } finally {
    await context.close();
  }
}

await main();
// Cube's server keeps timers alive after close(); the figures are out, so end here.
process.exit(0);
