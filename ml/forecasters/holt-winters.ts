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
import { zFor } from './normal';

export interface HoltWintersParams {
  alpha: number;
  /** trend smoothing in error-correction form (0 = no trend) */
  beta: number;
  gamma: number;
  /** trend damping; 1 = undamped */
  phi: number;
}

interface State {
  level: number;
  trend: number;
  season: number[];
  sse: number;
  count: number;
}

/**
 * Run ETS(A,Ad,A) in error-correction form over y and return the end state and the
 * one-step squared error after the first season (the first season only seeds the state).
 * Stops early, returning `sse: Infinity`, once the error passes `bound`: a grid search
 * needs only to know that a candidate lost.
 */
export function runHoltWinters(y: ArrayLike<number>, m: number, p: HoltWintersParams, bound = Infinity): State {
  const n = y.length;
  let level = 0;
  for (let t = 0; t < m; t++) level += y[t] as number;
  level /= m;
  let trend = 0;
  if (p.beta > 0 && n >= 2 * m) {
    let second = 0;
    for (let t = m; t < 2 * m; t++) second += y[t] as number;
    trend = (second / m - level) / m;
  }
  const season = new Array<number>(m);
  for (let i = 0; i < m; i++) season[i] = m > 1 ? (y[i] as number) - level : 0;
  const { alpha, beta, gamma, phi } = p;
  const g = m > 1 ? gamma : 0;
  let sse = 0;
  let count = 0;
  // i = t mod m, kept by hand: this loop is where forecasting spends its time
  for (let t = 0, i = 0; t < n; t++, i = i + 1 === m ? 0 : i + 1) {
    const s = season[i] as number;
    const damped = phi * trend;
    const e = (y[t] as number) - (level + damped + s);
    if (t >= m) {
      sse += e * e;
      count++;
      if (sse > bound) return { level, trend, season, sse: Infinity, count };
    }
    level = level + damped + alpha * e;
    trend = damped + beta * e;
    season[i] = s + g * e;
  }
  return { level, trend, season, sse, count };
}

const GRID: HoltWintersParams[] = (() => {
  const out: HoltWintersParams[] = [];
  for (const alpha of [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8]) {
    for (const gamma of [0.01, 0.05, 0.15, 0.3]) {
      out.push({ alpha, beta: 0, gamma, phi: 1 });
      for (const phi of [0.9, 0.98]) out.push({ alpha, beta: Math.min(0.02, alpha / 4), gamma, phi });
    }
  }
  return out;
})();

/**
 * Additive Holt-Winters (ETS(A,Ad,A)) with one season, parameters chosen from a grid by
 * in-sample one-step squared error: a grid rather than an optimiser because it is
 * predictable, fast enough for tens of thousands of series and never diverges.
 *
 * Intervals use the exact h-step variance of the linear innovations model:
 * σ²(1 + Σ_{j<h} c_j²) with c_j = α + β(φ + … + φ^j) + γ·[j ≡ 0 mod m].
 */
export class HoltWinters implements Forecaster {
  readonly name: string = 'holt_winters';
  private state: State | null = null;
  private params: HoltWintersParams = { alpha: 0.2, beta: 0, gamma: 0.1, phi: 1 };
  private m = 1;
  private n = 0;
  private sigma = 0;

  constructor(private readonly fixed?: HoltWintersParams) {}

  get chosen(): HoltWintersParams {
    return this.params;
  }

  fit(series: Series): this {
    if (series.y.length === 0) throw new RangeError('cannot fit an empty series');
    this.m = series.period > 1 && series.y.length >= 2 * series.period ? series.period : 1;
    const y = Float64Array.from(fillGaps(series.y, this.m));
    this.n = y.length;
    let best: State | null = null;
    for (const p of this.fixed ? [this.fixed] : GRID) {
      if (this.m === 1 && p.gamma !== GRID[0]?.gamma && !this.fixed) continue;
      const s = runHoltWinters(y, this.m, p, best?.sse);
      if (!best || s.sse < best.sse) {
        best = s;
        this.params = p;
      }
    }
    this.state = best;
    this.sigma = best && best.count > 0 ? Math.sqrt(best.sse / best.count) : 0;
    return this;
  }

  predict(h: number, options: PredictOptions = {}): Forecast {
    checkHorizon(h);
    const level = checkLevel(options.level ?? DEFAULT_LEVEL);
    const st = this.state;
    if (!st) throw new Error('predict before fit');
    const { alpha, beta, gamma, phi } = this.params;
    const z = zFor(level);
    const out: Forecast = { yhat: [], lower: [], upper: [], level };
    let phiSum = 0;
    let varSum = 1;
    for (let k = 1; k <= h; k++) {
      phiSum += phi ** k;
      const s = this.m > 1 ? (st.season[(this.n - 1 + k) % this.m] as number) : 0;
      const yhat = st.level + phiSum * st.trend + s;
      const half = z * this.sigma * Math.sqrt(varSum);
      out.yhat.push(yhat);
      out.lower.push(yhat - half);
      out.upper.push(yhat + half);
      // c_k for the next step's variance
      const c = alpha + beta * phiSum + (this.m > 1 && k % this.m === 0 ? gamma : 0);
      varSum += c * c;
    }
    return out;
  }
}
