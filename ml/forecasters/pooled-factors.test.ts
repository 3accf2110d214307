import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates';
import { dayClass } from '../calendar/day-class';
import { pooledFactors } from './pooled-factors';

describe('pooledFactors', () => {
  // 2024-01-01 … 2024-06-30: Ramadan 1445 (Mar 11 – Apr 9) and the days before it.
  const ds = Array.from({ length: 182 }, (_, t) => addDaysIso('2024-01-01', t));
  const lift: Record<string, number> = { ramadan: 1.5, pre_ramadan: 1.25 };
  const member = (scale: number, offset: number) => ({
    ds: ds.slice(offset),
    y: ds.slice(offset).map((d) => scale * (lift[dayClass(d)] ?? 1)),
  });

  it('learns the lifts from the members’ sum, members starting on different days', () => {
    const f = pooledFactors([member(3, 0), member(5, 20)]);
    expect(f.ramadan).toBeCloseTo(1.5, 9);
    expect(f.pre_ramadan).toBeCloseTo(1.25, 9);
  });

  it('uses only days before `end`', () => {
    expect(pooledFactors([member(3, 0)], '2024-03-01').ramadan).toBeUndefined();
  });
});
