import { describe, expect, it } from 'vitest';
import { Ensemble } from './ensemble';
import type { Forecaster } from './forecaster';

const constant = (v: number, half: number): Forecaster => ({
  name: `c${v}`,
  fit() {
    return this;
  },
  predict(h) {
    return { yhat: Array(h).fill(v), lower: Array(h).fill(v - half), upper: Array(h).fill(v + half), level: 0.9 };
  },
});

describe('Ensemble', () => {
  it('averages point forecasts and bounds', () => {
    const f = new Ensemble('e', [() => constant(10, 2), () => constant(20, 4)]).fit({ y: [1], period: 1 }).predict(2);
    expect(f).toEqual({ yhat: [15, 15], lower: [12, 12], upper: [18, 18], level: 0.9 });
  });
  it('refuses to predict before fit', () => {
    expect(() => new Ensemble('e', [() => constant(1, 1)]).predict(1)).toThrow(/before fit/);
  });
});
