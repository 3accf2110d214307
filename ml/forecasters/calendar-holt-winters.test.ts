import { describe, expect, it } from 'vitest';
import { dayClass } from '../calendar/day-class';
import { addDaysIso } from '../dates';
import { CalendarHoltWinters, estimateFactors } from './calendar-holt-winters';
import { HoltWinters } from './holt-winters';

const week = [20, 22, 24, 26, 30, 10, 12];
const lift: Record<string, number> = { eid: 2, pre_eid: 1.5, ramadan: 1.3, pre_ramadan: 1.2 };

// 2024-01-01 (a Monday) to 2025-05-24: two Ramadans and both Eids of 2024 in history.
const start = '2024-01-01';
const n = 510;
const ds = Array.from({ length: n + 28 }, (_, t) => addDaysIso(start, t));
const truth = ds.map((d, t) => (week[t % 7] as number) * (lift[dayClass(d)] ?? 1));

describe('estimateFactors', () => {
  it('recovers the multipliers planted on calendar days', () => {
    const f = estimateFactors(truth.slice(0, n), ds.slice(0, n).map(dayClass), 7);
    expect(f.eid).toBeCloseTo(2, 6);
    expect(f.pre_eid).toBeCloseTo(1.5, 6);
    expect(f.ramadan).toBeCloseTo(1.3, 6);
    expect(f.pre_ramadan).toBeCloseTo(1.2, 6);
    expect(f.holiday ?? 1).toBeCloseTo(1, 6);
    expect(f.salary ?? 1).toBeCloseTo(1, 6);
  });
});

describe('CalendarHoltWinters', () => {
  it('forecasts Eid al-Adha 2025 (June 6–8) from last year, where plain Holt-Winters cannot', () => {
    const series = { y: truth.slice(0, n), ds: ds.slice(0, n), period: 7 };
    expect(ds[n - 1]).toBe('2025-05-24');
    const cal = new CalendarHoltWinters().fit(series).predict(20);
    const plain = new HoltWinters().fit(series).predict(20);
    const actual = truth.slice(n, n + 20);
    const mae = (f: number[]) => f.reduce((a, v, k) => a + Math.abs(v - (actual[k] as number)), 0) / f.length;
    expect(mae(cal.yhat)).toBeLessThan(1e-6);
    expect(mae(plain.yhat)).toBeGreaterThan(1);
    const eid = ds.indexOf('2025-06-06') - n;
    expect(cal.yhat[eid]).toBeCloseTo(2 * (week[(n + eid) % 7] as number), 6);
  });

  it('refuses a series without dates', () => {
    expect(() => new CalendarHoltWinters().fit({ y: [1, 2, 3], period: 1 })).toThrow(/needs ds/);
  });
});
