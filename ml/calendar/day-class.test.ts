import { describe, expect, it } from 'vitest';
import { dayClass } from './day-class';

// Umm al-Qura: Ramadan 1446 began 2025-03-01, Eid al-Fitr 2025-03-30..04-01,
// Eid al-Adha 1446 2025-06-06..06-08; National Day 02-25.
describe('dayClass', () => {
  it.each([
    ['2025-03-30', 'eid'],
    ['2025-06-06', 'eid'],
    ['2025-03-29', 'pre_eid'],
    ['2025-06-05', 'pre_eid'],
    ['2025-03-28', 'ramadan'],
    ['2025-06-04', 'normal'],
    ['2025-03-10', 'ramadan'],
    ['2025-02-20', 'pre_ramadan'],
    ['2025-02-14', 'normal'],
    ['2025-02-18', 'normal'],
    ['2025-05-01', 'salary'],
    ['2025-05-30', 'salary'],
    ['2025-05-15', 'normal'],
    ['2025-02-25', 'pre_ramadan'],
    ['2025-01-01', 'holiday'],
  ])('%s is %s', (iso, c) => expect(dayClass(iso)).toBe(c));
});
