import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../ml/dates';
import { forecastScores } from './forecast-eval';

describe('forecastScores', () => {
  it('scales seasonal naive by its in-sample error, and skips short or flat series', () => {
    // y alternates week to week between the pattern and the pattern + 2: the in-sample weekly
    // naive error is 2 everywhere. The forecast repeats the last (+2) week for four weeks, so
    // it misses by 2, 0, 2, 0 per week: MAE 1, MASE 0.5.
    const week = [5, 6, 7, 8, 9, 3, 4];
    const n = 140;
    const ds = Array.from({ length: n }, (_, t) => addDaysIso('2025-01-01', t));
    const y = ds.map((_, t) => (week[t % 7] as number) + (Math.floor(t / 7) % 2 ? 2 : 0));
    const flat = { ds, y: ds.map(() => 3) };
    const short = { ds: ds.slice(0, 40), y: y.slice(0, 40) };
    const scores = forecastScores([{ ds, y }, flat, short], [ds[n - 28] as string], 28);
    const naive = scores.find((s) => s.name === 'seasonal_naive');
    // Its interval is ±z·2·√(weeks ahead): at 90% (z 1.645) every miss of 2 is inside.
    expect(naive).toEqual({ name: 'seasonal_naive', mase: 0.5, coverage: 1, n: 1 });
    expect(scores.map((s) => s.name)).toEqual([
      'seasonal_naive',
      'holt_winters',
      'calendar_holt_winters',
      'auto (backtest choice)',
    ]);
    // At 50% (z 0.674) the first week's band, ±1.35, misses its 7 days off by 2; the
    // third week's, ±2.34, holds them; weeks two and four are exact.
    const half = forecastScores([{ ds, y }], [ds[n - 28] as string], 28, 0.5).find((s) => s.name === 'seasonal_naive');
    expect(half?.coverage).toBe(21 / 28);
  });

  it('scores the pooled models and the plain calendar model for grouped series', () => {
    const week = [5, 6, 7, 8, 9, 3, 4];
    const ds = Array.from({ length: 120 }, (_, t) => addDaysIso('2025-01-01', t));
    const member = (k: number) => ({ ds, y: ds.map((_, t) => k * (week[t % 7] as number) + (t % 3)), group: 'g' });
    const names = forecastScores([member(1), member(2)], [ds[92] as string], 28).map((s) => s.name);
    expect(names).toEqual([
      'seasonal_naive',
      'holt_winters',
      'pooled_calendar_holt_winters',
      'hw_calendar_ensemble',
      'calendar_holt_winters',
      'auto (backtest choice)',
    ]);
  });
});
