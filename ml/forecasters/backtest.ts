import type { DayClass } from '../calendar/day-class';
import { CalendarHoltWinters } from './calendar-holt-winters';
import { Ensemble } from './ensemble';
import {
  checkHorizon,
  type Forecast,
  type Forecaster,
  type ForecasterFactory,
  type PredictOptions,
  type Series,
} from './forecaster';
import { HoltWinters } from './holt-winters';
import { SeasonalNaive } from './seasonal-naive';

export interface Candidate {
  name: string;
  make: ForecasterFactory;
  /** needs Series.ds (calendar-aware) */
  needsDs?: boolean;
  /**
   * The mean of these (earlier) candidates: the backtest scores it from their forecasts
   * instead of fitting it again, so an ensemble costs nothing to consider.
   */
  meanOf?: readonly string[];
}

/** The pooled ensemble keeps a series unless another model clearly beats it (see `choose`). */
export const PREFERRED = 'hw_calendar_ensemble';

/**
 * With calendar multipliers pooled over the series' region × category, the calendar model
 * uses those (they beat the branch's own few Ramadan days), joined by its mean with plain
 * Holt-Winters. As many models are fitted as without pooling.
 */
export function candidatesWithPooled(pooled: Partial<Record<DayClass, number>> | undefined): Candidate[] {
  if (!pooled) return DAILY_CANDIDATES;
  return [
    ...DAILY_CANDIDATES.filter((c) => c.name !== 'calendar_holt_winters'),
    { name: 'pooled_calendar_holt_winters', make: () => new CalendarHoltWinters(pooled), needsDs: true },
    {
      name: PREFERRED,
      make: () => new Ensemble(PREFERRED, [() => new HoltWinters(), () => new CalendarHoltWinters(pooled)]),
      needsDs: true,
      meanOf: ['holt_winters', 'pooled_calendar_holt_winters'],
    },
  ];
}

/** Simplest first: on a tie the simpler model wins. */
export const DAILY_CANDIDATES: Candidate[] = [
  { name: 'seasonal_naive', make: () => new SeasonalNaive() },
  { name: 'holt_winters', make: () => new HoltWinters() },
  { name: 'calendar_holt_winters', make: () => new CalendarHoltWinters(), needsDs: true },
];

export interface BacktestOptions {
  horizon?: number;
  origins?: number;
  /** steps between origins */
  every?: number;
  /** observations needed before the earliest origin */
  minTrain?: number;
}

function slice(series: Series, end: number): Series {
  return { period: series.period, y: series.y.slice(0, end), ds: series.ds?.slice(0, end) };
}

/**
 * Rolling-origin mean absolute error of each candidate: fit on the data up to an origin,
 * forecast the next `horizon` steps, compare with what happened; origins step back from
 * the end. NaN for a candidate that cannot run (no dates) or no origin fits.
 */
export function backtest(
  series: Series,
  candidates: Candidate[],
  options: BacktestOptions = {},
): Record<string, number> {
  const horizon = options.horizon ?? 14;
  const origins = options.origins ?? 3;
  const every = options.every ?? 7;
  const minTrain = options.minTrain ?? Math.max(28, 3 * series.period);
  const n = series.y.length;
  const err = new Map<string, { sum: number; count: number }>();
  for (let k = 0; k < origins; k++) {
    const origin = n - horizon - k * every;
    if (origin < minTrain) break;
    const train = slice(series, origin);
    const yhat = new Map<string, number[]>();
    for (const c of candidates) {
      if (c.needsDs && !series.ds) continue;
      const members = c.meanOf?.map((m) => yhat.get(m));
      const f =
        members && members.every((m) => m !== undefined)
          ? Array.from(
              { length: horizon },
              (_, i) => members.reduce((a, m) => a + (m[i] as number), 0) / members.length,
            )
          : c.make().fit(train).predict(horizon).yhat;
      yhat.set(c.name, f);
      const e = err.get(c.name) ?? { sum: 0, count: 0 };
      for (let i = 0; i < horizon; i++) {
        const actual = series.y[origin + i] as number;
        if (!Number.isFinite(actual)) continue;
        e.sum += Math.abs(actual - (f[i] as number));
        e.count++;
      }
      err.set(c.name, e);
    }
  }
  const out: Record<string, number> = {};
  for (const c of candidates) {
    const e = err.get(c.name);
    out[c.name] = e && e.count ? e.sum / e.count : NaN;
  }
  return out;
}

/**
 * The candidate with the lowest backtest error (the first, simplest, when none could run).
 * A `preferred` candidate keeps the series unless another beats it by more than `margin`:
 * three short backtests are noisy, and chasing their noise costs accuracy.
 */
export function choose(
  scores: Record<string, number>,
  candidates: Candidate[],
  preferred?: string,
  margin = 0.1,
): Candidate {
  let best = candidates[0] as Candidate;
  let bestErr = Infinity;
  for (const c of candidates) {
    const e = scores[c.name] as number;
    if (Number.isFinite(e) && e < bestErr) {
      best = c;
      bestErr = e;
    }
  }
  const pref = candidates.find((c) => c.name === preferred);
  const prefErr = pref ? (scores[pref.name] as number) : NaN;
  if (pref && Number.isFinite(prefErr) && bestErr >= prefErr * (1 - margin)) return pref;
  return best;
}

/**
 * A forecaster that picks its model per series by rolling-origin backtest, then refits the
 * winner on all the data. Its name is the chosen model's, so forecasts say what made them.
 */
export class AutoForecaster implements Forecaster {
  private inner: Forecaster | null = null;
  scores: Record<string, number> = {};

  constructor(
    private readonly candidates: Candidate[] = DAILY_CANDIDATES,
    private readonly options: BacktestOptions = {},
  ) {}

  get name(): string {
    return this.inner?.name ?? 'auto';
  }

  fit(series: Series): this {
    this.scores = backtest(series, this.candidates, this.options);
    this.inner = choose(this.scores, this.candidates, PREFERRED).make().fit(series);
    return this;
  }

  predict(h: number, options?: PredictOptions): Forecast {
    checkHorizon(h);
    if (!this.inner) throw new Error('predict before fit');
    return this.inner.predict(h, options);
  }
}
