import { CalendarHoltWinters } from './calendar-holt-winters';
import { checkHorizon, type Forecast, type Forecaster, type ForecasterFactory, type PredictOptions, type Series } from './forecaster';
import { HoltWinters } from './holt-winters';
import { SeasonalNaive } from './seasonal-naive';

export interface Candidate {
  name: string;
  make: ForecasterFactory;
  /** needs Series.ds (calendar-aware) */
  needsDs?: boolean;
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
export function backtest(series: Series, candidates: Candidate[], options: BacktestOptions = {}): Record<string, number> {
  const horizon = options.horizon ?? 14;
  const origins = options.origins ?? 3;
  const every = options.every ?? 7;
  const minTrain = options.minTrain ?? Math.max(28, 3 * series.period);
  const n = series.y.length;
  const out: Record<string, number> = {};
  for (const c of candidates) {
    if (c.needsDs && !series.ds) {
      out[c.name] = NaN;
      continue;
    }
    let err = 0;
    let count = 0;
    for (let k = 0; k < origins; k++) {
      const origin = n - horizon - k * every;
      if (origin < minTrain) break;
      const f = c.make().fit(slice(series, origin)).predict(horizon);
      for (let i = 0; i < horizon; i++) {
        const actual = series.y[origin + i] as number;
        if (!Number.isFinite(actual)) continue;
        err += Math.abs(actual - (f.yhat[i] as number));
        count++;
      }
    }
    out[c.name] = count ? err / count : NaN;
  }
  return out;
}

/** The candidate with the lowest backtest error (the first, simplest, when none could run). */
export function choose(scores: Record<string, number>, candidates: Candidate[]): Candidate {
  let best = candidates[0] as Candidate;
  let bestErr = Infinity;
  for (const c of candidates) {
    const e = scores[c.name] as number;
    if (Number.isFinite(e) && e < bestErr) {
      best = c;
      bestErr = e;
    }
  }
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
    this.inner = choose(this.scores, this.candidates).make().fit(series);
    return this;
  }

  predict(h: number, options?: PredictOptions): Forecast {
    checkHorizon(h);
    if (!this.inner) throw new Error('predict before fit');
    return this.inner.predict(h, options);
  }
}
