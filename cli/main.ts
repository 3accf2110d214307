import { Command, InvalidArgumentError, Option } from 'commander';
import { join } from 'node:path';
import { loadConfig, type RabtConfig } from './config';
import { runPipeline, type Scale } from './pipeline';
import { createReporter } from './reporter';
import { startStack, type RunningStack } from './stack';
import { ALL_FEEDS, isFeedName, type FeedName } from '../domain/feeds';

const SCALES: Scale[] = ['small', 'demo', 'national'];

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('expected a whole number.');
  return parsed;
}

function feedList(value: string): FeedName[] {
  const feeds = value.split(',').map((feed) => feed.trim());
  const unknown = feeds.filter((feed) => !isFeedName(feed));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown feed ${unknown.join(', ')}; feeds are ${ALL_FEEDS.join(', ')}.`);
  return feeds as FeedName[];
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

function config(): RabtConfig {
  return loadConfig();
}

function printStack(stack: RunningStack): void {
  process.stdout.write(
    [
      '',
      `  Dashboards   ${stack.webUrl}`,
      `  Cube API     ${stack.cubeApiUrl}  (ready: ${stack.cubeUrl}/readyz)`,
      '  Login        demo roles, no password: the role menu at the top of the page',
      `               (leadership, planner, auditor, controller, co-op board); tokens from ${stack.webUrl}/api/token?role=leadership`,
      '  Stop         Ctrl-C',
      '',
    ].join('\n'),
  );
}

async function serveUntilStopped(stack: RunningStack): Promise<void> {
  printStack(stack);
  void reportRollups(stack);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write('\nStopping…\n');
      void stack.close().finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Says when Cube has built the dashboards' rollups: until then a first visit waits for them. */
async function reportRollups(stack: RunningStack): Promise<void> {
  const { untilRollupsBuilt } = await import('../semantic/rollup-tables');
  try {
    await untilRollupsBuilt(() => stack.rollups(), {
      everyMs: 2_000,
      onChange: ({ declared, built }, seconds) =>
        process.stdout.write(
          built.length === declared.length
            ? `  Rollups      ${built.length}/${declared.length} built in ${seconds.toFixed(0)} s: the dashboards answer from them now\n`
            : `  Rollups      ${built.length}/${declared.length} built (${seconds.toFixed(0)} s); the first visit to a page waits for its own\n`,
        ),
    });
  } catch {
    // The stack was stopped while watching; nothing to report.
  }
}

const program = new Command()
  .name('rabt')
  .description('Rabt: the ministry’s data warehouse and BI stack for the consumer co-operative societies.')
  .showHelpAfterError('(run with --help for usage)');

program
  .command('up')
  .description(
    'Run the embedded default end to end (simulate → ingest → build → score) and serve Cube and the dashboards.',
  )
  .addOption(new Option('--scale <scale>', 'simulated data size').choices(SCALES).default('demo'))
  .option('--seed <n>', 'simulation seed', integer, 42)
  .option('--end-date <YYYY-MM-DD>', 'last simulated day (default: today in Kuwait)', isoDate)
  .option('--fresh', 'throw away data/ and rebuild everything', false)
  .option('--no-serve', 'stop after the warehouse is published')
  .action(async (options: { scale: Scale; seed: number; endDate?: string; fresh: boolean; serve: boolean }) => {
    const reporter = createReporter();
    const result = await runPipeline({ config: config(), reporter, ...options });
    reporter.finish();
    const skipped = result.skipped.length > 0 ? `; reused: ${result.skipped.join(', ')}` : '';
    process.stdout.write(
      `Pipeline ready in ${result.seconds.toFixed(1)} s (ran: ${result.ran.join(', ') || 'nothing'}${skipped}).\n`,
    );
    if (options.serve) await serveUntilStopped(await startStack(config(), { buildRollupsInBackground: true }));
  });

program
  .command('simulate')
  .description('Write simulated co-op files (three vendor formats) to <out>/inbox and the ground truth to <out>/truth.')
  .addOption(
    new Option('--scale <scale>', 'small (tests), demo (default start), national (benchmarks)')
      .choices(SCALES)
      .default('demo'),
  )
  .option('--seed <n>', 'seed; the same seed gives byte-identical output', integer, 42)
  .option('--out <dir>', 'output directory (default: $RABT_SIM_DIR)')
  .option('--end-date <YYYY-MM-DD>', 'last simulated day (default: today in Kuwait)', isoDate)
  .option('--days <n>', 'number of days to simulate (default: depends on scale)', integer)
  .option('--feeds <list>', `comma-separated feeds to write (default: all of ${ALL_FEEDS.join(', ')})`, feedList)
  .option('--live', "drip today's sales as hourly batches into <out>/inbox, as co-ops' systems would", false)
  .option('--date <YYYY-MM-DD>', 'with --live: the day to drip (default: today in Kuwait)', isoDate)
  .option(
    '--interval <seconds>',
    'with --live: pause between hours (3600 = real time; default 0, all at once)',
    integer,
    0,
  )
  .action(
    async (options: {
      scale: Scale;
      seed: number;
      out?: string;
      endDate?: string;
      days?: number;
      feeds?: FeedName[];
      live: boolean;
      date?: string;
      interval: number;
    }) => {
      const reporter = createReporter();
      const outDir = options.out ?? config().simDir;
      if (options.live) {
        const { simulateLive } = await import('../simulator/live');
        reporter.step(
          `Dripping hourly sales batches (${options.scale}, seed ${options.seed}) into ${join(outDir, 'inbox')}`,
        );
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        const summary = await simulateLive({
          scale: options.scale,
          seed: options.seed,
          outDir,
          date: options.date,
          intervalMs: options.interval * 1000,
          signal: stop.signal,
          onBatch: (e) =>
            reporter.info(`hour ${String(e.hour).padStart(2, '0')} ${e.coopId}: ${e.rows} rows → ${e.file}`),
        });
        reporter.finish();
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const { simulate } = await import('../simulator/simulate');
      reporter.step(`Simulating ${options.scale} co-op data (seed ${options.seed}) into ${outDir}`);
      const summary = await simulate({
        scale: options.scale,
        seed: options.seed,
        outDir,
        endDate: options.endDate,
        days: options.days,
        feeds: options.feeds,
        onProgress: (e) => reporter.progress(e),
      });
      reporter.finish();
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    },
  );

program
  .command('ingest')
  .description(
    'Validate and land every file in the inbox into the Parquet lake; bad rows go to quarantine with a reason.',
  )
  .option('--inbox <dir>', 'inbox directory (default: $RABT_SIM_DIR/inbox)')
  .option('--lake <dir>', 'lake directory (default: $RABT_LAKE_DIR)')
  .option('--json', 'print a machine-readable summary', false)
  .action(async (options: { inbox?: string; lake?: string; json: boolean }) => {
    const { ingestInbox } = await import('../ingestion/ingest');
    const cfg = config();
    const reporter = createReporter();
    const inboxDir = options.inbox ?? join(cfg.simDir, 'inbox');
    if (!options.json) reporter.step(`Ingesting ${inboxDir}`);
    const summary = await ingestInbox({
      inboxDir,
      lakeDir: options.lake ?? cfg.lakeDir,
      onProgress: options.json ? undefined : (e) => reporter.progress(e),
    });
    reporter.finish();
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `files ${summary.files}, batches ${summary.batches}, duplicates skipped ${summary.duplicates_skipped}\n` +
          `rows in ${summary.rows_in} = landed ${summary.rows_landed} + quarantined ${summary.rows_quarantined}\n`,
      );
      for (const [reason, count] of Object.entries(summary.reasons)) process.stdout.write(`  ${reason}: ${count}\n`);
    }
    if (summary.failures.length > 0) {
      for (const failure of summary.failures)
        process.stderr.write(`could not ingest ${failure.file}: ${failure.reason}\n`);
      process.exitCode = 2;
    }
  });

program
  .command('build')
  .description(
    'Build the warehouse with dbt (write, audit, publish): the published file changes only if every test passes.',
  )
  .option('--select <selector>', 'dbt node selection')
  .option('--full-refresh', 'rebuild incremental models from scratch', false)
  .action(async (options: { select?: string; fullRefresh: boolean }) => {
    const { buildWarehouse } = await import('../transform/build');
    const cfg = config();
    const reporter = createReporter();
    reporter.step('Building the warehouse (dbt build)');
    const summary = await buildWarehouse({
      dataDir: cfg.dataDir,
      lakeDir: cfg.lakeDir,
      warehousePath: cfg.warehousePath,
      select: options.select,
      fullRefresh: options.fullRefresh,
      onProgress: (e) => reporter.progress(e),
    });
    reporter.finish();
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  });

program
  .command('score')
  .description('Run the models on the published warehouse and land forecasts in the lake (then run `rabt build`).')
  .option('--as-of <YYYY-MM-DD>', 'score as if today were this day (default: the last day with data)', isoDate)
  .action(async (options: { asOf?: string }) => {
    const { score } = await import('../ml/score');
    const cfg = config();
    const reporter = createReporter();
    reporter.step('Scoring');
    const summary = await score({
      warehousePath: cfg.warehousePath,
      lakeDir: cfg.lakeDir,
      asOf: options.asOf,
      onProgress: (e) => reporter.progress(e),
    });
    reporter.finish();
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  });

program
  .command('serve')
  .description('Serve the Cube API and the dashboards over the published warehouse.')
  .option('--cube-port <port>', 'Cube port (default: $CUBEJS_PORT or 4000)', integer)
  .option('--web-port <port>', 'dashboards port (default: $RABT_WEB_PORT or 8080)', integer)
  .action(async (options: { cubePort?: number; webPort?: number }) => {
    const cfg = config();
    const stack = await startStack(
      {
        ...cfg,
        cubePort: options.cubePort ?? cfg.cubePort,
        webPort: options.webPort ?? cfg.webPort,
      },
      { buildRollupsInBackground: true },
    );
    await serveUntilStopped(stack);
  });

program
  .command('detect')
  .description('Flag anomalies in any CSV of series_id,ds,y; writes series_id,ds,y,expected,score,is_anomaly (causal).')
  .requiredOption('--input <file>', 'CSV with header series_id,ds,y')
  .requiredOption('--output <file>', 'CSV to write')
  .action(async (options: { input: string; output: string }) => {
    const { detectCsv } = await import('../ml/csv-detect');
    const summary = await detectCsv({ input: options.input, output: options.output });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });

program
  .command('forecast')
  .description('Forecast any CSV of series_id,ds,y; writes series_id,ds,yhat,yhat_lower,yhat_upper for H steps.')
  .requiredOption('--input <file>', 'CSV with header series_id,ds,y')
  .requiredOption('--output <file>', 'CSV to write')
  .requiredOption('--horizon <steps>', 'steps to forecast after each series’ last row', integer)
  .option('--level <percent>', 'interval level in percent', integer, 95)
  .action(async (options: { input: string; output: string; horizon: number; level: number }) => {
    const { forecastCsv } = await import('../ml/csv-forecast');
    const summary = await forecastCsv({
      input: options.input,
      output: options.output,
      horizon: options.horizon,
      level: options.level,
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n✗ ${message}\n`);
  if (process.env.RABT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  (set RABT_DEBUG=1 for the stack trace)\n');
  process.exitCode = 1;
});
