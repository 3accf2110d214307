import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import type { Breakdown, Grain, Metric } from '../state/url-state';
import { BREAKDOWN_DIMENSIONS } from './consumption-queries';
import { cellText, bilingual, truthy } from './cells';

type Raw = Record<string, unknown>;

const day = (v: unknown) => cellText(v).slice(0, 10);

export const OTHERS_ID = '__others__';

export interface TrendSeries {
  id: string;
  name: string;
  total: number;
}

/** A wide table for ECharts' dataset: one row per period, one column per series id. */
export interface Trend {
  series: TrendSeries[];
  source: Record<string, string | number>[];
}

/**
 * Cube rows (period × breakdown) → the trend table. Beyond `maxSeries` lines a chart stops
 * being readable, so the smallest series are summed into one "others" line.
 */
export function toTrend(
  raw: readonly Raw[],
  opts: {
    by: Breakdown;
    grain: Grain;
    metric: Metric;
    lang: Lang;
    othersName: string;
    totalName: string;
    maxSeries?: number;
  },
): Trend {
  const { by, grain, metric, lang } = opts;
  const maxSeries = opts.maxSeries ?? 8;
  const measure = `consumption.${metric}`;
  const periodKey = `consumption.business_date.${grain}`;
  const names = new Map<string, string>();
  const totals = new Map<string, number>();
  const cells = new Map<string, Map<string, number>>();
  for (const r of raw) {
    const period = day(r[periodKey] ?? r['consumption.business_date']);
    if (!period) continue;
    let id = 'total';
    let name = opts.totalName;
    if (by !== 'total') {
      const [idKey] = BREAKDOWN_DIMENSIONS[by];
      const prefix = idKey.replace(/_(id|name_en)$/, '');
      id = cellText(r[idKey]);
      name = bilingual(r, `${prefix}_name`, lang) || id;
    }
    const value = toNumber(r[measure]) ?? 0;
    names.set(id, name);
    totals.set(id, (totals.get(id) ?? 0) + value);
    let row = cells.get(period);
    if (!row) cells.set(period, (row = new Map()));
    row.set(id, (row.get(id) ?? 0) + value);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = ranked.length > maxSeries ? ranked.slice(0, maxSeries - 1) : ranked;
  const keptIds = new Set(kept.map(([id]) => id));
  const series: TrendSeries[] = kept.map(([id, total]) => ({ id, name: names.get(id) ?? id, total }));
  if (ranked.length > kept.length) {
    const othersTotal = ranked.filter(([id]) => !keptIds.has(id)).reduce((s, [, v]) => s + v, 0);
    series.push({ id: OTHERS_ID, name: opts.othersName, total: othersTotal });
  }
  const source = [...cells.keys()].sort().map((period) => {
    const row = cells.get(period)!;
    const out: Record<string, string | number> = { period };
    // A period without sales for a series is a real zero, not a gap.
    for (const s of series) out[s.id] = 0;
    for (const [id, v] of row) {
      const key = keptIds.has(id) ? id : OTHERS_ID;
      out[key] = (out[key] as number) + v;
    }
    return out;
  });
  return { series, source };
}

export type DayKind = 'working' | 'weekend' | 'holiday' | 'ramadan' | 'eid';
export const DAY_KINDS: readonly DayKind[] = ['working', 'weekend', 'holiday', 'ramadan', 'eid'];

/** One kind per day, the most specific first: an Eid day is Eid even on a Friday. */
export function dayKind(r: { isEid: boolean; isRamadan: boolean; isHoliday: boolean; isWeekend: boolean }): DayKind {
  if (r.isEid) return 'eid';
  if (r.isRamadan) return 'ramadan';
  if (r.isHoliday) return 'holiday';
  if (r.isWeekend) return 'weekend';
  return 'working';
}

/** Kuwait's week runs Sunday to Saturday (ISO 7, 1…6); Friday and Saturday are the weekend. */
export const KUWAIT_WEEK: readonly number[] = [7, 1, 2, 3, 4, 5, 6];

export interface CalendarProfiles {
  weekday: { dow: number; avg: number; days: number; weekend: boolean }[];
  /** Average per day of each kind, and its ratio to an ordinary working day. */
  dayKinds: { kind: DayKind; avg: number; days: number; index: number | null }[];
  /** Average by day of the month, ordinary days only, where pay-day effects show. */
  dayOfMonth: { day: number; avg: number; days: number }[];
}

/** Daily rows with calendar flags → the three profiles, averages per day (not sums: months differ). */
export function calendarProfiles(raw: readonly Raw[], metric: Metric): CalendarProfiles {
  const measure = `consumption.${metric}`;
  const perDay = new Map<string, { value: number; dow: number; kind: DayKind; weekend: boolean }>();
  for (const r of raw) {
    const d = day(r['consumption.business_date.day'] ?? r['consumption.business_date']);
    if (!d) continue;
    const weekend = truthy(r['consumption.is_weekend']);
    const kind = dayKind({
      isEid: truthy(r['consumption.is_eid']),
      isRamadan: truthy(r['consumption.is_ramadan']),
      isHoliday: truthy(r['consumption.is_public_holiday']),
      isWeekend: weekend,
    });
    const prev = perDay.get(d);
    const value = (prev?.value ?? 0) + (toNumber(r[measure]) ?? 0);
    perDay.set(d, { value, dow: toNumber(r['consumption.day_of_week']) ?? 0, kind, weekend });
  }
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const days = [...perDay.entries()];
  const weekday = KUWAIT_WEEK.map((dow) => {
    // Ramadan and Eid days would tilt the weekday shape; keep ordinary weeks only.
    const vs = days
      .filter(([, v]) => v.dow === dow && (v.kind === 'working' || v.kind === 'weekend'))
      .map(([, v]) => v.value);
    return { dow, avg: avg(vs), days: vs.length, weekend: dow === 5 || dow === 6 };
  });
  const byKind = new Map(DAY_KINDS.map((k) => [k, days.filter(([, v]) => v.kind === k).map(([, v]) => v.value)]));
  const working = avg(byKind.get('working') ?? []);
  const dayKinds = DAY_KINDS.map((kind) => {
    const vs = byKind.get(kind) ?? [];
    return { kind, avg: avg(vs), days: vs.length, index: vs.length && working > 0 ? avg(vs) / working : null };
  }).filter((k) => k.days > 0);
  const dayOfMonth = Array.from({ length: 31 }, (_, i) => {
    const vs = days
      .filter(([d, v]) => Number(d.slice(8, 10)) === i + 1 && v.kind === 'working')
      .map(([, v]) => v.value);
    return { day: i + 1, avg: avg(vs), days: vs.length };
  }).filter((d) => d.days > 0);
  return { weekday, dayKinds, dayOfMonth };
}

export interface ForecastPoint {
  day: string;
  actual: number | null;
  yhat: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ForecastView {
  /** The models behind the series summed here (ml picks one per series). */
  models: string[];
  level: number | null;
  points: ForecastPoint[];
}

/**
 * Forecast rows (model × day) and actual daily sales → one table by day. ml forecasts each
 * series with the one model it chose for it, so the models' rows are parts of the total and
 * are summed; their bounds are summed too, which widens the band (said on the page).
 */
export function toForecastView(forecastRaw: readonly Raw[], actualRaw: readonly Raw[]): ForecastView {
  const models = [...new Set(forecastRaw.map((r) => cellText(r['demand_forecast.model'])).filter(Boolean))].sort();
  const byDay = new Map<string, ForecastPoint>();
  const point = (d: string) => {
    let p = byDay.get(d);
    if (!p) byDay.set(d, (p = { day: d, actual: null, yhat: null, lower: null, upper: null }));
    return p;
  };
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  let level: number | null = null;
  for (const r of forecastRaw) {
    const d = day(r['demand_forecast.ds.day'] ?? r['demand_forecast.ds']);
    if (!d) continue;
    const p = point(d);
    p.yhat = add(p.yhat, toNumber(r['demand_forecast.yhat']));
    p.lower = add(p.lower, toNumber(r['demand_forecast.yhat_lower']));
    p.upper = add(p.upper, toNumber(r['demand_forecast.yhat_upper']));
    level ??= toNumber(r['demand_forecast.level']);
  }
  for (const r of actualRaw) {
    const d = day(r['consumption.business_date.day'] ?? r['consumption.business_date']);
    if (d) point(d).actual = toNumber(r['consumption.quantity']);
  }
  return { models, level, points: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}
