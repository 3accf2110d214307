import { addDaysIso } from '../dates';
import { median, PanelHistory, windowActual, windowExpected, type Baseline } from './panel-history';

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

export interface SurgeResult {
  states: HourState[];
  events: AlertEvent[];
  alerts: SurgeAlert[];
}

export function detectSurges(panel: SurgePanel, options: SurgeOptions = {}): SurgeResult {
  const o = { ...DEFAULTS, ...options };
  const history = new PanelHistory(panel, o);
  const noise = new NoiseLevel();
  const tracker = new AlertTracker(panel, o, history.total);
  const states: HourState[] = [];
  let bases: DayBaselines | null = null;
  for (let t = 0; t < history.hours; t++) {
    if (bases?.day !== history.dayIndex(t)) bases = new DayBaselines(history, panel, history.dayIndex(t));
    const { state, informative } = hourState(t, history.total, bases, noise, panel, o);
    states.push(state);
    tracker.step(t, state, informative, bases);
  }
  return { states, events: tracker.events, alerts: tracker.alerts };
}

/** The baselines of one day: the region's, each co-op's, and (only when an alert needs them) each product's. */
class DayBaselines {
  readonly total: Baseline;
  readonly coops: Baseline[];
  private products: Baseline[] | null = null;

  constructor(
    private readonly history: PanelHistory,
    private readonly panel: SurgePanel,
    readonly day: number,
  ) {
    const known = history.factorsAt(day);
    this.total = history.baselines(history.total, day, known);
    this.coops = panel.coopY.map((row) => history.baselines(row, day, known));
  }

  /** Products' baselines only name an alert's products: worked out on a day that needs them. */
  productsToday(): Baseline[] {
    return (this.products ??= this.panel.productY.map((row) =>
      this.history.baselines(row, this.day, this.history.factorsAt(this.day)),
    ));
  }
}

/**
 * Over-dispersion of window sums, learnt from ordinary hours before today (robust median,
 * refreshed once a day: a sort per hour dominated the run time).
 */
class NoiseLevel {
  private readonly dispersion: number[] = [];
  private day = -1;
  private phi = 4;

  at(day: number): number {
    if (this.day !== day) {
      this.day = day;
      this.phi = this.dispersion.length >= 48 ? Math.max(1, median(this.dispersion.slice(-24 * 28))) : 4;
    }
    return this.phi;
  }

  learn(actual: number, expected: number): void {
    this.dispersion.push((actual - expected) ** 2 / (expected + 1));
  }
}

/** Hour t against its expectation: ratio, z, how many co-ops move, and whether the region surges. */
function hourState(
  t: number,
  total: number[],
  bases: DayBaselines,
  noise: NoiseLevel,
  panel: SurgePanel,
  o: Required<SurgeOptions>,
): { state: HourState; informative: boolean } {
  const actual = windowActual(total, t, o.windowHours);
  const e = windowExpected(bases.total, t, o.windowHours);
  const informative = Boolean(e && e.expected >= o.minExpected);
  if (!e || !informative) {
    const state = { hour: t, actual, expected: null, ratio: null, z: null, breadth: null };
    return { state: { ...state, surging: false, explainedByCalendar: false }, informative };
  }
  const ratio = actual / e.expected;
  const z = (actual - e.expected) / Math.sqrt(noise.at(bases.day) * (e.expected + 1));
  let moving = 0;
  let counted = 0;
  panel.coopY.forEach((row, i) => {
    const ce = windowExpected(bases.coops[i] as Baseline, t, o.windowHours);
    if (!ce || ce.expected < 2) return;
    counted++;
    if (windowActual(row, t, o.windowHours) / ce.expected >= o.coopRatio) moving++;
  });
  const breadth = counted ? moving / counted : 0;
  const enough = counted >= Math.min(2, panel.coops.length);
  const surging = !e.explained && ratio >= o.ratio && z >= o.z && breadth >= o.breadth && enough;
  // Only ordinary hours teach the noise level: a surge must not widen its own band.
  if (!surging && ratio < o.ratio) noise.learn(actual, e.expected);
  const state = { hour: t, actual, expected: e.expected, ratio, z, breadth, surging, explainedByCalendar: e.explained };
  return { state, informative };
}

/** Opens, escalates, de-escalates and closes the panel's alerts as the hours pass. */
class AlertTracker {
  readonly events: AlertEvent[] = [];
  readonly alerts: SurgeAlert[] = [];
  private run = 0;
  private quiet = 0;
  private current: SurgeAlert | null = null;

  constructor(
    private readonly panel: SurgePanel,
    private readonly o: Required<SurgeOptions>,
    private readonly total: number[],
  ) {}

  step(t: number, state: HourState, informative: boolean, bases: DayBaselines): void {
    // Closed hours (nothing expected, nothing sold) neither confirm nor end a surge.
    if (informative || state.explainedByCalendar) {
      this.run = state.surging ? this.run + 1 : 0;
      this.quiet = state.surging ? 0 : this.quiet + 1;
    }
    const ratio = state.ratio ?? 0;
    if (!this.current && this.run >= this.o.sustainHours) this.open(t, ratio);
    else if (this.current) {
      if (state.surging || this.quiet < this.o.closeAfterHours) this.reassess(this.current, t, state, ratio);
      else this.close(this.current, t, ratio);
    }
    if (this.current) this.follow(this.current, t, state, ratio, bases);
  }

  private open(t: number, ratio: number): void {
    const since = t - this.run + 1;
    const { day, hourOfDay } = hourStamp(this.panel, since);
    const sev = severityOf(ratio);
    const alert: SurgeAlert = {
      alertId: `${this.panel.governorateId}:${this.panel.categoryId}:${day}T${String(hourOfDay).padStart(2, '0')}`,
      governorateId: this.panel.governorateId,
      categoryId: this.panel.categoryId,
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
      coopsTotal: this.panel.coops.length,
      topProducts: [],
      stockOnHand: null,
      hoursToStockout: null,
    };
    this.current = alert;
    this.alerts.push(alert);
    this.events.push({ alertId: alert.alertId, hour: t, kind: 'open', severity: sev, ratio });
  }

  /** A surging hour at another severity escalates or de-escalates the alert. */
  private reassess(alert: SurgeAlert, t: number, state: HourState, ratio: number): void {
    const sev = severityOf(ratio);
    if (!state.surging || sev === alert.severity) return;
    const kind: AlertEventKind = SEVERITY_RANK[sev] > SEVERITY_RANK[alert.severity] ? 'escalate' : 'de-escalate';
    this.events.push({ alertId: alert.alertId, hour: t, kind, severity: sev, ratio });
    alert.severity = sev;
    if (SEVERITY_RANK[sev] > SEVERITY_RANK[alert.peakSeverity]) alert.peakSeverity = sev;
  }

  private close(alert: SurgeAlert, t: number, ratio: number): void {
    alert.status = 'closed';
    alert.closedHour = t;
    this.events.push({ alertId: alert.alertId, hour: t, kind: 'close', severity: alert.severity, ratio });
    this.current = null;
  }

  /** The open alert's latest figures; described as of its last surging hour, so a closing alert still says what it was. */
  private follow(alert: SurgeAlert, t: number, state: HourState, ratio: number, bases: DayBaselines): void {
    const { o } = this;
    alert.lastHour = t;
    alert.ratio = ratio;
    alert.peakRatio = Math.max(alert.peakRatio, ratio);
    if (state.expected !== null)
      alert.excessUnits += Math.max(0, (this.total[t] as number) - state.expected / o.windowHours);
    if (state.surging)
      describe(
        alert,
        this.panel,
        t,
        state,
        bases.total.dayTotal,
        o,
        this.total,
        (i) => windowExpected(bases.coops[i] as Baseline, t, o.windowHours),
        (i) => windowExpected(bases.productsToday()[i] as Baseline, t, o.windowHours),
      );
  }
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
): void {
  let affected = 0;
  panel.coopY.forEach((row, i) => {
    const ce = coopExpected(i);
    if (ce && ce.expected >= 2 && windowActual(row, t, o.windowHours) / ce.expected >= o.coopRatio) affected++;
  });
  alert.coopsAffected = affected;
  const excess = panel.productY.map((row, i) => ({
    id: panel.products[i] as string,
    excess: windowActual(row, t, o.windowHours) - (productExpected(i)?.expected ?? 0),
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
