import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildSummary } from '../transform/build';
import { modelsCodePrint, transformCodePrint } from './code-prints';
import type { RabtConfig } from './config';
import type { Reporter } from './reporter';
import { fingerprint, readState, writeState } from './state';

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

/**
 * simulate → ingest → build → score → build: the embedded default from co-op files to a
 * published warehouse with forecasts. Each stage is skipped when its input is unchanged
 * since it last ran, so a second start only has to serve.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { config, reporter, scale, seed, endDate } = options;
  const started = performance.now();
  const statePath = join(config.dataDir, '.rabt-state.json');
  const ran: string[] = [];
  const skipped: string[] = [];
  const builds: BuildSummary[] = [];

  if (options.fresh) {
    reporter.step('Removing the previous simulation, lake and warehouse (--fresh)');
    for (const path of [config.simDir, config.lakeDir, join(config.warehousePath, '..'), statePath]) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  const state = readState(statePath);
  const inboxDir = join(config.simDir, 'inbox');

  const sameSimulation = state.simulation?.scale === scale && state.simulation?.seed === seed;
  if (existsSync(inboxDir) && sameSimulation) {
    skipped.push('simulate');
  } else {
    const { simulate } = await import('../simulator/simulate');
    reporter.step(`Simulating co-op data (scale ${scale}, seed ${seed})`);
    const t = performance.now();
    rmSync(config.simDir, { recursive: true, force: true });
    await simulate({ scale, seed, outDir: config.simDir, endDate, onProgress: (e) => reporter.progress(e) });
    reporter.info(`simulated in ${secondsSince(t)} s → ${config.simDir}`);
    state.simulation = { scale, seed };
    delete state.ingestedInbox;
    writeState(statePath, state);
    ran.push('simulate');
  }

  const inboxPrint = fingerprint(inboxDir);
  if (state.ingestedInbox === inboxPrint) {
    skipped.push('ingest');
  } else {
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
    writeState(statePath, state);
    ran.push('ingest');
  }

  const lakeInputs = [join(config.lakeDir, 'raw'), join(config.lakeDir, 'ledger')];
  const lakePrint = fingerprint(...lakeInputs);
  const { buildWarehouse } = await import('../transform/build');
  const build = async (title: string, select?: string): Promise<void> => {
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
    builds.push(summary);
    reporter.info(
      `published ${config.warehousePath}: ${summary.models} models, ${summary.tests} tests passed (${secondsSince(t)} s)`,
    );
  };

  // The code is an input too: an upgrade rebuilds the marts and rescores.
  const buildPrint = `${lakePrint}:${transformCodePrint()}`;
  if (existsSync(config.warehousePath) && state.builtFromLake === buildPrint) {
    skipped.push('build');
  } else {
    await build('Building the warehouse (dbt build: write, audit, publish)');
    state.builtFromLake = buildPrint;
    delete state.scoredWarehouse;
    writeState(statePath, state);
    ran.push('build');
  }

  const scorePrint = `${buildPrint}:${modelsCodePrint()}`;
  if (state.scoredWarehouse === scorePrint && existsSync(join(config.lakeDir, 'ml'))) {
    skipped.push('score');
  } else {
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
    await build('Publishing the model outputs into the warehouse (dbt build)', 'source:ml+');
    state.scoredWarehouse = scorePrint;
    writeState(statePath, state);
    ran.push('score');
  }

  return { ran, skipped, builds, seconds: (performance.now() - started) / 1000 };
}
