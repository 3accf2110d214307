import { describe, expect, it } from 'vitest';
import { SeasonalNaive } from './seasonal-naive';

const week = [10, 12, 14, 16, 18, 4, 6];
const z95 = 1.959963984540054;

describe('SeasonalNaive', () => {
  const cases: {
    name: string;
    y: number[];
    period: number;
    h: number;
    level: number;
    yhat: number[];
    halfWidth: number[];
  }[] = [
    {
      name: 'exact weekly pattern repeats with zero-width bands',
      y: [...week, ...week, ...week],
      period: 7,
      h: 9,
      level: 0.9,
      yhat: [...week, 10, 12],
      halfWidth: Array(9).fill(0),
    },
    {
      name: 'alternating weeks (+2) give residual std 2, widened by sqrt(k+1) per season',
      y: [...week, ...week.map((v) => v + 2), ...week, ...week.map((v) => v + 2)],
      period: 7,
      h: 8,
      level: 0.95,
      yhat: week.map((v) => v + 2).concat([12]),
      halfWidth: [...Array(7).fill(z95 * 2), z95 * 2 * Math.SQRT2],
    },
    {
      name: 'period 1 is the naive forecast; residual rms of [2, -1] is sqrt(2.5)',
      y: [5, 7, 6],
      period: 1,
      h: 3,
      level: 0.95,
      yhat: [6, 6, 6],
      halfWidth: [1, Math.SQRT2, Math.sqrt(3)].map((k) => k * z95 * Math.sqrt(2.5)),
    },
    {
      name: 'shorter than one season falls back to naive',
      y: [3, 3, 4],
      period: 7,
      h: 2,
      level: 0.95,
      yhat: [4, 4],
      halfWidth: [1, Math.SQRT2].map((k) => k * z95 * Math.sqrt(0.5)),
    },
    {
      name: 'a gap takes the value one season earlier',
      y: [...week, 10, NaN, 14, 16, 18, 4, 6],
      period: 7,
      h: 2,
      level: 0.9,
      yhat: [10, 12],
      halfWidth: [0, 0],
    },
  ];

  it.each(cases)('$name', ({ y, period, h, level, yhat, halfWidth }) => {
    const f = new SeasonalNaive().fit({ y, period }).predict(h, { level });
    expect(f.level).toBe(level);
    f.yhat.forEach((v, i) => expect(v).toBeCloseTo(yhat[i] as number, 9));
    f.upper.forEach((v, i) => expect(v - (f.yhat[i] as number)).toBeCloseTo(halfWidth[i] as number, 6));
    f.lower.forEach((v, i) => expect((f.yhat[i] as number) - v).toBeCloseTo(halfWidth[i] as number, 6));
  });

  it('rejects a bad level or horizon and predicting before fit', () => {
    expect(() => new SeasonalNaive().predict(1)).toThrow(/before fit/);
    const m = new SeasonalNaive().fit({ y: week, period: 7 });
    expect(() => m.predict(0)).toThrow(RangeError);
    expect(() => m.predict(2, { level: 100 })).toThrow(RangeError);
    expect(() => m.predict(2, { level: 0 })).toThrow(RangeError);
    expect(m.predict(2, { level: 80 }).level).toBeCloseTo(0.8, 12);
  });
});
