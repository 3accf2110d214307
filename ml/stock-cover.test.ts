import { describe, expect, it } from 'vitest';
import { daysOfCover, stockoutDate } from './stock-cover';

describe('daysOfCover', () => {
  it.each([
    ['runs out midway through day 3', 25, [10, 10, 10, 10], 2.5],
    ['exactly at the end of day 2', 20, [10, 10, 10], 2],
    ['no stock', 0, [10], 0],
    ['beyond the horizon: the mean carries on', 50, [10, 10], 5],
    ['nothing selling', 50, [0, 0], null],
    ['a quiet day is skipped', 15, [10, 0, 10], 2.5],
  ])('%s', (_n, stock, f, cover) => {
    const c = daysOfCover(stock as number, f as number[]);
    if (cover === null) expect(c).toBeNull();
    else expect(c).toBeCloseTo(cover as number, 12);
  });
});

describe('stockoutDate', () => {
  it.each([
    [0.4, '2025-06-02'],
    [2.5, '2025-06-04'],
    [null, null],
  ])('cover %d from 2025-06-01 → %s', (cover, date) => expect(stockoutDate('2025-06-01', cover)).toBe(date));
});
