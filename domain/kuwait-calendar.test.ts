import { describe, expect, it } from 'vitest';
import { addDays, kuwaitDay, kuwaitDays, parseIsoDate, workingDaysBetween } from './kuwait-calendar';

describe('kuwaitDay', () => {
  // Umm al-Qura dates as published for 1446 AH and 1447 AH.
  it.each([
    { date: '2025-02-28', isRamadan: false, hijriMonth: 8, hijriDay: 29 },
    { date: '2025-03-01', isRamadan: true, hijriMonth: 9, hijriDay: 1 },
    { date: '2025-03-29', isRamadan: true, hijriMonth: 9, hijriDay: 29 },
    { date: '2025-03-30', isRamadan: false, hijriMonth: 10, hijriDay: 1 },
    { date: '2026-02-18', isRamadan: true, hijriMonth: 9, hijriDay: 1 },
  ])('$date is Hijri month $hijriMonth day $hijriDay', ({ date, isRamadan, hijriMonth, hijriDay }) => {
    const day = kuwaitDay(date);
    expect(day.isRamadan).toBe(isRamadan);
    expect(day.hijriMonth).toBe(hijriMonth);
    expect(day.hijriDay).toBe(hijriDay);
  });

  it.each([
    { date: '2025-03-30', eidName: 'fitr' },
    { date: '2025-04-01', eidName: 'fitr' },
    { date: '2025-04-02', eidName: null },
    { date: '2025-06-06', eidName: 'adha' },
    { date: '2025-06-08', eidName: 'adha' },
    { date: '2025-06-09', eidName: null },
  ])('$date eid is $eidName', ({ date, eidName }) => {
    const day = kuwaitDay(date);
    expect(day.eidName).toBe(eidName);
    expect(day.isEid).toBe(eidName !== null);
  });

  it.each([
    { date: '2025-06-12', dayOfWeek: 4, isWeekend: false, isWorkingDay: true }, // Thursday
    { date: '2025-06-13', dayOfWeek: 5, isWeekend: true, isWorkingDay: false }, // Friday
    { date: '2025-06-14', dayOfWeek: 6, isWeekend: true, isWorkingDay: false }, // Saturday
    { date: '2025-06-15', dayOfWeek: 7, isWeekend: false, isWorkingDay: true }, // Sunday
    { date: '2025-02-25', dayOfWeek: 2, isWeekend: false, isWorkingDay: false }, // National Day
    { date: '2025-06-05', dayOfWeek: 4, isWeekend: false, isWorkingDay: false }, // Arafat Day
  ])('$date weekday $dayOfWeek working=$isWorkingDay', ({ date, dayOfWeek, isWeekend, isWorkingDay }) => {
    const day = kuwaitDay(date);
    expect(day.dayOfWeek).toBe(dayOfWeek);
    expect(day.isWeekend).toBe(isWeekend);
    expect(day.isWorkingDay).toBe(isWorkingDay);
  });

  it('names the holiday', () => {
    expect(kuwaitDay('2025-02-26').holidayName).toBe('Liberation Day');
    expect(kuwaitDay('2025-06-06').holidayName).toBe('Eid al-Adha');
    expect(kuwaitDay('2025-06-10').holidayName).toBeNull();
  });
});

describe('dates', () => {
  it.each(['2025-13-01', '2025-02-30', '25-01-01', ''])('rejects %j', (bad) => {
    expect(() => parseIsoDate(bad)).toThrow(/date/);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('lists a range inclusively and refuses a backwards one', () => {
    expect(kuwaitDays('2025-01-30', '2025-02-02').map((d) => d.date)).toEqual([
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(() => kuwaitDays('2025-02-02', '2025-01-30')).toThrow(/before/);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    { from: '2025-06-11', to: '2025-06-12', expected: 1 }, // Wed → Thu
    { from: '2025-06-12', to: '2025-06-15', expected: 1 }, // Thu → Sun over the weekend
    { from: '2025-06-12', to: '2025-06-16', expected: 2 },
    { from: '2025-06-04', to: '2025-06-10', expected: 2 }, // over Arafat, Eid al-Adha and a weekend
    { from: '2025-06-12', to: '2025-06-12', expected: 0 },
  ])('$from → $to is $expected', ({ from, to, expected }) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });
});
