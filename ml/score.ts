import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, withDuck } from './duck';
import { addDaysIso } from './dates';
import { DEFAULT_LEVEL, checkLevel } from './forecasters/forecaster';
import { denseDaily, forecastDaily, hourShares, profileOf } from './forecast-rows';
import { writeRun, type Cell, type Column } from './lake-writer';
import { estimateFactors } from './forecasters/calendar-holt-winters';
import { dayClass, type DayClass } from './calendar/day-class';
import { runSurges, writeSurgeAlerts } from './surge/surge-alerts';
import { coverFrom, STOCK_COVER_COLUMNS } from './stock-cover';
import { findAnomalies, writeAnomalies } from './anomalies/run-anomalies';

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
   * default: the same days as `historyDays`, cut to the lake's first sale.
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
export const HOURLY_HORIZON_DAYS = 2;

export interface SiteProductSeries {
  seriesId: string;
  coopId: string;
  siteId: string;
  governorateId: string;
  productId: string;
  categoryId: string;
  ds: string[];
  y: number[];
}

export async function attachWarehouse(con: DuckDBConnection, warehousePath: string): Promise<void> {
  // READ_ONLY: a build may swap the published file at any time; we never hold it for writing.
  await con.run(`ATTACH ${sqlString(warehousePath)} AS wh (READ_ONLY)`);
}

export async function lastSalesDay(con: DuckDBConnection): Promise<string | null> {
  const r = await con.runAndReadAll('SELECT CAST(max(business_date) AS VARCHAR) FROM wh.marts.fct_sales_daily');
  return (r.getRows()[0]?.[0] as string | null) ?? null;
}

/**
 * Daily unit sales of essential products per selling site (not warehouses) and product,
 * from the published marts (attached as `wh`), as dense series from each one's first sale.
 */
export async function readEssentialDailySeries(
  con: DuckDBConnection,
  asOf: string,
  historyDays: number,
): Promise<SiteProductSeries[]> {
  const start = addDaysIso(asOf, -(historyDays - 1));
  const reader = await con.runAndReadAll(`
    SELECT st.coop_id, s.site_id, st.governorate_id, s.product_id, p.category_id,
           CAST(s.business_date AS VARCHAR) AS d, CAST(sum(s.quantity) AS DOUBLE) AS q
    FROM wh.marts.fct_sales_daily s
    JOIN wh.marts.dim_product p ON p.product_id = s.product_id
    JOIN wh.marts.dim_site st ON st.site_id = s.site_id
    WHERE p.is_essential AND st.site_type <> 'warehouse'
      AND s.business_date BETWEEN DATE ${sqlString(start)} AND DATE ${sqlString(asOf)}
    GROUP BY ALL
    ORDER BY s.site_id, s.product_id, d`);
  const out: SiteProductSeries[] = [];
  let cur: (Omit<SiteProductSeries, 'ds' | 'y'> & { first: string; byDay: Map<string, number> }) | null = null;
  const flush = () => {
    if (cur) {
      const { first, byDay, ...rest } = cur;
      out.push({ ...rest, ...denseDaily(byDay, first, asOf) });
    }
  };
  for (const [coopId, siteId, gov, productId, cat, d, q] of reader.getRows()) {
    const seriesId = `${siteId}:${productId}`;
    if (!cur || cur.seriesId !== seriesId) {
      flush();
      cur = {
        seriesId,
        coopId: String(coopId),
        siteId: String(siteId),
        governorateId: String(gov),
        productId: String(productId),
        categoryId: String(cat),
        first: String(d),
        byDay: new Map(),
      };
    }
    cur.byDay.set(String(d), Number(q));
  }
  flush();
  return out;
}

const FORECAST_COLUMNS = [
  { name: 'series_id', type: 'VARCHAR' },
  { name: 'coop_id', type: 'VARCHAR' },
  { name: 'site_id', type: 'VARCHAR' },
  { name: 'product_id', type: 'VARCHAR' },
  { name: 'ds', type: 'DATE' },
  { name: 'model', type: 'VARCHAR' },
  { name: 'yhat', type: 'DOUBLE' },
  { name: 'yhat_lower', type: 'DOUBLE' },
  { name: 'yhat_upper', type: 'DOUBLE' },
  { name: 'level', type: 'DOUBLE' },
] as const;

const REGION_FORECAST_COLUMNS = [
  { name: 'series_id', type: 'VARCHAR' },
  { name: 'governorate_id', type: 'VARCHAR' },
  { name: 'category_id', type: 'VARCHAR' },
  { name: 'ds', type: 'DATE' },
  { name: 'model', type: 'VARCHAR' },
  { name: 'yhat', type: 'DOUBLE' },
  { name: 'yhat_lower', type: 'DOUBLE' },
  { name: 'yhat_upper', type: 'DOUBLE' },
  { name: 'level', type: 'DOUBLE' },
] as const;

/** The daily forecast's columns with the hour in place of the day. */
const hourlyOf = (columns: readonly Column[]): Column[] =>
  columns.map((c) => (c.name === 'ds' ? { name: 'ds_hour', type: 'TIMESTAMP' } : c));
const BRANCH_HOURLY_FORECAST_COLUMNS = hourlyOf(FORECAST_COLUMNS);

const HOURLY_FORECAST_COLUMNS = hourlyOf(REGION_FORECAST_COLUMNS);

/**
 * `rabt score`: forecasts (branch × essential product, daily for four weeks; region ×
 * category daily and hourly for two days), days of cover and stock-out dates, and the
 * panic-buying alerts replayed causally over the whole scored history (so a crisis
 * months back is still in the alert history), each landed as one Parquet
 * run under `lake/ml/` that replaces the previous run.
 */
export async function score(options: ScoreOptions): Promise<ScoreSummary> {
  const t0 = Date.now();
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const level = checkLevel(options.level ?? DEFAULT_LEVEL);
  const generatedAt = new Date().toISOString();
  const runId = generatedAt.replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  const progress = options.onProgress ?? (() => {});

  return withDuck(async (con) => {
    await attachWarehouse(con, options.warehousePath);
    const asOf = options.asOf ?? (await lastSalesDay(con));
    progress({ stage: 'score', message: 'reading daily sales of essentials' });
    const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
    const series = asOf ? await readEssentialDailySeries(con, asOf, historyDays) : [];

    // Region × category daily totals: their own forecasts, and the calendar multipliers
    // every branch in them borrows (one branch's few Ramadan days are noisy).
    const regions = new Map<string, { gov: string; cat: string; byDay: Map<string, number>; first: string }>();
    for (const s of series) {
      const key = `${s.governorateId}:${s.categoryId}`;
      let r = regions.get(key);
      if (!r)
        regions.set(key, (r = { gov: s.governorateId, cat: s.categoryId, byDay: new Map(), first: s.ds[0] as string }));
      if ((s.ds[0] as string) < r.first) r.first = s.ds[0] as string;
      s.ds.forEach((d, k) => r.byDay.set(d, (r.byDay.get(d) ?? 0) + (s.y[k] as number)));
    }
    const pooled = new Map<string, Partial<Record<DayClass, number>>>();
    for (const [key, r] of regions) {
      const dense = denseDaily(r.byDay, r.first, asOf as string);
      pooled.set(key, estimateFactors(dense.y, dense.ds.map(dayClass), 7));
    }

    // 1. Branch × essential product, daily.
    const models: Record<string, number> = {};
    const siteForecasts = new Map<string, number[]>();
    // The first days of each branch forecast, to spread over the hours once the shares are known.
    const siteFirstDays = new Map<
      string,
      { s: (typeof series)[number]; model: string; yhat: number[]; lower: number[]; upper: number[] }
    >();
    const forecastRows: Cell[][] = [];
    const every = Math.max(1, Math.floor(series.length / 50));
    series.forEach((s, i) => {
      const { model, forecast } = forecastDaily(
        s,
        horizonDays,
        level,
        pooled.get(`${s.governorateId}:${s.categoryId}`),
      );
      models[model] = (models[model] ?? 0) + 1;
      siteForecasts.set(s.seriesId, forecast.yhat);
      const head = Math.min(HOURLY_HORIZON_DAYS, horizonDays);
      siteFirstDays.set(s.seriesId, {
        s,
        model,
        yhat: forecast.yhat.slice(0, head),
        lower: forecast.lower.slice(0, head),
        upper: forecast.upper.slice(0, head),
      });
      const last = s.ds[s.ds.length - 1] as string;
      for (let k = 0; k < horizonDays; k++) {
        forecastRows.push([
          s.seriesId,
          s.coopId,
          s.siteId,
          s.productId,
          addDaysIso(last, k + 1),
          model,
          forecast.yhat[k] as number,
          forecast.lower[k] as number,
          forecast.upper[k] as number,
          level,
        ]);
      }
      if (i % every === 0 || i === series.length - 1)
        progress({ stage: 'forecast', done: i + 1, total: series.length });
    });
    const written = await writeRun(
      con,
      options.lakeDir,
      'forecasts',
      runId,
      generatedAt,
      [...FORECAST_COLUMNS],
      forecastRows,
    );

    // 2. Region × category, daily.
    const regionRows: Cell[][] = [];
    const regionDaily = new Map<string, { model: string; yhat: number[]; lower: number[]; upper: number[] }>();
    for (const [key, r] of regions) {
      const dense = denseDaily(r.byDay, r.first, asOf as string);
      const { model, forecast } = forecastDaily(dense, horizonDays, level);
      regionDaily.set(key, { model, yhat: forecast.yhat, lower: forecast.lower, upper: forecast.upper });
      for (let k = 0; k < horizonDays; k++) {
        regionRows.push([
          key,
          r.gov,
          r.cat,
          addDaysIso(asOf as string, k + 1),
          model,
          forecast.yhat[k] as number,
          forecast.lower[k] as number,
          forecast.upper[k] as number,
          level,
        ]);
      }
    }
    await writeRun(
      con,
      options.lakeDir,
      'region_forecasts',
      runId,
      generatedAt,
      [...REGION_FORECAST_COLUMNS],
      regionRows,
    );
    progress({ stage: 'forecast', message: `${regions.size} region × category series` });

    // 3. Surge alerts, hour by hour over the whole scored history (the panels start at the
    //    lake's first sale when that is later): last crisis's alerts stay in the history the
    //    crisis room shows. Each hour's decision still reads hours up to it only; a longer
    //    replay only means the calendar multipliers have more days to learn from. And the
    //    hourly profile they share.
    const surgeFrom = asOf ? addDaysIso(asOf, -((options.surgeDays ?? historyDays) - 1)) : '';
    const surgeResults = asOf ? await runSurges(con, options.lakeDir, surgeFrom, asOf) : [];
    const alerts = await writeSurgeAlerts(con, options.lakeDir, runId, generatedAt, surgeResults);
    progress({ stage: 'alerts', message: `${alerts.alerts} surge alerts, ${alerts.open} open` });

    // 4. Region × category, hourly for the next two days: the daily forecast spread over
    //    the hours by the recent share of each hour on that kind of day.
    const hourlyRows: Cell[][] = [];
    const regionShares = new Map<string, ReturnType<typeof hourShares>>();
    const spread = (
      shares: ReturnType<typeof hourShares>,
      f: { yhat: number[]; lower: number[]; upper: number[] },
      from: string,
      row: (stamp: string, w: number, k: number) => Cell[],
    ) => {
      for (let k = 0; k < HOURLY_HORIZON_DAYS && k < f.yhat.length; k++) {
        const d = addDaysIso(from, k + 1);
        const share = shares[profileOf(d)];
        for (let h = 0; h < 24; h++)
          hourlyRows.push(row(`${d} ${String(h).padStart(2, '0')}:00:00`, share[h] as number, k));
      }
    };
    for (const r of surgeResults) {
      const key = `${r.panel.governorateId}:${r.panel.categoryId}`;
      const daily = regionDaily.get(key);
      if (!daily) continue;
      const total = r.panel.coopY.reduce(
        (acc, row) => acc.map((v, t) => v + (row[t] as number)),
        new Array<number>(r.panel.coopY[0]?.length ?? 0).fill(0),
      );
      const shares = hourShares(total, r.panel.startDay);
      regionShares.set(key, shares);
      spread(shares, daily, asOf as string, (stamp, w, k) => [
        key,
        r.panel.governorateId,
        r.panel.categoryId,
        stamp,
        daily.model,
        (daily.yhat[k] as number) * w,
        (daily.lower[k] as number) * w,
        (daily.upper[k] as number) * w,
        level,
      ]);
    }
    const regionHourly = hourlyRows.length;
    await writeRun(con, options.lakeDir, 'hourly_forecasts', runId, generatedAt, HOURLY_FORECAST_COLUMNS, hourlyRows);

    // Branch × essential product, hourly for the next two days: its daily forecast spread by
    // its region × category's hour shares (one branch-product's hours are too sparse to
    // learn its own, and co-ops of a governorate keep the same hours).
    hourlyRows.length = 0;
    for (const { s, model, yhat, lower, upper } of siteFirstDays.values()) {
      const shares = regionShares.get(`${s.governorateId}:${s.categoryId}`);
      if (!shares) continue;
      spread(shares, { yhat, lower, upper }, s.ds[s.ds.length - 1] as string, (stamp, w, k) => [
        s.seriesId,
        s.coopId,
        s.siteId,
        s.productId,
        stamp,
        model,
        (yhat[k] as number) * w,
        (lower[k] as number) * w,
        (upper[k] as number) * w,
        level,
      ]);
    }
    const branchHourly = hourlyRows.length;
    await writeRun(
      con,
      options.lakeDir,
      'branch_hourly_forecasts',
      runId,
      generatedAt,
      BRANCH_HOURLY_FORECAST_COLUMNS,
      hourlyRows,
    );

    // 5. Days of cover and expected stock-out, per branch and per governorate.
    const cover = asOf ? await coverFrom(con, asOf, series, siteForecasts) : [];
    await writeRun(con, options.lakeDir, 'stock_cover', runId, generatedAt, STOCK_COVER_COLUMNS, cover);

    // 6. Cases for auditors.
    const anomalies = asOf ? await findAnomalies(con, asOf, options.anomalyDays ?? historyDays, options.lakeDir) : [];
    await writeAnomalies(con, options.lakeDir, runId, generatedAt, anomalies);
    const anomalyKinds: Record<string, number> = {};
    for (const a of anomalies) anomalyKinds[a.kind] = (anomalyKinds[a.kind] ?? 0) + 1;

    progress({ stage: 'score', message: `wrote ${written.rows} forecast rows for ${series.length} series` });
    return {
      runId,
      asOf,
      horizonDays,
      level,
      series: series.length,
      rows: written.rows,
      models,
      regionSeries: regions.size,
      hourlyRows: regionHourly,
      branchHourlyRows: branchHourly,
      stockCoverRows: cover.length,
      alerts,
      anomalies: anomalyKinds,
      output: written.path,
      generatedAt,
      seconds: (Date.now() - t0) / 1000,
    };
  });
}
