import { estimateFactors } from '../forecasters/calendar-holt-winters';
import { dayClass, type DayClass } from '../calendar/day-class';
import { addDaysIso } from '../dates';
import { profileOf } from '../forecast-rows';

/**
 * Panic-buying surges for one governorate × essential category, hour by hour, causal:
 * every decision at hour t reads hours ≤ t only (and stock counts of earlier days).
 *
 * At each hour the last 24 hours' sales are compared with what the same 24 hours sold in
 * the previous four weeks (median, per hour), adjusted for the calendar: each day class
 * (Ramadan, the days before it, Eid eve, salary days, …) has a multiplier learnt from the
 * region's own daily history before that day. A day whose class has never been seen
 * before is explained by the calendar and raises nothing. A surge is real when the region
 * sells well above the expectation (ratio and over-dispersed z), most of its co-ops move
 * together, and it lasts `sustainHours`.
 */

export interface SurgePanel {
  governorateId: string;
  categoryId: string;
  /** first hour, Kuwait wall clock, 'YYYY-MM-DDTHH' … hours follow one per step */
  startDay: string;
  /** hour of day of the first slot (0–23) */
  startHour: number;
  coops: string[];
  /** quantity sold per co-op per hour */
  coopY: number[][];
  products: string[];
  /** quantity sold per product per hour (for "which products") */
  productY: number[][];
  /** closing stock of the whole region for this category, by stock date */
  stockByDay?: Map<string, number>;
}

export interface SurgeOptions {
  windowHours?: number;
  weeks?: number;
  ratio?: number;
  z?: number;
  coopRatio?: number;
  breadth?: number;
  sustainHours?: number;
  closeAfterHours?: number;
  /** region-wide expected sales in a window below which an hour says nothing (night) */
  minExpected?: number;
}

const DEFAULTS: Required<SurgeOptions> = {
  windowHours: 6,
  weeks: 4,
  // Above what the calendar explains (pre-Ramadan +37%, salary days +12%, summer water +45%,
  // Eid eve +30%, and their combinations), well short of a panic's ×2.8 first day.
  ratio: 2,
  z: 4,
  coopRatio: 1.25,
  breadth: 0.5,
  sustainHours: 2,
  // A panic empties shelves, and the sales it leaves dip between deliveries: close only
  // after a full day without a surging hour.
  closeAfterHours: 24,
  minExpected: 5,
};

export type Severity = 'watch' | 'warning' | 'critical';
export type AlertEventKind = 'open' | 'escalate' | 'de-escalate' | 'close';

export interface HourState {
  hour: number;
  actual: number;
  expected: number | null;
  ratio: number | null;
  z: number | null;
  breadth: number | null;
  surging: boolean;
  explainedByCalendar: boolean;
}

export interface AlertEvent {
  alertId: string;
  hour: number;
  kind: AlertEventKind;
  severity: Severity;
  ratio: number;
}

export interface SurgeAlert {
  alertId: string;
  governorateId: string;
  categoryId: string;
  status: 'open' | 'closed';
  severity: Severity;
  peakSeverity: Severity;
  /** first hour of the sustained run */
  sinceHour: number;
  openedHour: number;
  lastHour: number;
  closedHour: number | null;
  ratio: number;
  peakRatio: number;
  excessUnits: number;
  coopsAffected: number;
  coopsTotal: number;
  topProducts: string[];
  stockOnHand: number | null;
  hoursToStockout: number | null;
}

const SEVERITY_RANK: Record<Severity, number> = { watch: 0, warning: 1, critical: 2 };

export function severityOf(ratio: number): Severity {
  return ratio >= 4 ? 'critical' : ratio >= 3 ? 'warning' : 'watch';
}

export function hourStamp(
  panel: Pick<SurgePanel, 'startDay' | 'startHour'>,
  hour: number,
): { day: string; hourOfDay: number } {
  const abs = panel.startHour + hour;
  return { day: addDaysIso(panel.startDay, Math.floor(abs / 24)), hourOfDay: abs % 24 };
}

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface SurgeResult {
  states: HourState[];
  events: AlertEvent[];
  alerts: SurgeAlert[];
}

export function detectSurges(panel: SurgePanel, options: SurgeOptions = {}): SurgeResult {
  const o = { ...DEFAULTS, ...options };
  const H = panel.coopY[0]?.length ?? 0;
  const total = new Array<number>(H).fill(0);
  for (const row of panel.coopY) for (let t = 0; t < H; t++) total[t] = (total[t] as number) + (row[t] as number);

  // Daily totals and day classes, for the calendar multipliers learnt day by day.
  const nDays = Math.ceil((panel.startHour + H) / 24);
  const days = Array.from({ length: nDays }, (_, d) => addDaysIso(panel.startDay, d));
  const classes = days.map(dayClass);
  const dailyTotal = new Array<number>(nDays).fill(0);
  for (let t = 0; t < H; t++) {
    const d = Math.floor((panel.startHour + t) / 24);
    dailyTotal[d] = (dailyTotal[d] as number) + (total[t] as number);
  }
  const dayIndex = (t: number) => Math.floor((panel.startHour + t) / 24);
  // factors[d]: multipliers known at the start of day d (learnt from days < d)
  const factorsCache = new Map<number, Partial<Record<DayClass, number>>>();
  const factorsAt = (d: number) => {
    let f = factorsCache.get(d);
    if (!f) {
      // The first day may be partial; its total would understate demand.
      const from = panel.startHour === 0 ? 0 : 1;
      f = d - from >= 14 ? estimateFactors(dailyTotal.slice(from, d), classes.slice(from, d), 7) : {};
      factorsCache.set(d, f);
    }
    return f;
  };
  const factorFor = (d: number, known: Partial<Record<DayClass, number>>): number | null => {
    const c = classes[d] as DayClass;
    if (c === 'normal') return 1;
    return known[c] ?? null;
  };

  const profiles = days.map(profileOf);
  const dailyCache = new WeakMap<number[], number[]>();
  const dailyOf = (x: number[]): number[] => {
    let v = dailyCache.get(x);
    if (!v) {
      v = new Array<number>(nDays).fill(0);
      for (let t = 0; t < H; t++) v[dayIndex(t)] = (v[dayIndex(t)] as number) + (x[t] as number);
      dailyCache.set(x, v);
    }
    return v;
  };
  // The first day is partial when the data starts mid-day: never a reference.
  const firstFull = panel.startHour === 0 ? 0 : 1;

  /**
   * Expected sales of series x in each hour a window ending on day d can touch: the day's
   * expected total (same weekday of the last weeks, calendar-adjusted with the multipliers
   * known at the start of day d) times the hour's share on that kind of day (ordinary,
   * weekend, Ramadan) over the last four weeks. NaN where there is no history yet;
   * -Infinity where the calendar explains the day and history cannot yet say by how much.
   */
  const baselinesFor = (x: number[], d: number, known: Partial<Record<DayClass, number>>) => {
    const from = Math.max(0, d * 24 - panel.startHour - (o.windowHours - 1));
    const to = Math.min(H - 1, (d + 1) * 24 - panel.startHour - 1);
    const exp = new Float64Array(Math.max(0, to - from + 1));
    const daily = dailyOf(x);
    const perDay = new Map<number, { total: number; share: number[] | null; explained: boolean } | null>();
    const dayExpectation = (dd: number) => {
      if (perDay.has(dd)) return perDay.get(dd) ?? null;
      const ref: number[] = [];
      for (let k = 1; k <= o.weeks; k++) {
        const r = dd - 7 * k;
        if (r < firstFull) break;
        const fr = factorFor(r, known);
        if (fr === null || fr <= 0) continue;
        ref.push((daily[r] as number) / fr);
      }
      const f = factorFor(dd, known);
      const shares = new Array<number>(24).fill(0);
      let seen = 0;
      let sum = 0;
      for (let r = Math.max(firstFull, dd - 28); r < dd; r++) {
        if (profiles[r] !== profiles[dd]) continue;
        seen++;
        for (let h = 0; h < 24; h++) {
          const t = r * 24 - panel.startHour + h;
          const v = t >= 0 && t < H ? (x[t] as number) : 0;
          shares[h] = (shares[h] as number) + v;
          sum += v;
        }
      }
      let out: { total: number; share: number[] | null; explained: boolean } | null;
      if (ref.length === 0) out = null;
      else if (f === null || (seen < 2 && profiles[dd] === 'ramadan')) out = { total: 0, share: null, explained: true };
      else if (seen < 2 || sum <= 0)
        out = seen < 2 ? null : { total: median(ref) * f, share: new Array<number>(24).fill(0), explained: false };
      else out = { total: median(ref) * f, share: shares.map((v) => v / sum), explained: false };
      perDay.set(dd, out);
      return out;
    };
    for (let s = from; s <= to; s++) {
      const hourOfDay = (panel.startHour + s) % 24;
      const e = dayExpectation(dayIndex(s));
      exp[s - from] =
        e === null ? NaN : e.explained ? -Infinity : e.total * ((e.share as number[])[hourOfDay] as number);
    }
    const today = dayExpectation(d);
    return { from, exp, dayTotal: today && !today.explained ? today.total : null };
  };
  type Baseline = ReturnType<typeof baselinesFor>;
  const windowExpected = (b: Baseline, t: number): { expected: number; explained: boolean } | null => {
    if (t - o.windowHours + 1 < 0) return null;
    let expected = 0;
    let explained = false;
    for (let s = t - o.windowHours + 1; s <= t; s++) {
      const v = b.exp[s - b.from] as number;
      if (Number.isNaN(v)) return null;
      if (v === -Infinity) explained = true;
      else expected += v;
    }
    return { expected, explained };
  };
  const windowActual = (x: number[], t: number): number => {
    let a = 0;
    for (let s = Math.max(0, t - o.windowHours + 1); s <= t; s++) a += x[s] as number;
    return a;
  };

  const states: HourState[] = [];
  const events: AlertEvent[] = [];
  const alerts: SurgeAlert[] = [];
  const dispersion: number[] = [];
  let run = 0;
  let quiet = 0;
  let current: SurgeAlert | null = null;

  let phiDay = -1;
  let phi = 4;
  let baseDay = -1;
  let totalBase: Baseline | null = null;
  let coopBase: Baseline[] = [];
  // Products' baselines only name an alert's products: worked out on a day that needs them.
  let productBase: Baseline[] | null = null;
  const productBaseToday = (): Baseline[] =>
    (productBase ??= panel.productY.map((row) => baselinesFor(row, baseDay, factorsAt(baseDay))));
  for (let t = 0; t < H; t++) {
    if (dayIndex(t) !== baseDay) {
      baseDay = dayIndex(t);
      const known = factorsAt(baseDay);
      totalBase = baselinesFor(total, baseDay, known);
      coopBase = panel.coopY.map((row) => baselinesFor(row, baseDay, known));
      productBase = null;
    }
    const actual = windowActual(total, t);
    const e = windowExpected(totalBase as Baseline, t);
    let state: HourState = {
      hour: t,
      actual,
      expected: null,
      ratio: null,
      z: null,
      breadth: null,
      surging: false,
      explainedByCalendar: false,
    };
    const informative = Boolean(e && e.expected >= o.minExpected);
    if (e && informative) {
      const ratio = actual / e.expected;
      // Over-dispersion of window sums, learnt from hours before today (robust median,
      // refreshed once a day: a sort per hour dominated the run time).
      if (phiDay !== baseDay) {
        phiDay = baseDay;
        phi = dispersion.length >= 48 ? Math.max(1, median(dispersion.slice(-24 * 28))) : 4;
      }
      const z = (actual - e.expected) / Math.sqrt(phi * (e.expected + 1));
      let moving = 0;
      let counted = 0;
      panel.coopY.forEach((row, i) => {
        const ce = windowExpected(coopBase[i] as Baseline, t);
        if (!ce || ce.expected < 2) return;
        counted++;
        if (windowActual(row, t) / ce.expected >= o.coopRatio) moving++;
      });
      const breadth = counted ? moving / counted : 0;
      const enough = counted >= Math.min(2, panel.coops.length);
      const surging = !e.explained && ratio >= o.ratio && z >= o.z && breadth >= o.breadth && enough;
      state = { hour: t, actual, expected: e.expected, ratio, z, breadth, surging, explainedByCalendar: e.explained };
      // Only ordinary hours teach the noise level: a surge must not widen its own band.
      if (!surging && ratio < o.ratio) dispersion.push((actual - e.expected) ** 2 / (e.expected + 1));
    }
    states.push(state);

    // Closed hours (nothing expected, nothing sold) neither confirm nor end a surge.
    if (informative || state.explainedByCalendar) {
      run = state.surging ? run + 1 : 0;
      quiet = state.surging ? 0 : quiet + 1;
    }
    const ratio = state.ratio ?? 0;
    if (!current && run >= o.sustainHours) {
      const since = t - run + 1;
      const { day, hourOfDay } = hourStamp(panel, since);
      const sev = severityOf(ratio);
      current = {
        alertId: `${panel.governorateId}:${panel.categoryId}:${day}T${String(hourOfDay).padStart(2, '0')}`,
        governorateId: panel.governorateId,
        categoryId: panel.categoryId,
        status: 'open',
        severity: sev,
        peakSeverity: sev,
        sinceHour: since,
        openedHour: t,
        lastHour: t,
        closedHour: null,
        ratio,
        peakRatio: ratio,
        excessUnits: 0,
        coopsAffected: 0,
        coopsTotal: panel.coops.length,
        topProducts: [],
        stockOnHand: null,
        hoursToStockout: null,
      };
      alerts.push(current);
      events.push({ alertId: current.alertId, hour: t, kind: 'open', severity: sev, ratio });
    } else if (current) {
      if (state.surging || quiet < o.closeAfterHours) {
        const sev = severityOf(ratio);
        if (state.surging && sev !== current.severity) {
          const kind: AlertEventKind =
            SEVERITY_RANK[sev] > SEVERITY_RANK[current.severity] ? 'escalate' : 'de-escalate';
          events.push({ alertId: current.alertId, hour: t, kind, severity: sev, ratio });
          current.severity = sev;
          if (SEVERITY_RANK[sev] > SEVERITY_RANK[current.peakSeverity]) current.peakSeverity = sev;
        }
      } else {
        current.status = 'closed';
        current.closedHour = t;
        events.push({ alertId: current.alertId, hour: t, kind: 'close', severity: current.severity, ratio });
        current = null;
      }
    }
    if (current) {
      current.lastHour = t;
      current.ratio = ratio;
      current.peakRatio = Math.max(current.peakRatio, ratio);
      if (state.expected !== null)
        current.excessUnits += Math.max(0, (total[t] as number) - state.expected / o.windowHours);
      // Described as of its last surging hour, so a closing alert still says what it was.
      if (state.surging)
        describe(
          current,
          panel,
          t,
          state,
          (totalBase as Baseline).dayTotal,
          o,
          total,
          (i) => windowExpected(coopBase[i] as Baseline, t),
          (i) => windowExpected(productBaseToday()[i] as Baseline, t),
          windowActual,
        );
    }
  }
  return { states, events, alerts };
}

/** Where, which products and how long the stock lasts, as of hour t. */
function describe(
  alert: SurgeAlert,
  panel: SurgePanel,
  t: number,
  state: HourState,
  normalDay: number | null,
  o: Required<SurgeOptions>,
  total: number[],
  coopExpected: (i: number) => { expected: number } | null,
  productExpected: (i: number) => { expected: number } | null,
  windowActual: (x: number[], t: number) => number,
): void {
  let affected = 0;
  panel.coopY.forEach((row, i) => {
    const ce = coopExpected(i);
    if (ce && ce.expected >= 2 && windowActual(row, t) / ce.expected >= o.coopRatio) affected++;
  });
  alert.coopsAffected = affected;
  const excess = panel.productY.map((row, i) => ({
    id: panel.products[i] as string,
    excess: windowActual(row, t) - (productExpected(i)?.expected ?? 0),
  }));
  alert.topProducts = excess
    .filter((p) => p.excess > 0)
    .sort((a, b) => b.excess - a.excess)
    .slice(0, 5)
    .map((p) => p.id);
  // Causal: the latest closing stock of a day before this hour's day, less what sold since.
  const { day, hourOfDay } = hourStamp(panel, t);
  let stock: number | null = null;
  let k = 1;
  if (panel.stockByDay) {
    for (; k <= 7 && stock === null; k++) stock = panel.stockByDay.get(addDaysIso(day, -k)) ?? null;
  }
  if (stock !== null) {
    // k was incremented past the day found: sales since that day's close are hours after it
    const since = Math.max(0, t - hourOfDay - (k - 2) * 24);
    for (let s = since; s <= t; s++) stock -= total[s] as number;
  }
  alert.stockOnHand = stock === null ? null : Math.max(0, stock);
  // Current pace: a normal day's demand, spread over 24 hours, times how far above normal it runs.
  const pace =
    normalDay !== null && state.ratio !== null ? (state.ratio * normalDay) / 24 : state.actual / o.windowHours;
  alert.hoursToStockout = stock !== null && pace > 0 ? Math.max(0, stock) / pace : null;
}
