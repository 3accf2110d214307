import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCube, type RunningCube } from './cube-server';
import { writeTinyWarehouse } from './fixtures/tiny-warehouse';
import { untilRollupsBuilt } from './rollup-tables';

/**
 * `rabt up` asks Cube to build every rollup at start-up, so the first visit to the crisis room
 * does not wait for them. Nothing here queries /load: whatever is built, the scheduler built.
 */
let dir: string;
let warehousePath: string;
const running: RunningCube[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rabt-rollups-bg-'));
  warehousePath = join(dir, 'rabt.duckdb');
  await writeTinyWarehouse(warehousePath, { coops: 4, days: 5, products: 6 });
}, 120_000);
afterAll(async () => {
  await Promise.all(running.map((c) => c.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(buildRollupsInBackground: boolean): Promise<RunningCube> {
  const cube = await startCube({ port: 0, warehousePath, apiSecret: 'r'.repeat(64), buildRollupsInBackground });
  running.push(cube);
  return cube;
}

async function stop(cube: RunningCube): Promise<void> {
  await cube.close();
  running.splice(running.indexOf(cube), 1);
}

it('builds no rollup before a query asks for one when background builds are off', async () => {
  const cube = await start(false);
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  expect((await cube.rollups()).built).toEqual([]);
  await stop(cube);
  // The 15 s watch plus compiling each role's model: under a loaded CI machine that neared 60 s.
}, 180_000);

it('builds every declared rollup on its own when background builds are on', async () => {
  const cube = await start(true);
  await untilRollupsBuilt(() => cube.rollups(), { everyMs: 1_000, timeoutMs: 240_000 });
  const state = await cube.rollups();
  expect(state.declared.length).toBeGreaterThanOrEqual(5);
  // The crisis room's and the explorer's, as Cube compiled the models.
  expect(state.declared).toContain('fct_essentials_stock_now_now_by_coop_product');
  expect(state.declared).toContain('fct_sales_daily_daily_by_category_governorate');
  expect(state.built).toEqual(state.declared);
  await stop(cube);
}, 300_000);
