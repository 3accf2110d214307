import { toNumber } from '../format/number';
import type { Metric } from '../state/url-state';
import { truthy } from './cells';

/** Ramadan first: its night shopping is a profile of its own, whatever the weekday. */
export type HourKind = 'working' | 'weekend' | 'ramadan';
export const HOUR_KINDS: readonly HourKind[] = ['working', 'weekend', 'ramadan'];

export interface HourlyProfile {
  /** The kinds of day with any sales, in HOUR_KINDS order. */
  kinds: HourKind[];
  /**
   * One row per hour 0–23: each kind's share of that kind's sales falling in the hour (0–1),
   * so days of different number and size compare; null where the kind has no sales at all.
   */
  hours: { hour: number; working: number | null; weekend: number | null; ramadan: number | null }[];
  totals: Record<HourKind, number>;
}

type Raw = Record<string, unknown>;

export function hourKind(r: Raw): HourKind {
  if (truthy(r['consumption_hourly.is_ramadan'])) return 'ramadan';
  return truthy(r['consumption_hourly.is_weekend']) ? 'weekend' : 'working';
}

/** Cube's raw rows (hour × weekend × Ramadan) → the share of each kind of day's sales per hour. */
export function toHourlyProfile(raw: readonly Raw[], metric: Metric): HourlyProfile {
  const sums: Record<HourKind, number[]> = {
    working: Array(24).fill(0),
    weekend: Array(24).fill(0),
    ramadan: Array(24).fill(0),
  };
  for (const r of raw) {
    const hour = toNumber(r['consumption_hourly.hour_of_day']);
    const value = toNumber(r[`consumption_hourly.${metric}`]);
    if (hour === null || value === null || !Number.isInteger(hour) || hour < 0 || hour > 23) continue;
    sums[hourKind(r)][hour]! += value;
  }
  const totals = Object.fromEntries(HOUR_KINDS.map((k) => [k, sums[k].reduce((a, b) => a + b, 0)])) as Record<
    HourKind,
    number
  >;
  const share = (k: HourKind, h: number) => (totals[k] > 0 ? sums[k][h]! / totals[k] : null);
  return {
    kinds: HOUR_KINDS.filter((k) => totals[k] > 0),
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      working: share('working', hour),
      weekend: share('weekend', hour),
      ramadan: share('ramadan', hour),
    })),
    totals,
  };
}
