import { describe, expect, it } from 'vitest';
import { HoltWinters, runHoltWinters } from './holt-winters';

const week = [10, 12, 14, 16, 18, 4, 6];
const z90 = 1.6448536269514722;

describe('HoltWinters', () => {
  const cases: { name: string; y: number[]; period: number; h: number; yhat: number[]; tol: number }[] = [
    {
      name: 'an exact weekly pattern is continued exactly',
      y: Array.from({ length: 42 }, (_, t) => week[t % 7] as number),
      period: 7,
      h: 8,
      yhat: [...week, 10],
      tol: 1e-9,
    },
    {
      name: 'a constant is forecast flat',
      y: Array(20).fill(5),
      period: 1,
      h: 3,
      yhat: [5, 5, 5],
      tol: 1e-9,
    },
    {
      name: 'a weekly pattern on a linear trend keeps rising',
      y: Array.from({ length: 70 }, (_, t) => (week[t % 7] as number) + 0.5 * t),
      period: 7,
      h: 7,
      yhat: week.map((v, k) => v + 0.5 * (70 + k)),
      // Damping (φ ≤ 0.98) gives up part of a trend on purpose, so the miss grows with h;
      // ignoring the trend would miss by 3.5 to 6.5.
      tol: 1.3,
    },
  ];
  it.each(cases)('$name', ({ y, period, h, yhat, tol }) => {
    const f = new HoltWinters().fit({ y, period }).predict(h);
    f.yhat.forEach((v, i) => expect(Math.abs(v - (yhat[i] as number))).toBeLessThanOrEqual(tol));
  });

  it('noise around a pattern is smoothed toward the pattern', () => {
    // deterministic noise in [-3, 3) from a small LCG, which seasonal naive copies into its forecast
    let seed = 42;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 6 - 3;
    const y = Array.from({ length: 84 }, (_, t) => (week[t % 7] as number) * 3 + noise());
    const f = new HoltWinters().fit({ y, period: 7 }).predict(7);
    const err = f.yhat.reduce((a, v, k) => a + Math.abs(v - (week[(84 + k) % 7] as number) * 3), 0) / 7;
    const naiveErr =
      Array.from({ length: 7 }, (_, k) => Math.abs((y[77 + k] as number) - (week[(84 + k) % 7] as number) * 3)).reduce(
        (a, b) => a + b,
      ) / 7;
    expect(err).toBeLessThan(naiveErr);
  });

  it('interval follows the innovations variance formula', () => {
    const params = { alpha: 0.3, beta: 0, gamma: 0.1, phi: 1 };
    const y = Array.from({ length: 28 }, (_, t) => (week[t % 7] as number) + (t % 2 ? 1 : -1));
    const m = new HoltWinters(params).fit({ y, period: 7 });
    const st = runHoltWinters(y, 7, params);
    const sigma = Math.sqrt(st.sse / st.count);
    const f = m.predict(9, { level: 0.9 });
    // c_j = α for j = 1..6, α + γ at j = 7, α at j = 8
    const expectVar = (h: number) =>
      1 + Array.from({ length: h - 1 }, (_, j) => ((j + 1) % 7 === 0 ? 0.4 : 0.3) ** 2).reduce((a, b) => a + b, 0);
    for (const h of [1, 2, 7, 8, 9]) {
      expect((f.upper[h - 1] as number) - (f.yhat[h - 1] as number)).toBeCloseTo(
        z90 * sigma * Math.sqrt(expectVar(h)),
        6,
      );
    }
  });
});
