import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, repoRoot } from '../cli/config';
import { runPipeline } from '../cli/pipeline';
import { createReporter } from '../cli/reporter';
import { startStack } from '../cli/stack';
import { freePort } from './free-port';
import type { StackContext } from './stack-context';

/** The fixture ends inside the default crisis window, so alerts and stock-outs are in it. */
export const FIXTURE_END_DATE = '2025-06-30';
const FIXTURE_SEED = 7;

/**
 * Builds the small fixture once for every integration test, through the same pipeline as
 * `npm start` (real simulator, ingestion, dbt build with its tests, models), then starts
 * the real Cube server and web server on free ports.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // RABT_TEST_DATA_DIR lets two checkouts' worth of work test side by side on one machine.
  const dataDir = process.env.RABT_TEST_DATA_DIR ?? join(repoRoot, 'data', 'test');
  rmSync(dataDir, { recursive: true, force: true });
  const config = {
    ...loadConfig({ RABT_DATA_DIR: dataDir }),
    cubePort: await freePort(),
    webPort: await freePort(),
  };
  const reporter = createReporter(process.stderr);
  const pipeline = await runPipeline({
    config,
    reporter,
    scale: 'small',
    seed: FIXTURE_SEED,
    endDate: FIXTURE_END_DATE,
  });
  reporter.step('Starting Cube and the web server for the integration tests');
  const stack = await startStack(config);
  const context: StackContext = {
    cubeUrl: stack.cubeUrl,
    cubeApiUrl: stack.cubeApiUrl,
    webUrl: stack.webUrl,
    apiSecret: stack.apiSecret,
    warehousePath: config.warehousePath,
    lakeDir: config.lakeDir,
    dataDir: config.dataDir,
    simDir: config.simDir,
    endDate: FIXTURE_END_DATE,
    builds: pipeline.builds.map(({ published, tests, failed, results }) => ({
      published,
      tests,
      failed,
      results: results.map(({ unique_id, status }) => ({ unique_id, status })),
    })),
  };
  project.provide('stack', context);
  return async () => {
    await stack.close();
  };
}
