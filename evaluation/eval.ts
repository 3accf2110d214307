/**
 * `npm run eval`: backtest the models against the simulator's truth and print the table
 * issue 8 asks for. Builds its own world under data/eval (simulate → ingest → build → score)
 * unless it is already there.
 *
 *   npm run eval -- [--data data/eval] [--scale demo] [--seed 1] [--end-date 2026-07-31] [--days 200] [--series 1500]
 *
 * 200 days to 2026-07-31 hold the weeks before Ramadan 2026, Ramadan, both Eids and the
 * June crisis wave, at half the ingest time of the demo's default 400 days.
 *
 *   npm run eval -- --data <dir> --anomalies-only
 *
 * scores only the auditor cases of a world already built under <dir> (read only: nothing
 * is simulated, ingested, built or written), e.g. a small world whose simulator planted
 * the ledger and feed problems the eval world predates.
 *
 *   npm run eval -- --data <dir> --built
 *
 * evaluates everything (forecasts, surge alerts, anomalies) on a world already built under
 * <dir>, read only, whatever its scale, seed, span or end date (e.g. the demo `npm start`
 * built): without it, a world that does not match the flags is deleted and simulated anew.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type RabtConfig } from '../cli/config';
import type { Scale } from '../cli/pipeline';
import { createReporter } from '../cli/reporter';
import { withDuck } from '../ml/duck';
import { attachWarehouse } from '../ml/warehouse';
import { readEvents } from './anomaly-eval';
import { anomalySection, forecastSection } from './eval-sections';
import { buildWorld } from './eval-world';
import { surgeSection } from './surge-eval';

function parseFlags() {
  return parseArgs({
    options: {
      data: { type: 'string', default: 'data/eval' },
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      'end-date': { type: 'string', default: '2026-07-31' },
      series: { type: 'string', default: '1500' },
      days: { type: 'string', default: '200' },
      'anomalies-only': { type: 'boolean', default: false },
      built: { type: 'boolean', default: false },
    },
  }).values;
}

/** The simulator's truth: the planted events and the simulated span. */
function readTruth(config: RabtConfig) {
  const summary = JSON.parse(readFileSync(join(config.simDir, 'truth', 'summary.json'), 'utf8')) as {
    startDate: string;
    endDate: string;
  };
  return { events: readEvents(join(config.simDir, 'truth', 'events.csv')), ...summary };
}

async function main(): Promise<void> {
  const values = parseFlags();
  const config = loadConfig({
    ...process.env,
    RABT_DATA_DIR: resolve(values.data),
    RABT_SIM_DIR: '',
    RABT_LAKE_DIR: '',
    RABT_WAREHOUSE_PATH: '',
  });
  const t0 = performance.now();
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(0);
  if (values['anomalies-only']) {
    await withDuck(async (con) => {
      await attachWarehouse(con, config.warehousePath);
      await anomalySection(con, readTruth(config), out);
    });
    out();
    out(`evaluation ${seconds(t0)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (!values.built) {
    const wanted = {
      scale: values.scale as Scale,
      seed: Number(values.seed),
      days: Number(values.days),
      endDate: values['end-date'],
    };
    await buildWorld(config, wanted, createReporter());
  }
  const t1 = performance.now();
  const truth = readTruth(config);
  await withDuck(async (con) => {
    await attachWarehouse(con, config.warehousePath);
    await forecastSection(con, truth.endDate, Number(values.series), out);
    await surgeSection(con, config.simDir, truth, out);
    await anomalySection(con, truth, out);
  });
  out();
  const pipeline = values.built
    ? 'world read as built (nothing simulated, ingested, built or scored)'
    : `pipeline ${((t1 - t0) / 1000).toFixed(0)} s`;
  out(`${pipeline}, evaluation ${seconds(t1)} s`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
