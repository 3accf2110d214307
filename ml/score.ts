import type { DuckDBConnection } from '@duckdb/node-api';
import { withDuck } from './duck';
import { addDaysIso } from './dates';
import { DEFAULT_LEVEL, checkLevel } from './forecasters/forecaster';
import { writeRun } from './lake-writer';
import { runSurges, writeSurgeAlerts, type PanelAlerts } from './surge/surge-alerts';
import { coverFrom } from './stock-cover';
import { findAnomalies, writeAnomalies } from './anomalies/run-anomalies';
import { attachWarehouse, lastSalesDay } from './warehouse';
import { readEssentialDailySeries, type SiteProductSeries } from './essential-series';
import {
  forecastBranches,
  forecastRegions,
  regionSeries,
  type ForecastSettings,
  type RegionSeries,
} from './daily-forecasts';
import { branchHourly, regionHourly } from './hourly-forecasts';

export interface ScoreProgress {
  stage?: string;
  done?: number;
  total?: number;
  message?: string;
}

export interface ScoreOptions {
  warehousePath: string;
  lakeDir: string;
  /** Score as if today were this day (YYYY-MM-DD); default: the last day with sales. */
  asOf?: string;
  horizonDays?: number;
  level?: number;
  /** Days of history each series is fitted on. */
  historyDays?: number;
  /**
   * Days of hourly history the surge detector replays (it needs four weeks to warm up);
   * default: the same days as `historyDays`, cut to the first hourly sale.
   */
  surgeDays?: number;
  /**
   * Days the auditors' checks look back over; default: the same days as `historyDays`, so the
   * queue holds the year's cases (a crisis's price gouging included), not only the last weeks.
   */
  anomalyDays?: number;
  onProgress?: (event: ScoreProgress) => void;
}

export interface ScoreSummary {
  runId: string;
  asOf: string | null;
  horizonDays: number;
  level: number;
  series: number;
  rows: number;
  models: Record<string, number>;
  regionSeries: number;
  hourlyRows: number;
  /** branch × essential product, the 48 hours after asOf */
  branchHourlyRows: number;
  stockCoverRows: number;
  alerts: { alerts: number; open: number; events: number };
  anomalies: Record<string, number>;
  output: string | null;
  generatedAt: string;
  seconds: number;
}

export const DEFAULT_HORIZON_DAYS = 28;
export const DEFAULT_HISTORY_DAYS = 364;

/** One scoring run: where it writes, what it stamps, and the options it was given. */
interface Run {
  con: DuckDBConnection;
  options: ScoreOptions;
  runId: string;
  generatedAt: string;
  historyDays: number;
  progress: (event: ScoreProgress) => void;
}

/**
 * `rabt score`: forecasts (branch × essential product, daily for four weeks; region ×
 * category daily and hourly for two days), days of cover and stock-out dates, the
 * panic-buying alerts replayed causally over the whole scored history (so a crisis
 * months back is still in the alert history) and the auditors' cases, all from the
 * published marts, each landed as one Parquet run under `lake/ml/` that replaces the
 * previous run.
 */
export async function score(options: ScoreOptions): Promise<ScoreSummary> {
  const t0 = Date.now();
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const level = checkLevel(options.level ?? DEFAULT_LEVEL);
  const generatedAt = new Date().toISOString();
  const runId = generatedAt.replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  const progress = options.onProgress ?? (() => {});
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;

  return withDuck(async (con) => {
    await attachWarehouse(con, options.warehousePath);
    const asOf = options.asOf ?? (await lastSalesDay(con));
    const run: Run = { con, options, runId, generatedAt, historyDays, progress };
    progress({ stage: 'score', message: 'reading daily sales of essentials' });
    const series = asOf ? await readEssentialDailySeries(con, asOf, historyDays) : [];
    // Without a day with sales there is nothing to forecast: every table lands empty.
    const settings: ForecastSettings = { asOf: asOf ?? '', horizonDays, level };
    const forecasts = await writeForecasts(run, series, settings);
    const alerts = await writeAlertsAndHourly(run, asOf, forecasts, settings);
    const cover = asOf ? await coverFrom(con, asOf, series, forecasts.branches.daily) : [];
    await writeRun(con, options.lakeDir, 'stock_cover_forecast', runId, generatedAt, cover);
    const anomalies = await writeCases(run, asOf);
    progress({
      stage: 'score',
      message: `wrote ${forecasts.written.rows} forecast rows for ${series.length} series`,
    });
    return {
      runId,
      asOf,
      horizonDays,
      level,
      series: series.length,
      rows: forecasts.written.rows,
      models: forecasts.branches.models,
      regionSeries: forecasts.regions,
      hourlyRows: alerts.hourlyRows,
      branchHourlyRows: alerts.branchHourlyRows,
      stockCoverRows: cover.length,
      alerts: alerts.alerts,
      anomalies,
      output: forecasts.written.path,
      generatedAt,
      seconds: (Date.now() - t0) / 1000,
    };
  });
}

/** Branch × essential product and region × category, daily. */
async function writeForecasts(run: Run, series: SiteProductSeries[], settings: ForecastSettings) {
  const { con, options, runId, generatedAt, progress } = run;
  const regions = settings.asOf ? regionSeries(series, settings.asOf) : new Map<string, RegionSeries>();
  const branches = forecastBranches(series, regions, settings, (done) =>
    progress({ stage: 'forecast', done, total: series.length }),
  );
  const written = await writeRun(con, options.lakeDir, 'demand_forecast', runId, generatedAt, branches.rows);
  const region = forecastRegions(regions, settings);
  await writeRun(con, options.lakeDir, 'region_forecast', runId, generatedAt, region.rows);
  progress({ stage: 'forecast', message: `${regions.size} region × category series` });
  return { branches, regionDaily: region.daily, regions: regions.size, written };
}

/**
 * Surge alerts, hour by hour over the whole scored history (the panels start at the
 * first hourly sale when that is later): last crisis's alerts stay in the history the
 * crisis room shows. Each hour's decision still reads hours up to it only; a longer replay
 * only means the calendar multipliers have more days to learn from. Then region × category
 * and branch × product, hourly for the next two days, from the hourly profile the panels share.
 */
async function writeAlertsAndHourly(
  run: Run,
  asOf: string | null,
  forecasts: Awaited<ReturnType<typeof writeForecasts>>,
  settings: ForecastSettings,
) {
  const { con, options, runId, generatedAt, progress } = run;
  const surgeFrom = asOf ? addDaysIso(asOf, -((options.surgeDays ?? run.historyDays) - 1)) : '';
  const panels: PanelAlerts[] = asOf ? await runSurges(con, surgeFrom, asOf) : [];
  const alerts = await writeSurgeAlerts(con, options.lakeDir, runId, generatedAt, panels);
  progress({ stage: 'alerts', message: `${alerts.alerts} surge alerts, ${alerts.open} open` });

  const region = regionHourly(panels, forecasts.regionDaily, settings.asOf, settings.level);
  await writeRun(con, options.lakeDir, 'hourly_forecast', runId, generatedAt, region.rows);
  const branch = branchHourly(forecasts.branches.heads, region.shares, settings.level);
  await writeRun(con, options.lakeDir, 'branch_hourly_forecast', runId, generatedAt, branch);
  return { alerts, hourlyRows: region.rows.length, branchHourlyRows: branch.length };
}

/** Cases for auditors, counted by kind. */
async function writeCases(run: Run, asOf: string | null): Promise<Record<string, number>> {
  const { con, options, runId, generatedAt } = run;
  const anomalies = asOf ? await findAnomalies(con, asOf, options.anomalyDays ?? run.historyDays) : [];
  await writeAnomalies(con, options.lakeDir, runId, generatedAt, anomalies);
  const kinds: Record<string, number> = {};
  for (const a of anomalies) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  return kinds;
}
