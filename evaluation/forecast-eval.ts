import { AutoForecaster, candidatesWithPooled, DAILY_CANDIDATES } from '../ml/forecasters/backtest';
import { DEFAULT_LEVEL } from '../ml/forecasters/forecaster';
import { pooledFactors } from '../ml/forecasters/pooled-factors';

export interface EvalSeries {
  ds: string[];
  y: number[];
  /** series sharing a group (region × category) pool their calendar multipliers */
  group?: string;
}

export interface ModelScore {
  name: string;
  /** mean over forecasts of MAE ÷ the in-sample weekly naive MAE */
  mase: number;
  /** share of actual days inside the interval (bounds floored at zero, like the forecasts) */
  coverage: number;
  /** forecasts scored */
  n: number;
}

/**
 * Mean MASE and interval coverage per model over rolling origins, MASE scaled by the
 * in-sample weekly naive error. Every daily candidate is scored, pooled or not, and the
 * backtest's choice among the candidates `score` uses.
 */
export function forecastScores(
  series: EvalSeries[],
  origins: string[],
  horizon: number,
  level = DEFAULT_LEVEL,
): ModelScore[] {
  const sums = new Map<string, { mase: number; n: number; inside: number; days: number }>();
  const groups = new Map<string, EvalSeries[]>();
  for (const s of series) if (s.group) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const pooledCache = new Map<string, ReturnType<typeof pooledFactors>>();
  const pooledFor = (group: string | undefined, origin: string) => {
    if (!group) return undefined;
    const key = `${group}@${origin}`;
    let f = pooledCache.get(key);
    if (!f) pooledCache.set(key, (f = pooledFactors(groups.get(group) ?? [], origin)));
    return f;
  };
  for (const s of series) {
    for (const origin of origins) {
      const candidates = candidatesWithPooled(pooledFor(s.group, origin));
      const extra = DAILY_CANDIDATES.filter((d) => !candidates.some((c) => c.name === d.name));
      const models = [
        ...candidates,
        ...extra,
        { name: 'auto (backtest choice)', make: () => new AutoForecaster(candidates) },
      ];
      const end = s.ds.indexOf(origin);
      if (end < 56 || end + horizon > s.y.length) continue;
      const train = { y: s.y.slice(0, end), ds: s.ds.slice(0, end), period: 7 };
      let scale = 0;
      for (let t = 7; t < end; t++) scale += Math.abs((s.y[t] as number) - (s.y[t - 7] as number));
      scale /= end - 7;
      if (!(scale > 0)) continue;
      const actual = s.y.slice(end, end + horizon);
      for (const m of models) {
        const f = m.make().fit(train).predict(horizon, { level });
        const mae = actual.reduce((a, v, k) => a + Math.abs(v - Math.max(0, f.yhat[k] as number)), 0) / horizon;
        const inside = actual.filter(
          (v, k) => v >= Math.max(0, f.lower[k] as number) && v <= Math.max(0, f.upper[k] as number),
        ).length;
        const acc = sums.get(m.name) ?? { mase: 0, n: 0, inside: 0, days: 0 };
        acc.mase += mae / scale;
        acc.n++;
        acc.inside += inside;
        acc.days += horizon;
        sums.set(m.name, acc);
      }
    }
  }
  return [...sums].map(([name, { mase, n, inside, days }]) => ({ name, mase: mase / n, coverage: inside / days, n }));
}
