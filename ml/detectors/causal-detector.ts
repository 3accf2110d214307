/**
 * Causal point-anomaly detector for any regular series. The decision at t uses only
 * y[0..t]: the expectation comes from the same phase of the last three seasons (a median,
 * so one odd week does not move it) and the scale from the residuals before t (a robust
 * MAD, so earlier anomalies do not widen it).
 */

export interface DetectOptions {
  /** Flag when |residual| / scale exceeds this. */
  threshold?: number;
  /** Residuals needed before any decision is made. */
  minHistory?: number;
  /** How many past residuals the scale looks at. */
  window?: number;
}

export interface Detection {
  expected: number | null;
  score: number;
  isAnomaly: boolean;
}

export const DEFAULT_THRESHOLD = 4;

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Expected value at t from strictly earlier observations, or null without enough history. */
export function expectedAt(y: readonly number[], t: number, period: number): number | null {
  const ref: number[] = [];
  // Before one full season has passed the same phase is unknown: use the recent level.
  if (period > 1 && t >= period) {
    for (let k = 1; k <= 3; k++) {
      const v = y[t - k * period];
      if (v !== undefined && Number.isFinite(v)) ref.push(v);
    }
  } else {
    for (let s = t - 1; s >= 0 && ref.length < 5; s--) {
      const v = y[s] as number;
      if (Number.isFinite(v)) ref.push(v);
    }
  }
  return ref.length ? median(ref) : null;
}

/** Robust scale of past residuals, with floors so a perfectly flat history still scores. */
export function robustScale(residuals: readonly number[], level: number): number {
  const abs = residuals.map(Math.abs);
  const mad = 1.4826 * median(abs);
  if (mad > 0) return mad;
  // Mostly-exact history (flat feeds, intermittent counts): fall back to the mean
  // absolute residual (sqrt(pi/2) turns it into a normal std), then to a sliver of the level.
  const meanAbs = abs.reduce((a, b) => a + b, 0) / abs.length;
  if (meanAbs > 0) return 1.2533 * meanAbs;
  return 1e-3 * Math.max(1, Math.abs(level));
}

/**
 * Past residuals' absolute values over a sliding window, kept sorted so the median is a
 * lookup: a sort per point made `rabt detect` a hundred times slower on long series.
 */
class SlidingAbs {
  private readonly fifo: number[] = [];
  private readonly sorted: number[] = [];
  private sum = 0;
  constructor(private readonly size: number) {}

  get length(): number {
    return this.fifo.length;
  }

  private static position(a: number[], v: number): number {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((a[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  push(r: number): void {
    const v = Math.abs(r);
    this.fifo.push(v);
    this.sorted.splice(SlidingAbs.position(this.sorted, v), 0, v);
    this.sum += v;
    if (this.fifo.length > this.size) {
      const old = this.fifo.shift() as number;
      this.sorted.splice(SlidingAbs.position(this.sorted, old), 1);
      this.sum -= old;
    }
  }

  /** Same value as robustScale over the window's residuals. */
  scale(level: number): number {
    const s = this.sorted;
    const mid = s.length >> 1;
    const med = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
    if (med > 0) return 1.4826 * med;
    const meanAbs = Math.max(0, this.sum) / s.length;
    // the running sum can keep a rounding crumb after removals: treat crumbs as zero
    if (meanAbs > 1e-12 && s[s.length - 1] !== 0) return 1.2533 * meanAbs;
    return 1e-3 * Math.max(1, Math.abs(level));
  }
}

export function detect(y: readonly number[], period: number, options: DetectOptions = {}): Detection[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const minHistory = options.minHistory ?? 10;
  const window = options.window ?? Math.max(60, 4 * period);
  const past = new SlidingAbs(window);
  const out: Detection[] = [];
  for (let t = 0; t < y.length; t++) {
    const v = y[t] as number;
    const expected = expectedAt(y, t, period);
    if (expected === null || !Number.isFinite(v)) {
      out.push({ expected, score: 0, isAnomaly: false });
      continue;
    }
    const r = v - expected;
    const score = past.length >= minHistory ? Math.abs(r) / past.scale(expected) : 0;
    out.push({ expected, score, isAnomaly: score > threshold });
    past.push(r);
  }
  return out;
}
