import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { copyAtomic, sqlString, withDuck } from './duck';
import { DEFAULT_LEVEL, checkLevel, type Series } from './forecasters/forecaster';
import { AutoForecaster } from './forecasters/backtest';
import { addDaysIso } from './dates';

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
  output: string | null;
  generatedAt: string;
  seconds: number;
}

export interface DailySeries {
  seriesId: string;
  coopId: string;
  siteId: string;
  productId: string;
  ds: string[];
  y: number[];
}

export const DEFAULT_HORIZON_DAYS = 28;
export const DEFAULT_HISTORY_DAYS = 364;

/**
 * Daily unit sales of essential products per selling site (not warehouses) and product,
 * from the published marts, as dense series: a day with no sales row sold nothing.
 * The warehouse is ATTACHed READ_ONLY, so a build swapping it is never blocked by us.
 */
export async function readEssentialDailySeries(
  con: DuckDBConnection,
  warehousePath: string,
  asOf: string | undefined,
  historyDays: number,
): Promise<{ asOf: string | null; series: DailySeries[] }> {
  await con.run(`ATTACH ${sqlString(warehousePath)} AS wh (READ_ONLY)`);
  try {
    const end = asOf
      ? asOf
      : ((await con.runAndReadAll('SELECT CAST(max(business_date) AS VARCHAR) FROM wh.marts.fct_sales_daily')).getRows()[0]?.[0] as string | null);
    if (!end) return { asOf: null, series: [] };
    const start = addDaysIso(end, -(historyDays - 1));
    const reader = await con.runAndReadAll(`
      SELECT s.coop_id, s.site_id, s.product_id, CAST(s.business_date AS VARCHAR) AS d, CAST(sum(s.quantity) AS DOUBLE) AS q
      FROM wh.marts.fct_sales_daily s
      JOIN wh.marts.dim_product p ON p.product_id = s.product_id
      JOIN wh.marts.dim_site st ON st.site_id = s.site_id
      WHERE p.is_essential AND st.site_type <> 'warehouse'
        AND s.business_date BETWEEN DATE ${sqlString(start)} AND DATE ${sqlString(end)}
      GROUP BY ALL
      ORDER BY s.site_id, s.product_id, d`);
    const series: DailySeries[] = [];
    let current: DailySeries | null = null;
    let byDay = new Map<string, number>();
    const flush = (): void => {
      if (!current) return;
      // The series starts at its first sale: before that the product was not stocked here.
      const first = current.ds[0] as string;
      const ds: string[] = [];
      for (let d = first; d <= end; d = addDaysIso(d, 1)) ds.push(d);
      current.ds = ds;
      current.y = ds.map((d) => byDay.get(d) ?? 0);
      series.push(current);
    };
    for (const [coopId, siteId, productId, d, q] of reader.getRows()) {
      const seriesId = `${siteId}:${productId}`;
      if (!current || current.seriesId !== seriesId) {
        flush();
        current = { seriesId, coopId: String(coopId), siteId: String(siteId), productId: String(productId), ds: [String(d)], y: [] };
        byDay = new Map();
      }
      byDay.set(String(d), Number(q));
    }
    flush();
    return { asOf: end, series };
  } finally {
    await con.run('DETACH wh');
  }
}

/** Fit the model the rolling-origin backtest picks for this series and forecast. */
export function forecastSeries(s: { y: number[]; ds: string[] }, horizonDays: number, level: number) {
  const input: Series = { y: s.y, period: 7, ds: s.ds };
  const model = new AutoForecaster().fit(input);
  return { model: model.name, forecast: model.predict(horizonDays, { level }) };
}

/**
 * `rabt score`: forecast every branch × essential product for the next `horizonDays` and
 * land them as one Parquet file of this run in `lake/ml/forecasts/`, replacing the previous
 * run's file so dbt always stages exactly one current run.
 */
export async function score(options: ScoreOptions): Promise<ScoreSummary> {
  const t0 = Date.now();
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const level = checkLevel(options.level ?? DEFAULT_LEVEL);
  const generatedAt = new Date().toISOString();
  const runId = generatedAt.replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  const progress = options.onProgress ?? (() => {});

  return withDuck(async (con) => {
    progress({ stage: 'score', message: 'reading daily sales of essentials' });
    const { asOf, series } = await readEssentialDailySeries(con, options.warehousePath, options.asOf, options.historyDays ?? DEFAULT_HISTORY_DAYS);

    await con.run(`CREATE TEMP TABLE fc (series_id VARCHAR, coop_id VARCHAR, site_id VARCHAR, product_id VARCHAR,
      ds VARCHAR, model VARCHAR, yhat DOUBLE, yhat_lower DOUBLE, yhat_upper DOUBLE)`);
    const appender = await con.createAppender('fc');
    const models: Record<string, number> = {};
    let rows = 0;
    const every = Math.max(1, Math.floor(series.length / 100));
    series.forEach((s, i) => {
      const { model, forecast } = forecastSeries(s, horizonDays, level);
      models[model] = (models[model] ?? 0) + 1;
      const last = s.ds[s.ds.length - 1] as string;
      for (let k = 0; k < horizonDays; k++) {
        // Sales cannot go below zero; the symmetric band would say they could.
        appender.appendVarchar(s.seriesId);
        appender.appendVarchar(s.coopId);
        appender.appendVarchar(s.siteId);
        appender.appendVarchar(s.productId);
        appender.appendVarchar(addDaysIso(last, k + 1));
        appender.appendVarchar(model);
        appender.appendDouble(Math.max(0, forecast.yhat[k] as number));
        appender.appendDouble(Math.max(0, forecast.lower[k] as number));
        appender.appendDouble(Math.max(0, forecast.upper[k] as number));
        appender.endRow();
        rows++;
      }
      if (i % every === 0 || i === series.length - 1) progress({ stage: 'score', done: i + 1, total: series.length });
    });
    appender.closeSync();

    const dir = join(options.lakeDir, 'ml', 'forecasts');
    await mkdir(dir, { recursive: true });
    const name = `part-${runId}.parquet`;
    const output = join(dir, name);
    await copyAtomic(
      con,
      `SELECT series_id, coop_id, site_id, product_id, CAST(ds AS DATE) AS ds, model, yhat, yhat_lower, yhat_upper,
              CAST(${level} AS DOUBLE) AS level, CAST(${sqlString(generatedAt)} AS TIMESTAMPTZ) AS generated_at
       FROM fc ORDER BY series_id, ds`,
      output,
      'FORMAT parquet, COMPRESSION zstd',
    );
    await removeOtherRuns(dir, name);
    progress({ stage: 'score', message: `wrote ${rows} forecast rows for ${series.length} series` });
    return { runId, asOf, horizonDays, level, series: series.length, rows, models, output, generatedAt, seconds: (Date.now() - t0) / 1000 };
  });
}

/** After the new run is in place, drop earlier runs (and temp files a crash left behind). */
export async function removeOtherRuns(dir: string, keep: string): Promise<void> {
  for (const f of await readdir(dir)) {
    if (f !== keep && f.startsWith('part-')) await rm(join(dir, f), { force: true });
  }
}
