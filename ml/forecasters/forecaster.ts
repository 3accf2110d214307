/**
 * The one interface every forecaster shares: fit a regular series, then predict h steps
 * with intervals. Models are small classes so the backtest can build a fresh one per
 * origin through a factory.
 */

export interface Series {
  /** Observations, oldest first, one per step of a regular grid. NaN marks a gap. */
  y: readonly number[];
  /** Season length in steps (7 for daily data with a weekly cycle, 24 for hourly). 1 = none. */
  period: number;
  /**
   * ISO date (YYYY-MM-DD) of each observation. Only calendar-aware models need it;
   * they derive the horizon's dates from the last one (daily steps).
   */
  ds?: readonly string[];
}

export interface PredictOptions {
  /** Central coverage of the interval, e.g. 0.9 for a 5%–95% band. */
  level?: number;
}

export interface Forecast {
  yhat: number[];
  lower: number[];
  upper: number[];
  level: number;
}

export interface Forecaster {
  readonly name: string;
  fit(series: Series): this;
  predict(h: number, options?: PredictOptions): Forecast;
}

export type ForecasterFactory = () => Forecaster;

export const DEFAULT_LEVEL = 0.9;

/**
 * A level as a fraction (0.95) or, as people type it on a command line, a percent (95).
 */
export function checkLevel(level: number): number {
  const fraction = level >= 1 && level < 100 ? level / 100 : level;
  if (!(fraction > 0 && fraction < 1))
    throw new RangeError(`level must be in (0, 1) or a percent in [1, 100), got ${level}`);
  return fraction;
}

export function checkHorizon(h: number): number {
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`horizon must be a positive integer, got ${h}`);
  return h;
}
