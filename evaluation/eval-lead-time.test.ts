import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../ml/dates';
import { BASELINE_DAYS, leadHours, shelvesEmptyAt, shelvesEmptyDay } from './eval-lead-time';

const onset = '2026-06-15';
/** `before` stock-outs on every baseline day (one day at `peak`), then `after` by day from onset. */
function counts(before: number, peak: number, after: number[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 1; k <= BASELINE_DAYS; k++) m.set(addDaysIso(onset, -k), k === 10 ? peak : before);
  after.forEach((n, k) => m.set(addDaysIso(onset, k), n));
  return m;
}

describe('shelvesEmptyDay', () => {
  it.each([
    ['the first day above every ordinary day', counts(2, 5, [3, 5, 5, 9]), '2026-06-18'],
    ['the onset day itself', counts(1, 1, [2]), '2026-06-15'],
    ['never, when no day beats the baseline', counts(2, 7, [7, 7, 7, 7, 7, 7, 7]), null],
    ['not past the end', counts(0, 0, [0, 0, 0, 0, 0, 0, 0, 0, 4]), null],
  ])('%s', (_, c, day) => expect(shelvesEmptyDay(c, onset, addDaysIso(onset, 6))).toBe(day));
});

describe('leadHours', () => {
  it.each([
    ['2026-06-15 10:00', '2026-06-17', 38],
    ['2026-06-17 00:00', '2026-06-17', 0],
    ['2026-06-17 15:00', '2026-06-17', -15],
    ['2026-06-17 10:00', '2026-06-17 16:00', 6],
  ])('alert %s, shelves empty %s → %d h', (opened, day, hours) => expect(leadHours(opened, day)).toBe(hours));
});

describe('shelvesEmptyAt', () => {
  it.each([
    ['the third shelf to empty when ordinary days saw two', [20, 9, 14, 12], 2, '2026-06-17 14:00'],
    ['the first when ordinary days saw none', [18, 11], 0, '2026-06-17 11:00'],
    ['the day start when the hours are unknown', [], 3, '2026-06-17 00:00'],
  ])('%s', (_, hours, ordinary, at) => expect(shelvesEmptyAt('2026-06-17', hours, ordinary)).toBe(at));
});
