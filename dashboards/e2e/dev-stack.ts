/**
 * A stack for working on the dashboards without rebuilding the integration fixture: Cube over
 * a given warehouse (the last fixture's, say, or the semantic layer's tiny one) and the real
 * web server serving dashboards/dist. Prints the URLs and runs until ^C.
 *
 *   npx tsx dashboards/e2e/dev-stack.ts [data/test-dash/warehouse/rabt.duckdb]
 *
 * RABT_CUBE_SCHEMA=<folder> serves another copy of the models (say `git archive HEAD semantic/model`
 * unpacked somewhere) while semantic/model is mid-edit in the working tree.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../testing/free-port';
import { repoRoot } from './browser';

export interface DevStack {
  cubeUrl: string;
  cubeApiUrl: string;
  webUrl: string;
  apiSecret: string;
  warehousePath: string;
  rollups(): Promise<{ declared: string[]; built: string[] }>;
  close(): Promise<void>;
}

export async function startDevStack(
  warehousePath?: string,
  options: { buildRollupsInBackground?: boolean } = {},
): Promise<DevStack> {
  const { randomBytes } = await import('node:crypto');
  const apiSecret = randomBytes(32).toString('hex');
  let wh = warehousePath;
  if (!wh) {
    const { writeTinyWarehouse } = await import('../../semantic/fixtures/tiny-warehouse');
    wh = join(mkdtempSync(join(tmpdir(), 'rabt-dash-')), 'rabt.duckdb');
    await writeTinyWarehouse(wh, { coops: 12, days: 30 });
  }
  const { startCube } = await import('../../semantic/cube-server');
  const { startWebServer } = await import('../../semantic/web-server');
  const schemaPath = process.env.RABT_CUBE_SCHEMA || undefined;
  const cube = await startCube({
    port: await freePort(),
    warehousePath: wh,
    apiSecret,
    buildRollupsInBackground: options.buildRollupsInBackground ?? false,
    ...(schemaPath ? { schemaPath } : {}),
  });
  const cubeUrl = cube.url.replace(/\/$/, '');
  const cubeApiUrl = `${cubeUrl}/cubejs-api/v1`;
  const web = await startWebServer({
    port: await freePort(),
    distDir: join(repoRoot, 'dashboards', 'dist'),
    apiSecret,
    cubeApiUrl,
  });
  return {
    cubeUrl,
    cubeApiUrl,
    webUrl: web.url.replace(/\/$/, ''),
    apiSecret,
    warehousePath: wh,
    rollups: () => cube.rollups(),
    async close() {
      await web.close();
      await cube.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stack = await startDevStack(process.argv[2]);
  console.log(JSON.stringify({ ...stack, close: undefined }, null, 2));
  process.on('SIGINT', () => void stack.close().then(() => process.exit(0)));
}
