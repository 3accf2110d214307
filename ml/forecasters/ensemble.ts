import {
  checkHorizon,
  type Forecast,
  type Forecaster,
  type ForecasterFactory,
  type PredictOptions,
  type Series,
} from './forecaster';

/**
 * The mean of several forecasters. Averaging Holt-Winters with its calendar twin hedges
 * the calendar multipliers' noise: on noisy branch series it beats either one alone.
 * Bounds are the members' mean bounds (an approximation: it ignores how far apart they are).
 */
export class Ensemble implements Forecaster {
  private members: Forecaster[] = [];

  constructor(
    readonly name: string,
    private readonly makers: ForecasterFactory[],
  ) {}

  fit(series: Series): this {
    this.members = this.makers.map((m) => m().fit(series));
    return this;
  }

  predict(h: number, options?: PredictOptions): Forecast {
    checkHorizon(h);
    if (this.members.length === 0) throw new Error('predict before fit');
    const fs = this.members.map((m) => m.predict(h, options));
    const mean = (pick: (f: Forecast) => number[]) =>
      Array.from({ length: h }, (_, k) => fs.reduce((a, f) => a + (pick(f)[k] as number), 0) / fs.length);
    return {
      yhat: mean((f) => f.yhat),
      lower: mean((f) => f.lower),
      upper: mean((f) => f.upper),
      level: (fs[0] as Forecast).level,
    };
  }
}
