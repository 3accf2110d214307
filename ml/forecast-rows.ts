import { day } from './calendar/day-class';
import { addDaysIso } from './dates';
import { AutoForecaster, candidatesWithPooled } from './forecasters/backtest';
import type { DayClass } from './calendar/day-class';
import type { Forecast } from './forecasters/forecaster';

/** Dense daily series from sparse (day → quantity) rows: a day without a row sold nothing. */
export function denseDaily(byDay: Map<string, number>, first: string, last: string): { ds: string[]; y: number[] } {
  const ds: string[] = [];
  for (let d = first; d <= last; d = addDaysIso(d, 1)) ds.push(d);
  return { ds, y: ds.map((d) => byDay.get(d) ?? 0) };
}

/** Fit the model the rolling-origin backtest picks for this daily series and forecast. */
export function forecastDaily(
  s: { y: number[]; ds: string[] },
  horizonDays: number,
  level: number,
  pooled?: Partial<Record<DayClass, number>>,
): { model: string; forecast: Forecast } {
  const model = new AutoForecaster(candidatesWithPooled(pooled)).fit({ y: s.y, period: 7, ds: s.ds });
  const forecast = model.predict(horizonDays, { level });
  // Sales cannot go below zero; the symmetric band would say they could.
  for (const k of ['yhat', 'lower', 'upper'] as const) forecast[k] = forecast[k].map((v) => Math.max(0, v));
  return { model: model.name, forecast };
}

export type HourProfile = 'normal' | 'weekend' | 'ramadan';

export function profileOf(iso: string): HourProfile {
  const d = day(iso);
  return d.isRamadan ? 'ramadan' : d.isWeekend ? 'weekend' : 'normal';
}

/**
 * Share of a day's sales in each hour, per kind of day (ordinary, weekend, Ramadan), from
 * an hourly history starting at `startDay` 00:00. A kind never seen falls back to all days.
 */
export function hourShares(hourly: readonly number[], startDay: string, lastDays = 28): Record<HourProfile, number[]> {
  const days = Math.floor(hourly.length / 24);
  const zero = () => new Array<number>(24).fill(0);
  const sums: Record<HourProfile | 'all', number[]> = { normal: zero(), weekend: zero(), ramadan: zero(), all: zero() };
  for (let d = Math.max(0, days - lastDays); d < days; d++) {
    const p = sums[profileOf(addDaysIso(startDay, d))];
    for (let h = 0; h < 24; h++) {
      const v = hourly[d * 24 + h] as number;
      p[h] = (p[h] as number) + v;
      sums.all[h] = (sums.all[h] as number) + v;
    }
  }
  const norm = (v: number[]) => {
    const total = v.reduce((a, b) => a + b, 0);
    return total > 0 ? v.map((x) => x / total) : null;
  };
  const all = norm(sums.all) ?? Array(24).fill(1 / 24);
  return {
    normal: norm(sums.normal) ?? all,
    weekend: norm(sums.weekend) ?? all,
    ramadan: norm(sums.ramadan) ?? all,
  };
}
