import { describe, expect, it } from 'vitest';
import { detect, expectedAt, robustScale } from './causal-detector';

const week = [10, 12, 14, 16, 18, 4, 6];
// Eight weeks of the pattern with a small deterministic wobble so the scale is not zero.
const weekly = Array.from({ length: 56 }, (_, t) => (week[t % 7] as number) + (t % 3) - 1);

function flagged(y: number[], period: number): number[] {
  return detect(y, period)
    .map((d, i) => (d.isAnomaly ? i : -1))
    .filter((i) => i >= 0);
}

describe('expectedAt', () => {
  it.each([
    ['median of the same weekday in the last three weeks', [...week, ...week.map((v) => v + 4), ...week], 21, 7, 10],
    ['only one season back available', [...week, 99], 7, 7, 10],
    ['no season: median of the last five', [1, 2, 3, 100, 5, 6], 6, 1, 5],
    ['no history', [1], 0, 1, null],
    ['gaps are skipped', [1, NaN, 3], 3, 1, 2],
  ])('%s', (_n, y, t, period, expected) =>
    expect(expectedAt(y as number[], t as number, period as number)).toBe(expected),
  );
});

describe('robustScale', () => {
  it.each([
    ['MAD of symmetric residuals', [1, -1, 1, -1, 2], 1.4826],
    ['mostly zero: mean absolute fallback', [0, 0, 0, 0, 4], 1.2533 * 0.8],
    ['all zero: sliver of the level', [0, 0, 0], 0.1],
  ])('%s', (_n, r, s) => expect(robustScale(r as number[], 100)).toBeCloseTo(s as number, 9));
});

describe('detect', () => {
  const cases: { name: string; y: number[]; period: number; anomalies: number[] }[] = [
    { name: 'clean weekly series: nothing', y: weekly, period: 7, anomalies: [] },
    {
      name: 'one spike in week 6',
      y: weekly.map((v, t) => (t === 40 ? v + 30 : v)),
      period: 7,
      anomalies: [40],
    },
    {
      name: 'one drop to zero on a busy day',
      y: weekly.map((v, t) => (t === 46 ? 0 : v)),
      period: 7,
      anomalies: [46],
    },
    {
      name: 'flat feed that breaks',
      y: Array.from({ length: 30 }, (_, t) => (t === 25 ? 120 : 100)),
      period: 1,
      anomalies: [25],
    },
  ];
  it.each(cases)('$name', ({ y, period, anomalies }) => expect(flagged(y, period)).toEqual(anomalies));

  it('gives the expected value of the pattern at the spike', () => {
    const y = weekly.map((v, t) => (t === 40 ? v + 30 : v));
    const d = detect(y, 7)[40];
    expect(d?.expected).toBe(weekly[40]);
    expect(d?.score).toBeGreaterThan(10);
  });

  it('is causal: every decision is the same when the future is cut off', () => {
    const y = weekly.map((v, t) => (t === 40 ? v + 30 : t === 50 ? v - 9 : v));
    const full = detect(y, 7);
    for (let k = 1; k <= y.length; k++) {
      expect(detect(y.slice(0, k), 7)).toEqual(full.slice(0, k));
    }
  });
});

describe('detect matches the direct robust scale', () => {
  it('scores every point as |r| / robustScale(last window of residuals)', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const y = Array.from(
      { length: 300 },
      (_, t) => (week[t % 7] as number) + (rnd() < 0.3 ? 0 : Math.round(rnd() * 6 - 3)),
    );
    const got = detect(y, 7, { window: 20 });
    const residuals: number[] = [];
    y.forEach((v, t) => {
      const e = expectedAt(y, t, 7);
      if (e === null) return;
      if (residuals.length >= 10)
        expect(got[t]?.score).toBeCloseTo(Math.abs(v - e) / robustScale(residuals.slice(-20), e), 9);
      residuals.push(v - e);
    });
  });
});
