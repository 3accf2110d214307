import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildSummary } from '../transform/build';
import { modelsCodePrint, transformCodePrint } from './code-prints';
import type { RabtConfig } from './config';
import type { Reporter } from './reporter';
import { fingerprint, readState, writeState, type PipelineState } from './state';

export type Scale = 'small' | 'demo' | 'national';

export interface PipelineOptions {
  config: RabtConfig;
  reporter: Reporter;
  scale: Scale;
  seed: number;
  /** Last simulated day (YYYY-MM-DD); the simulator defaults to today in Kuwait. */
  endDate?: string;
  /** Throw away data/ and rebuild every stage. */
  fresh?: boolean;
}

export interface PipelineResult {
  ran: string[];
  skipped: string[];
  seconds: number;
  /** Every dbt build this run made, in order. */
  builds: BuildSummary[];
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

/** What every stage reads and records: the options, the saved state and this run's log. */
interface PipelineRun extends PipelineOptions {
  statePath: string;
  state: PipelineState;
  ran: string[];
  skipped: string[];
  builds: BuildSummary[];
}

/**
 * simulate → ingest → build → score → build: the embedded default from co-op files to a
 * published warehouse with forecasts. Each stage is skipped when its input is unchanged
 * since it last ran, so a second start only has to serve.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const statePath = join(options.config.dataDir, '.rabt-state.json');
  if (options.fresh) removePreviousRun(options, statePath);
  const run: PipelineRun = { ...options, statePath, state: readState(statePath), ran: [], skipped: [], builds: [] };

  await simulateStage(run);
  await ingestStage(run);
  const buildPrint = await buildStage(run);
  await scoreStage(run, buildPrint);

  return { ran: run.ran, skipped: run.skipped, builds: run.builds, seconds: (performance.now() - started) / 1000 };
}

function removePreviousRun({ config, reporter }: PipelineOptions, statePath: string): void {
  reporter.step('Removing the previous simulation, lake and warehouse (--fresh)');
  for (const path of [config.simDir, config.lakeDir, join(config.warehousePath, '..'), statePath]) {
    rmSync(path, { recursive: true, force: true });
  }
}

async function simulateStage(run: PipelineRun): Promise<void> {
  const { config, reporter, scale, seed, endDate, state } = run;
  const sameSimulation = state.simulation?.scale === scale && state.simulation?.seed === seed;
  if (existsSync(join(config.simDir, 'inbox')) && sameSimulation) {
    run.skipped.push('simulate');
    return;
  }
  const { simulate } = await import('../simulator/simulate');
  reporter.step(`Simulating co-op data (scale ${scale}, seed ${seed})`);
  const t = performance.now();
  rmSync(config.simDir, { recursive: true, force: true });
  await simulate({ scale, seed, outDir: config.simDir, endDate, onProgress: (e) => reporter.progress(e) });
  reporter.info(`simulated in ${secondsSince(t)} s → ${config.simDir}`);
  state.simulation = { scale, seed };
  delete state.ingestedInbox;
  writeState(run.statePath, state);
  run.ran.push('simulate');
}

async function ingestStage(run: PipelineRun): Promise<void> {
  const { config, reporter, state } = run;
  const inboxDir = join(config.simDir, 'inbox');
  const inboxPrint = fingerprint(inboxDir);
  if (state.ingestedInbox === inboxPrint) {
    run.skipped.push('ingest');
    return;
  }
  const { ingestInbox } = await import('../ingestion/ingest');
  reporter.step(`Ingesting ${inboxDir}`);
  const t = performance.now();
  const summary = await ingestInbox({ inboxDir, lakeDir: config.lakeDir, onProgress: (e) => reporter.progress(e) });
  reporter.info(
    `${summary.files} files, ${summary.rows_landed} rows landed, ${summary.rows_quarantined} quarantined, ` +
      `${summary.duplicates_skipped} duplicate batches skipped (${secondsSince(t)} s)`,
  );
  if (summary.failures.length > 0) {
    reporter.info(`${summary.failures.length} files could not be read; see ${join(config.lakeDir, 'rejected')}`);
  }
  state.ingestedInbox = inboxPrint;
  writeState(run.statePath, state);
  run.ran.push('ingest');
}

async function buildWarehouseStep(run: PipelineRun, title: string, select?: string): Promise<void> {
  const { config, reporter } = run;
  const { buildWarehouse } = await import('../transform/build');
  reporter.step(title);
  const t = performance.now();
  const summary = await buildWarehouse({
    dataDir: config.dataDir,
    lakeDir: config.lakeDir,
    warehousePath: config.warehousePath,
    // One dbt target per data dir, so the tests' fixture and `npm start` never share manifests.
    targetDir: join(config.dataDir, 'dbt', 'target'),
    select,
    onProgress: (e) => reporter.progress(e),
  });
  run.builds.push(summary);
  reporter.info(
    `published ${config.warehousePath}: ${summary.models} models, ${summary.tests} tests passed (${secondsSince(t)} s)`,
  );
}

/** Builds the warehouse unless neither the lake nor the dbt project changed; returns what it was built from. */
async function buildStage(run: PipelineRun): Promise<string> {
  const { config, state } = run;
  const lakePrint = fingerprint(join(config.lakeDir, 'raw'), join(config.lakeDir, 'ledger'));
  // The code is an input too: an upgrade rebuilds the marts and rescores.
  const buildPrint = `${lakePrint}:${transformCodePrint()}`;
  if (existsSync(config.warehousePath) && state.builtFromLake === buildPrint) {
    run.skipped.push('build');
    return buildPrint;
  }
  await buildWarehouseStep(run, 'Building the warehouse (dbt build: write, audit, publish)');
  state.builtFromLake = buildPrint;
  delete state.scoredWarehouse;
  writeState(run.statePath, state);
  run.ran.push('build');
  return buildPrint;
}

async function scoreStage(run: PipelineRun, buildPrint: string): Promise<void> {
  const { config, reporter, state } = run;
  const scorePrint = `${buildPrint}:${modelsCodePrint()}`;
  if (state.scoredWarehouse === scorePrint && existsSync(join(config.lakeDir, 'ml'))) {
    run.skipped.push('score');
    return;
  }
  const { score } = await import('../ml/score');
  reporter.step('Scoring: demand forecasts for essential products');
  const t = performance.now();
  await score({
    warehousePath: config.warehousePath,
    lakeDir: config.lakeDir,
    onProgress: (e) => reporter.progress(e),
  });
  reporter.info(`scored in ${secondsSince(t)} s`);
  // Only the models' outputs changed, so only what reads them is rebuilt and retested.
  await buildWarehouseStep(run, 'Publishing the model outputs into the warehouse (dbt build)', 'source:ml+');
  state.scoredWarehouse = scorePrint;
  writeState(run.statePath, state);
  run.ran.push('score');
}
