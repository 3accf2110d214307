import {
  checkHorizon,
  checkLevel,
  DEFAULT_LEVEL,
  type Forecast,
  type Forecaster,
  type PredictOptions,
  type Series,
} from './forecaster';
import { fillGaps } from './gaps';
import { rms, zFor } from './normal';

/**
 * Seasonal naive: tomorrow looks like the same day last week. The baseline every other
 * model must beat (MASE is measured against it).
 *
 * Intervals: the std of the one-season-back residuals y[t] - y[t-m], widened by
 * sqrt(k + 1) where k counts the full seasons between the last observation and the
 * step (Hyndman & Athanasopoulos, FPP3 §5.5), under a normal approximation.
 */
export class SeasonalNaive implements Forecaster {
  readonly name = 'seasonal_naive';
  private y: number[] = [];
  private m = 1;
  private sigma = 0;

  fit(series: Series): this {
    if (series.y.length === 0) throw new RangeError('cannot fit an empty series');
    // Too short for a full season: fall back to the plain naive forecast.
    this.m = series.period > 1 && series.y.length >= series.period ? series.period : 1;
    this.y = fillGaps(series.y, this.m);
    const residuals: number[] = [];
    for (let t = this.m; t < this.y.length; t++) residuals.push((this.y[t] as number) - (this.y[t - this.m] as number));
    this.sigma = rms(residuals);
    return this;
  }

  predict(h: number, options: PredictOptions = {}): Forecast {
    checkHorizon(h);
    const level = checkLevel(options.level ?? DEFAULT_LEVEL);
    if (this.y.length === 0) throw new Error('predict before fit');
    const z = zFor(level);
    const n = this.y.length;
    const out: Forecast = { yhat: [], lower: [], upper: [], level };
    for (let i = 1; i <= h; i++) {
      const k = Math.floor((i - 1) / this.m);
      const yhat = this.y[n - this.m + ((i - 1) % this.m)] as number;
      const half = z * this.sigma * Math.sqrt(k + 1);
      out.yhat.push(yhat);
      out.lower.push(yhat - half);
      out.upper.push(yhat + half);
    }
    return out;
  }
}
