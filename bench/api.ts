/**
 * `npm run bench:api`: p50/p95 latency of each dashboard query through the Cube API, cold and
 * warm, at 1, 10 and 50 concurrent clients, next to the same SQL run straight on DuckDB, so the
 * API's overhead shows as a ratio.
 *
 * Warehouse: RABT_WAREHOUSE_PATH (or data/warehouse/rabt.duckdb) when it exists, else a
 * generated one shaped like the demo scale (BENCH_COOPS co-ops x 2 selling sites, BENCH_PRODUCTS
 * products, BENCH_DAYS days) in a temp dir. BENCH_REQUESTS requests per level (default 50).
 *
 * Cold = a query Cube has not answered yet (a fresh, equally costly date filter per request), so
 * it runs on DuckDB (or on a pre-aggregation when one matches); warm = the same query again,
 * answered from the answer cache in front of /load (response-cache.ts). "duckdb" = the SQL Cube generates for the query, run on the
 * driver directly, with the same concurrency.
 *
 * The clients run in the server's process, on its one thread, as node:http requests over
 * kept-alive sockets asking for gzip/br as a browser does. They read each answer's bytes as sent
 * but decode and JSON.parse only error answers (Cube's "Continue wait" included): a browser
 * decodes and parses on its own CPU, while here 50 of them for a 1 MB answer (~15-25 ms each,
 * and fetch's stream plumbing on top) would queue on the server's thread and be counted as
 * server time. What decoding and parsing each answer costs a client is printed on its own line
 * instead; BENCH_CLIENT_PARSE=1 decodes and parses every answer. BENCH_QUERIES=<text> runs only the queries
 * whose name contains it. "warm CPU" is this process's CPU time (user + system, all threads) per
 * warm request: steadier than wall time on a shared machine.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startCube, type RunningCube } from '../semantic/cube-server';
import { writeTinyWarehouse } from '../semantic/fixtures/tiny-warehouse';
import { issueToken } from '../semantic/tokens';

const CONCURRENCY = [1, 10, 50];
const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 50);
const CLIENT_PARSE = process.env.BENCH_CLIENT_PARSE === '1';
const ONLY = process.env.BENCH_QUERIES;

interface DashboardQuery {
  name: string;
  query: (variant: number) => Record<string, unknown>;
}

// What the dashboards ask. `variant` adds a filter every row passes (a date bound, or a co-op id
// that does not exist), so each cold request is a distinct cache key with the same cost and the
// same rollup, if any.
const day = (offset: number) => new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const noCoop = (v: number) => ({ member: 'crisis_now.coop_id', operator: 'notEquals', values: [`X${v}`] });
const QUERIES: DashboardQuery[] = [
  {
    // The crisis room's headline: stock of essentials by co-op and governorate, now.
    name: 'crisis: essentials by co-op and governorate, now',
    query: (v) => ({
      measures: ['crisis_now.stock_on_hand', 'crisis_now.demand_per_day', 'crisis_now.days_of_cover'],
      dimensions: [
        'crisis_now.governorate_id',
        'crisis_now.governorate_name_ar',
        'crisis_now.coop_id',
        'crisis_now.coop_name_ar',
      ],
      filters: [noCoop(v)],
      order: { 'crisis_now.days_of_cover': 'asc' },
    }),
  },
  {
    name: 'crisis: essential products, lowest cover first, now',
    query: (v) => ({
      measures: ['crisis_now.days_of_cover', 'crisis_now.stock_on_hand', 'crisis_now.demand_per_day'],
      dimensions: ['crisis_now.product_id', 'crisis_now.product_name_ar', 'crisis_now.category_name_ar'],
      filters: [noCoop(v)],
      order: { 'crisis_now.days_of_cover': 'asc' },
      limit: 200,
    }),
  },
  {
    name: 'crisis: cover by governorate and category, now',
    query: (v) => ({
      measures: ['crisis_now.days_of_cover', 'crisis_now.low_cover_share'],
      dimensions: ['crisis_now.governorate_id', 'crisis_now.category_name_ar'],
      filters: [noCoop(v)],
    }),
  },
  {
    name: 'consumption: daily by category',
    query: (v) => ({
      measures: ['consumption.net_amount_kwd', 'consumption.quantity'],
      dimensions: ['consumption.category_name_ar'],
      timeDimensions: [
        { dimension: 'consumption.business_date', granularity: 'day', dateRange: [day(v), '2099-12-31'] },
      ],
    }),
  },
  {
    name: 'consumption: Ramadan vs not by governorate',
    query: (v) => ({
      measures: ['consumption.net_amount_kwd'],
      dimensions: ['consumption.governorate_name_ar', 'consumption.is_ramadan'],
      timeDimensions: [{ dimension: 'consumption.business_date', dateRange: [day(v), '2099-12-31'] }],
    }),
  },
  {
    name: 'demand forecast: band by day',
    query: (v) => ({
      measures: ['demand_forecast.yhat', 'demand_forecast.yhat_lower', 'demand_forecast.yhat_upper'],
      timeDimensions: [{ dimension: 'demand_forecast.ds', granularity: 'day', dateRange: [day(v), '2099-12-31'] }],
    }),
  },
];

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** `clients` workers share `total` requests; returns each request's latency, sorted. */
async function runLevel(clients: number, total: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

/** The configured warehouse, or a generated demo-shaped one in a temp dir (`tmp`, removed at the end). */
async function prepareWarehouse(): Promise<{ warehousePath: string; tmp?: string }> {
  const configured = resolve(process.env.RABT_WAREHOUSE_PATH ?? 'data/warehouse/rabt.duckdb');
  if (existsSync(configured)) return { warehousePath: configured };
  const tmp = mkdtempSync(join(tmpdir(), 'rabt-bench-api-'));
  const warehousePath = join(tmp, 'rabt.duckdb');
  const shape = {
    coops: Number(process.env.BENCH_COOPS ?? 75),
    products: Number(process.env.BENCH_PRODUCTS ?? 100),
    days: Number(process.env.BENCH_DAYS ?? 400),
  };
  const t0 = performance.now();
  await writeTinyWarehouse(warehousePath, shape);
  const rows = shape.coops * 2 * shape.products * shape.days;
  console.log(
    `generated a demo-shaped warehouse: ${shape.coops} co-ops, ${shape.products} products, ${shape.days} days ` +
      `(${(rows / 1e6).toFixed(1)} M stock rows, as many sales rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { warehousePath, tmp };
}

interface Answer {
  json: Buffer;
  wire: number;
  coding: string;
}

const ERROR_START = Buffer.from('{"error"');
const decode = (bytes: Buffer, coding: string): Buffer =>
  coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes;

/** A dashboard client of /load: node:http over kept-alive sockets, asking for gzip/br like a browser. */
function loadClient(api: string, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** One POST to /load: status, content coding and the bytes as sent. */
  const post = (body: string) =>
    new Promise<{ status: number; coding: string; bytes: Buffer }>((done, fail) => {
      const req = httpRequest(
        `${api}/load`,
        {
          method: 'POST',
          agent,
          // What a browser on https sends; the cache answers with its br copy once made.
          headers: { authorization: token, 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              coding: res.headers['content-encoding'] ?? 'identity',
              bytes: Buffer.concat(chunks),
            }),
          );
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  /** One answer, retried while Cube says "Continue wait"; returns its JSON and the size on the wire. */
  const fetchAnswer = async (query: unknown): Promise<Answer> => {
    for (;;) {
      const { status, coding, bytes } = await post(JSON.stringify({ query }));
      // Only the cache compresses, and only answers; errors come as plain JSON starting {"error".
      const plainAnswer = coding !== 'identity' || !bytes.subarray(0, ERROR_START.length).equals(ERROR_START);
      if (!CLIENT_PARSE && status === 200 && plainAnswer) return { json: bytes, wire: bytes.length, coding };
      const json = decode(bytes, coding);
      const body = JSON.parse(json.toString('utf8')) as { error?: string };
      if (body.error === 'Continue wait') continue;
      if (status !== 200 || body.error) throw new Error(`load failed: ${status} ${body.error}`);
      return { json, wire: bytes.length, coding };
    }
  };
  const load = async (query: unknown): Promise<void> => {
    await fetchAnswer(query);
  };
  return { fetchAnswer, load };
}
type LoadClient = ReturnType<typeof loadClient>;

/**
 * The SQL Cube runs for a query (asked as an auditor, the only role /sql is open to). /sql names
 * a rollup without the version suffix of the table actually built, so that is filled in from the
 * catalogue (one publish, one table per rollup).
 */
async function sqlOf(
  cube: RunningCube,
  auditor: string,
  query: unknown,
): Promise<{ sql: string; params: unknown[]; rollups: string[] }> {
  const res = await fetch(`${cube.url}/cubejs-api/v1/sql?query=${encodeURIComponent(JSON.stringify(query))}`, {
    headers: { authorization: auditor },
  });
  const body = (await res.json()) as { sql: { sql: [string, unknown[]]; preAggregations: { tableName: string }[] } };
  let sql = body.sql.sql[0];
  const rollups = body.sql.preAggregations.map((p) => p.tableName);
  const built = (
    await cube.driver.query<{ t: string }>(
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = 'prod_pre_aggregations'`,
    )
  ).map((r) => r.t);
  for (const name of rollups) {
    const table = built.find((t) => t.startsWith(`${name}_`));
    if (!table) throw new Error(`rollup ${name} was not built`);
    sql = sql.replaceAll(`${name} `, `${table} `);
  }
  return { sql, params: body.sql.sql[1], rollups };
}

/** Prints the answer's size and what decoding and parsing it costs a client (not in the api times unless BENCH_CLIENT_PARSE=1). */
async function printAnswerCost(client: LoadClient, name: string, sample: Record<string, unknown>): Promise<void> {
  await client.load(sample);
  await new Promise((r) => setTimeout(r, 300)); // the cache's gzip/br copies are made off-thread
  const { json: sent, wire, coding } = await client.fetchAnswer(sample);
  const p0 = performance.now();
  let json = sent;
  for (let i = 0; i < 5; i++) json = decode(sent, coding);
  const decodeMs = (performance.now() - p0) / 5;
  const text = json.toString('utf8');
  const p1 = performance.now();
  for (let i = 0; i < 5; i++) JSON.parse(text);
  const parseMs = (performance.now() - p1) / 5;
  console.log(
    `  (${name}: ${(json.length / 1024).toFixed(0)} KiB of JSON, ${(wire / 1024).toFixed(0)} KiB on the wire as ${coding}; ` +
      `on the client: ${coding} decode ${decodeMs.toFixed(1)} ms, JSON.parse ${parseMs.toFixed(1)} ms)`,
  );
}

const f = (n: number) => n.toFixed(1);

/** One table row: cold, warm (with CPU per request) and straight-DuckDB times at one concurrency. */
async function benchLevel(
  cube: RunningCube,
  client: LoadClient,
  q: DashboardQuery,
  run: { clients: number; firstVariant: number; source: string; sql: string; params: unknown[] },
): Promise<void> {
  const { clients, firstVariant, source, sql, params } = run;
  const cold = await runLevel(clients, REQUESTS_PER_LEVEL, (i) => client.load(q.query(firstVariant + i)));
  const warmQuery = q.query(firstVariant);
  await client.load(warmQuery); // stored (and its copies made) before the warm clients start
  await new Promise((r) => setTimeout(r, 300));
  const cpu0 = process.cpuUsage();
  const warm = await runLevel(clients, REQUESTS_PER_LEVEL, () => client.load(warmQuery));
  const cpu = process.cpuUsage(cpu0);
  const warmCpuMs = (cpu.user + cpu.system) / 1000 / REQUESTS_PER_LEVEL;
  const direct = await runLevel(clients, REQUESTS_PER_LEVEL, async () => {
    await cube.driver.query(sql, params);
  });
  console.log(
    `${q.name} | ${source} | ${clients} | ${f(pct(cold, 50))}/${f(pct(cold, 95))} | ${f(pct(warm, 50))}/${f(pct(warm, 95))} | ` +
      `${f(warmCpuMs)} | ${f(pct(direct, 50))}/${f(pct(direct, 95))} | ${(pct(cold, 50) / pct(direct, 50)).toFixed(2)} | ` +
      `${(pct(warm, 95) / pct(direct, 95)).toFixed(2)}`,
  );
}

const load1 = () => loadavg()[0]!.toFixed(1);

async function main(): Promise<void> {
  const { warehousePath, tmp } = await prepareWarehouse();
  const secret = process.env.CUBEJS_API_SECRET ?? `bench-${process.pid}-${Date.now()}`.padEnd(64, 'b');
  const cube = await startCube({ port: 0, warehousePath, apiSecret: secret, logger: () => {} });
  const { token } = await issueToken({ role: 'leadership' }, secret);
  const { token: auditor } = await issueToken({ role: 'auditor' }, secret);
  const client = loadClient(`${cube.url}/cubejs-api/v1`, token);

  console.log(
    `warehouse: ${warehousePath}${tmp ? ' (generated)' : ''}; ${REQUESTS_PER_LEVEL} requests per level, ms; ` +
      `clients ${CLIENT_PARSE ? 'parse every answer' : 'parse error answers only'}; load average ${load1()}`,
  );
  console.log(
    'query | answered from | clients | api cold p50/p95 | api warm p50/p95 | warm CPU ms/req | duckdb p50/p95 | cold p50 ÷ duckdb p50 | warm p95 ÷ duckdb p95',
  );
  let variant = 0;
  const t0 = performance.now();
  await client.load(QUERIES[0]!.query(variant++)); // compile the model (and build any pre-aggregation) outside the timings
  console.log(`first query (model compile, pre-aggregation build): ${(performance.now() - t0).toFixed(0)} ms`);
  for (const q of QUERIES.filter((x) => !ONLY || x.name.includes(ONLY))) {
    await client.load(q.query(variant++)); // this query's pre-aggregation, if any, is built before timing
    const { sql, params, rollups } = await sqlOf(cube, auditor, q.query(0));
    await printAnswerCost(client, q.name, q.query(variant++));
    const source = rollups.length ? rollups.map((r) => r.split('.')[1]).join(', ') : 'warehouse';
    for (const clients of CONCURRENCY) {
      await benchLevel(cube, client, q, { clients, firstVariant: variant, source, sql, params });
      variant += REQUESTS_PER_LEVEL;
    }
  }
  console.log(`load average at the end: ${load1()}`);
  await cube.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

// Cube's orchestrator keeps timers after shutdown; once the table is printed there is nothing left to wait for.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
