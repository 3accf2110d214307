import { estimateFactors } from '../forecasters/calendar-holt-winters';
import { dayClass, type DayClass } from '../calendar/day-class';
import { addDaysIso } from '../dates';
import { profileOf, type HourProfile } from '../forecast-rows';
import type { SurgePanel } from './surge-detector';

type Factors = Partial<Record<DayClass, number>>;

/**
 * Expected sales of one series in each hour a window ending on one day can touch (from
 * slot `from`): NaN where there is no history yet, -Infinity where the calendar explains
 * the day and history cannot yet say by how much. `dayTotal` is that day's expected total
 * when the calendar does not explain it.
 */
export interface Baseline {
  from: number;
  exp: Float64Array;
  dayTotal: number | null;
}

/** A day's expected total and the share of each hour in it; null without history. */
type DayExpectation = { total: number; share: number[] | null; explained: boolean } | null;

export function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Sales of series x in the window of `windowHours` ending at hour t. */
export function windowActual(x: number[], t: number, windowHours: number): number {
  let a = 0;
  for (let s = Math.max(0, t - windowHours + 1); s <= t; s++) a += x[s] as number;
  return a;
}

/** Expected sales in the window ending at hour t, and whether the calendar explains part of it. */
export function windowExpected(
  b: Baseline,
  t: number,
  windowHours: number,
): { expected: number; explained: boolean } | null {
  if (t - windowHours + 1 < 0) return null;
  let expected = 0;
  let explained = false;
  for (let s = t - windowHours + 1; s <= t; s++) {
    const v = b.exp[s - b.from] as number;
    if (Number.isNaN(v)) return null;
    if (v === -Infinity) explained = true;
    else expected += v;
  }
  return { expected, explained };
}

/**
 * A panel's calendar and history as the detector reads it day by day: the region's hourly
 * total, daily totals, and the calendar multipliers known at the start of each day (learnt
 * from the days before it only), so every baseline is causal.
 */
export class PanelHistory {
  /** hours in the panel */
  readonly hours: number;
  /** the region's sales per hour (every co-op summed) */
  readonly total: number[];
  private readonly classes: DayClass[];
  private readonly profiles: HourProfile[];
  private readonly dailyTotal: number[];
  private readonly factorsCache = new Map<number, Factors>();
  private readonly dailyCache = new WeakMap<number[], number[]>();
  /** The first day is partial when the data starts mid-day: never a reference. */
  private readonly firstFull: number;

  constructor(
    private readonly panel: SurgePanel,
    private readonly o: { windowHours: number; weeks: number },
  ) {
    const H = panel.coopY[0]?.length ?? 0;
    this.hours = H;
    this.total = new Array<number>(H).fill(0);
    for (const row of panel.coopY)
      for (let t = 0; t < H; t++) this.total[t] = (this.total[t] as number) + (row[t] as number);
    const nDays = Math.ceil((panel.startHour + H) / 24);
    const days = Array.from({ length: nDays }, (_, d) => addDaysIso(panel.startDay, d));
    this.classes = days.map(dayClass);
    this.profiles = days.map(profileOf);
    this.dailyTotal = this.dailyOf(this.total);
    this.firstFull = panel.startHour === 0 ? 0 : 1;
  }

  dayIndex(t: number): number {
    return Math.floor((this.panel.startHour + t) / 24);
  }

  /** The calendar multipliers known at the start of day d (learnt from days before it). */
  factorsAt(d: number): Factors {
    let f = this.factorsCache.get(d);
    if (!f) {
      // The first day may be partial; its total would understate demand.
      const from = this.panel.startHour === 0 ? 0 : 1;
      f = d - from >= 14 ? estimateFactors(this.dailyTotal.slice(from, d), this.classes.slice(from, d), 7) : {};
      this.factorsCache.set(d, f);
    }
    return f;
  }

  private factorFor(d: number, known: Factors): number | null {
    const c = this.classes[d] as DayClass;
    if (c === 'normal') return 1;
    return known[c] ?? null;
  }

  /** Daily totals of an hourly series (cached per series). */
  private dailyOf(x: number[]): number[] {
    let v = this.dailyCache.get(x);
    if (!v) {
      v = new Array<number>(this.classes.length).fill(0);
      for (let t = 0; t < this.hours; t++) v[this.dayIndex(t)] = (v[this.dayIndex(t)] as number) + (x[t] as number);
      this.dailyCache.set(x, v);
    }
    return v;
  }

  /**
   * Expected sales of series x in each hour a window ending on day d can touch: the day's
   * expected total (same weekday of the last weeks, calendar-adjusted with the multipliers
   * known at the start of day d) times the hour's share on that kind of day (ordinary,
   * weekend, Ramadan) over the last four weeks.
   */
  baselines(x: number[], d: number, known: Factors): Baseline {
    const { startHour } = this.panel;
    const from = Math.max(0, d * 24 - startHour - (this.o.windowHours - 1));
    const to = Math.min(this.hours - 1, (d + 1) * 24 - startHour - 1);
    const exp = new Float64Array(Math.max(0, to - from + 1));
    const daily = this.dailyOf(x);
    const perDay = new Map<number, DayExpectation>();
    const expectationOf = (dd: number): DayExpectation => {
      if (!perDay.has(dd)) perDay.set(dd, this.dayExpectation(x, daily, dd, known));
      return perDay.get(dd) ?? null;
    };
    for (let s = from; s <= to; s++) {
      const hourOfDay = (startHour + s) % 24;
      const e = expectationOf(this.dayIndex(s));
      exp[s - from] =
        e === null ? NaN : e.explained ? -Infinity : e.total * ((e.share as number[])[hourOfDay] as number);
    }
    const today = expectationOf(d);
    return { from, exp, dayTotal: today && !today.explained ? today.total : null };
  }

  /** Day dd's expected total (median of the same weekday over the last weeks, calendar-adjusted) and hour shares. */
  private dayExpectation(x: number[], daily: number[], dd: number, known: Factors): DayExpectation {
    const ref: number[] = [];
    for (let k = 1; k <= this.o.weeks; k++) {
      const r = dd - 7 * k;
      if (r < this.firstFull) break;
      const fr = this.factorFor(r, known);
      if (fr === null || fr <= 0) continue;
      ref.push((daily[r] as number) / fr);
    }
    const f = this.factorFor(dd, known);
    const { shares, seen, sum } = this.hourSums(x, dd);
    if (ref.length === 0) return null;
    if (f === null || (seen < 2 && this.profiles[dd] === 'ramadan')) return { total: 0, share: null, explained: true };
    if (seen < 2) return null;
    if (sum <= 0) return { total: median(ref) * f, share: new Array<number>(24).fill(0), explained: false };
    return { total: median(ref) * f, share: shares.map((v) => v / sum), explained: false };
  }

  /** Sales of x per hour of day over the last four weeks' days of the same kind as day dd. */
  private hourSums(x: number[], dd: number): { shares: number[]; seen: number; sum: number } {
    const shares = new Array<number>(24).fill(0);
    let seen = 0;
    let sum = 0;
    for (let r = Math.max(this.firstFull, dd - 28); r < dd; r++) {
      if (this.profiles[r] !== this.profiles[dd]) continue;
      seen++;
      for (let h = 0; h < 24; h++) {
        const t = r * 24 - this.panel.startHour + h;
        const v = t >= 0 && t < this.hours ? (x[t] as number) : 0;
        shares[h] = (shares[h] as number) + v;
        sum += v;
      }
    }
    return { shares, seen, sum };
  }
}
