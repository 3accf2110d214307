import { describe, expect, it } from 'vitest';
import { denseDaily, hourShares, profileOf } from './forecast-rows';

describe('denseDaily', () => {
  it('fills days without a row with zero', () => {
    const s = denseDaily(
      new Map([
        ['2025-05-01', 3],
        ['2025-05-03', 4],
      ]),
      '2025-05-01',
      '2025-05-04',
    );
    expect(s).toEqual({ ds: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04'], y: [3, 0, 4, 0] });
  });
});

describe('profileOf', () => {
  it.each([
    ['2025-05-14', 'normal'],
    ['2025-05-16', 'weekend'],
    ['2025-03-10', 'ramadan'],
  ])('%s → %s', (d, p) => expect(profileOf(d)).toBe(p));
});

describe('hourShares', () => {
  it('splits by kind of day and falls back to all days for an unseen kind', () => {
    // 2025-05-12 (Mon) … 2025-05-18 (Sun): weekdays sell at 10:00, the weekend (Fri, Sat) at 20:00.
    const hourly: number[] = [];
    for (let d = 0; d < 7; d++) {
      const weekend = d === 4 || d === 5;
      for (let h = 0; h < 24; h++) hourly.push(h === (weekend ? 20 : 10) ? 10 : 0);
    }
    const s = hourShares(hourly, '2025-05-12');
    expect(s.normal[10]).toBe(1);
    expect(s.weekend[20]).toBe(1);
    expect(s.ramadan[10]).toBeCloseTo(5 / 7, 12);
    expect(s.ramadan[20]).toBeCloseTo(2 / 7, 12);
  });
});
