import { addDaysIso } from './dates';
import { denseDaily, forecastDaily } from './forecast-rows';
import { estimateFactors } from './forecasters/calendar-holt-winters';
import { dayClass, type DayClass } from './calendar/day-class';
import type { Cell } from './lake-writer';
import type { SiteProductSeries } from './essential-series';

/** Days of each forecast spread over the hours (the 48 hours after its last day). */
export const HOURLY_HORIZON_DAYS = 2;

export interface ForecastSettings {
  asOf: string;
  horizonDays: number;
  level: number;
}

/** A region × category's dense daily total and the calendar multipliers its branches borrow. */
export interface RegionSeries {
  gov: string;
  cat: string;
  ds: string[];
  y: number[];
  pooled: Partial<Record<DayClass, number>>;
}

export interface ForecastHead {
  model: string;
  yhat: number[];
  lower: number[];
  upper: number[];
}

export interface BranchForecasts {
  rows: Cell[][];
  models: Record<string, number>;
  /** the whole daily forecast per series, for days of cover */
  daily: Map<string, number[]>;
  /** each series' first days, to spread over the hours once the hour shares are known */
  heads: { s: SiteProductSeries; head: ForecastHead }[];
}

/**
 * Region × category daily totals (keyed `<governorate>:<category>`): their own forecasts, and
 * the calendar multipliers every branch in them borrows (one branch's few Ramadan days are noisy).
 */
export function regionSeries(series: readonly SiteProductSeries[], asOf: string): Map<string, RegionSeries> {
  const sums = new Map<string, { gov: string; cat: string; byDay: Map<string, number>; first: string }>();
  for (const s of series) {
    const key = `${s.governorateId}:${s.categoryId}`;
    let r = sums.get(key);
    if (!r)
      sums.set(key, (r = { gov: s.governorateId, cat: s.categoryId, byDay: new Map(), first: s.ds[0] as string }));
    if ((s.ds[0] as string) < r.first) r.first = s.ds[0] as string;
    s.ds.forEach((d, k) => r.byDay.set(d, (r.byDay.get(d) ?? 0) + (s.y[k] as number)));
  }
  const out = new Map<string, RegionSeries>();
  for (const [key, r] of sums) {
    const dense = denseDaily(r.byDay, r.first, asOf);
    out.set(key, { gov: r.gov, cat: r.cat, ...dense, pooled: estimateFactors(dense.y, dense.ds.map(dayClass), 7) });
  }
  return out;
}

/** Branch × essential product, daily: the backtest's model per series, with the region's multipliers. */
export function forecastBranches(
  series: readonly SiteProductSeries[],
  regions: Map<string, RegionSeries>,
  settings: ForecastSettings,
  onProgress: (done: number) => void,
): BranchForecasts {
  const { horizonDays, level } = settings;
  const out: BranchForecasts = { rows: [], models: {}, daily: new Map(), heads: [] };
  const every = Math.max(1, Math.floor(series.length / 50));
  const head = Math.min(HOURLY_HORIZON_DAYS, horizonDays);
  series.forEach((s, i) => {
    const pooled = regions.get(`${s.governorateId}:${s.categoryId}`)?.pooled;
    const { model, forecast } = forecastDaily(s, horizonDays, level, pooled);
    out.models[model] = (out.models[model] ?? 0) + 1;
    out.daily.set(s.seriesId, forecast.yhat);
    out.heads.push({
      s,
      head: {
        model,
        yhat: forecast.yhat.slice(0, head),
        lower: forecast.lower.slice(0, head),
        upper: forecast.upper.slice(0, head),
      },
    });
    const last = s.ds[s.ds.length - 1] as string;
    for (let k = 0; k < horizonDays; k++) {
      out.rows.push([
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
    if (i % every === 0 || i === series.length - 1) onProgress(i + 1);
  });
  return out;
}

/** Region × category, daily, from the day after asOf. */
export function forecastRegions(
  regions: Map<string, RegionSeries>,
  settings: ForecastSettings,
): { rows: Cell[][]; daily: Map<string, ForecastHead> } {
  const { asOf, horizonDays, level } = settings;
  const rows: Cell[][] = [];
  const daily = new Map<string, ForecastHead>();
  for (const [key, r] of regions) {
    const { model, forecast } = forecastDaily(r, horizonDays, level);
    daily.set(key, { model, yhat: forecast.yhat, lower: forecast.lower, upper: forecast.upper });
    for (let k = 0; k < horizonDays; k++) {
      rows.push([
        key,
        r.gov,
        r.cat,
        addDaysIso(asOf, k + 1),
        model,
        forecast.yhat[k] as number,
        forecast.lower[k] as number,
        forecast.upper[k] as number,
        level,
      ]);
    }
  }
  return { rows, daily };
}
