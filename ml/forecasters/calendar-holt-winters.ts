import { dayClass, type DayClass } from '../calendar/day-class';
import { addDaysIso } from '../dates';
import { checkHorizon, type Forecast, type Forecaster, type PredictOptions, type Series } from './forecaster';
import { fillGaps } from './gaps';
import { HoltWinters } from './holt-winters';

/** Weeks either side whose same weekday, on ordinary days, gives a day's baseline. */
const BASELINE_WEEKS = 5;
/** Calendar days needed in history before a class's multiplier is trusted. */
const MIN_CLASS_DAYS = 2;

/**
 * Holt-Winters on calendar-adjusted demand. Each calendar class (Eid, the days before it,
 * Ramadan, the weeks before it, holidays, salary days) gets one multiplier: the ratio of
 * what sold on those days to a baseline of the same weekday on ordinary days around them.
 * The series is divided by its multipliers, smoothed, forecast, and multiplied back for
 * the horizon's own days, so a Ramadan coming up is forecast from last year's Ramadan.
 */
export class CalendarHoltWinters implements Forecaster {
  readonly name: string;
  private readonly hw = new HoltWinters();
  private lastDs = '';
  factors: Partial<Record<DayClass, number>> = {};

  /**
   * `pooled`: multipliers learnt on a bigger series (the region × category the series
   * belongs to). One branch's few Ramadan days are noisy; the region's are not.
   */
  constructor(private readonly pooled?: Partial<Record<DayClass, number>>) {
    this.name = pooled ? 'pooled_calendar_holt_winters' : 'calendar_holt_winters';
  }

  fit(series: Series): this {
    if (!series.ds || series.ds.length !== series.y.length)
      throw new Error('calendar_holt_winters needs ds for every observation');
    const period = series.period;
    const y = fillGaps(series.y, period);
    const ds = series.ds;
    const classes = ds.map(dayClass);
    this.factors = this.pooled ?? estimateFactors(y, classes, period);
    const adjusted = y.map((v, t) => v / (this.factors[classes[t] as DayClass] ?? 1));
    this.hw.fit({ y: adjusted, period });
    this.lastDs = ds[ds.length - 1] as string;
    return this;
  }

  predict(h: number, options: PredictOptions = {}): Forecast {
    checkHorizon(h);
    if (!this.lastDs) throw new Error('predict before fit');
    const f = this.hw.predict(h, options);
    for (let k = 0; k < h; k++) {
      const m = this.factors[dayClass(addDaysIso(this.lastDs, k + 1))] ?? 1;
      f.yhat[k] = (f.yhat[k] as number) * m;
      f.lower[k] = (f.lower[k] as number) * m;
      f.upper[k] = (f.upper[k] as number) * m;
    }
    return f;
  }
}

export function estimateFactors(
  y: readonly number[],
  classes: readonly DayClass[],
  period: number,
): Partial<Record<DayClass, number>> {
  const sold: Partial<Record<DayClass, number>> = {};
  const base: Partial<Record<DayClass, number>> = {};
  const days: Partial<Record<DayClass, number>> = {};
  const step = period > 1 ? period : 7;
  for (let t = 0; t < y.length; t++) {
    const c = classes[t] as DayClass;
    if (c === 'normal') continue;
    const ref: number[] = [];
    for (let k = -BASELINE_WEEKS; k <= BASELINE_WEEKS; k++) {
      const s = t + k * step;
      if (k !== 0 && s >= 0 && s < y.length && classes[s] === 'normal') ref.push(y[s] as number);
    }
    if (ref.length < 2) continue;
    ref.sort((a, b) => a - b);
    const median =
      ref.length % 2
        ? (ref[ref.length >> 1] as number)
        : ((ref[ref.length / 2 - 1] as number) + (ref[ref.length / 2] as number)) / 2;
    sold[c] = (sold[c] ?? 0) + (y[t] as number);
    base[c] = (base[c] ?? 0) + median;
    days[c] = (days[c] ?? 0) + 1;
  }
  const out: Partial<Record<DayClass, number>> = {};
  for (const c of Object.keys(days) as DayClass[]) {
    const b = base[c] ?? 0;
    if ((days[c] ?? 0) < MIN_CLASS_DAYS || b <= 0) continue;
    // Bounded so one odd day in a thin series cannot multiply a forecast tenfold.
    out[c] = Math.min(4, Math.max(0.25, (sold[c] ?? 0) / b));
  }
  return out;
}
