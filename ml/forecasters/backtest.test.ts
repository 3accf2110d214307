import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates';
import { dayClass } from '../calendar/day-class';
import { AutoForecaster, backtest, candidatesWithPooled, choose, DAILY_CANDIDATES, PREFERRED } from './backtest';
import type { Forecaster, Series } from './forecaster';

const week = [20, 22, 24, 26, 30, 10, 12];

function constantModel(value: number): Forecaster {
  return {
    name: `const_${value}`,
    fit() {
      return this;
    },
    predict(h) {
      return { yhat: Array(h).fill(value), lower: Array(h).fill(value), upper: Array(h).fill(value), level: 0.9 };
    },
  };
}

describe('backtest', () => {
  it('averages absolute error over every origin and step', () => {
    // y = 0..59, constant forecasts of 50: origins at 46, 39, 32 (h = 14), so the errors
    // are |t − 50| over t in [46, 60), [39, 53), [32, 46).
    const y = Array.from({ length: 60 }, (_, t) => t);
    const expected = [46, 39, 32].flatMap((o) => Array.from({ length: 14 }, (_, i) => Math.abs(o + i - 50)));
    const scores = backtest({ y, period: 1 }, [{ name: 'c50', make: () => constantModel(50) }]);
    expect(scores.c50).toBeCloseTo(expected.reduce((a, b) => a + b) / expected.length, 12);
  });

  it.each([
    [{ a: 3, b: 1, c: 2 }, 'b'],
    [{ a: 1, b: 1, c: 2 }, 'a'],
    [{ a: NaN, b: NaN, c: 5 }, 'c'],
    [{ a: NaN, b: NaN, c: NaN }, 'a'],
  ])('choose(%j) → %s', (scores, name) => {
    const cands = ['a', 'b', 'c'].map((n) => ({ name: n, make: () => constantModel(0) }));
    expect(choose(scores, cands).name).toBe(name);
  });

  it('a model needing dates is skipped on a series without them', () => {
    const y = Array.from({ length: 70 }, (_, t) => week[t % 7] as number);
    expect(Number.isNaN(backtest({ y, period: 7 }, DAILY_CANDIDATES).calendar_holt_winters)).toBe(true);
  });
});

describe('AutoForecaster', () => {
  it('picks the calendar model for a series with calendar lifts, and seasonal naive for an exact cycle', () => {
    const lift: Record<string, number> = { eid: 2, pre_eid: 1.5, ramadan: 1.3, pre_ramadan: 1.2 };
    const n = 480; // 2024-01-01 … 2025-04-24: Eid al-Fitr 2025 falls inside the backtest origins
    const ds = Array.from({ length: n }, (_, t) => addDaysIso('2024-01-01', t));
    const cal: Series = { y: ds.map((d, t) => (week[t % 7] as number) * (lift[dayClass(d)] ?? 1)), ds, period: 7 };
    const auto = new AutoForecaster(DAILY_CANDIDATES, { horizon: 28, origins: 4, every: 7 }).fit(cal);
    expect(auto.name).toBe('calendar_holt_winters');
    expect(auto.scores.calendar_holt_winters).toBeLessThan(auto.scores.seasonal_naive as number);

    const plain: Series = { y: ds.map((_, t) => week[t % 7] as number), ds, period: 7 };
    expect(new AutoForecaster().fit(plain).name).toBe('seasonal_naive');
  });
});

describe('choose with a preferred candidate', () => {
  const cands = ['a', 'b', 'pref'].map((n) => ({ name: n, make: () => constantModel(0) }));
  it.each([
    [{ a: 9.5, b: 12, pref: 10 }, 'pref'],
    [{ a: 8.9, b: 12, pref: 10 }, 'a'],
    [{ a: 9, b: 12, pref: NaN }, 'a'],
    [{ a: 11, b: 12, pref: 10 }, 'pref'],
  ])('choose(%j, pref, 10%%) → %s', (scores, name) => expect(choose(scores, cands, 'pref', 0.1).name).toBe(name));
});

describe('an ensemble candidate scored from its members', () => {
  it('scores what fitting the ensemble itself would score', () => {
    const ds = Array.from({ length: 200 }, (_, t) => addDaysIso('2024-01-01', t));
    const y = ds.map((d, t) => (week[t % 7] as number) * (dayClass(d) === 'ramadan' ? 1.4 : 1) + ((t * 7919) % 11) - 5);
    const [cands, refit] = [candidatesWithPooled({ ramadan: 1.4 }), candidatesWithPooled({ ramadan: 1.4 })];
    const ens = refit.find((c) => c.name === PREFERRED);
    if (!ens) throw new Error('no ensemble candidate');
    delete ens.meanOf;
    const fast = backtest({ y, ds, period: 7 }, cands);
    const slow = backtest({ y, ds, period: 7 }, refit);
    expect(fast[PREFERRED]).toBeCloseTo(slow[PREFERRED] as number, 9);
    expect(Object.keys(fast)).toEqual(['seasonal_naive', 'holt_winters', 'pooled_calendar_holt_winters', PREFERRED]);
  });
});
