import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RabtConfig } from '../cli/config';
import { runPipeline, type Scale } from '../cli/pipeline';
import type { Reporter } from '../cli/reporter';
import { readState, writeState } from '../cli/state';
import { simulate } from '../simulator/simulate';

export interface WorldWanted {
  scale: Scale;
  seed: number;
  days: number;
  endDate: string;
}

/**
 * The eval world under the data dir, built through the pipeline (simulate → ingest → build
 * → score → build, each stage skipped when its input is unchanged). A world that does not
 * match what is wanted is deleted and simulated anew. The pipeline's simulate stage has no
 * `days`, so the simulation runs here and the pipeline skips the stage.
 */
export async function buildWorld(config: RabtConfig, wanted: WorldWanted, reporter: Reporter): Promise<void> {
  const statePath = join(config.dataDir, '.rabt-state.json');
  const summaryPath = join(config.simDir, 'truth', 'summary.json');
  const have = existsSync(summaryPath) ? (JSON.parse(readFileSync(summaryPath, 'utf8')) as WorldWanted) : null;
  if (
    !have ||
    have.scale !== wanted.scale ||
    have.seed !== wanted.seed ||
    have.days !== wanted.days ||
    have.endDate !== wanted.endDate
  ) {
    for (const p of [config.simDir, config.lakeDir, join(config.warehousePath, '..'), statePath])
      rmSync(p, { recursive: true, force: true });
    reporter.step(`Simulating ${wanted.scale}, ${wanted.days} days to ${wanted.endDate}`);
    await simulate({ ...wanted, outDir: config.simDir, onProgress: (e) => reporter.progress(e) });
    writeState(statePath, { ...readState(statePath), simulation: { scale: wanted.scale, seed: wanted.seed } });
  }
  await runPipeline({ config, reporter, scale: wanted.scale, seed: wanted.seed, endDate: wanted.endDate });
  reporter.finish();
}
