import { dayMonthYear, kuwaitHourToUtc, kuwaitHourWithOffset, toArabicIndicDigits, todayInKuwait } from './kuwait-time';

describe('kuwait time', () => {
  it.each([
    ['2025-06-14', 18, '2025-06-14T15:00:00Z'],
    ['2025-06-14', 0, '2025-06-13T21:00:00Z'],
    ['2025-01-01', 2, '2024-12-31T23:00:00Z'],
  ])('%s hour %i in Kuwait is %s', (date, hour, utc) => {
    expect(kuwaitHourToUtc(date, hour)).toBe(utc);
  });

  it('formats dates the vendors way', () => {
    expect(kuwaitHourWithOffset('2025-06-14', 8)).toBe('2025-06-14T08:00:00+03:00');
    expect(dayMonthYear('2025-06-04')).toBe('04/06/2025');
    expect(toArabicIndicDigits('14/06/2025')).toBe('١٤/٠٦/٢٠٢٥');
  });

  it('takes today from the Kuwait clock, not UTC', () => {
    expect(todayInKuwait(new Date('2025-06-14T22:30:00Z'))).toBe('2025-06-15');
    expect(todayInKuwait(new Date('2025-06-14T20:30:00Z'))).toBe('2025-06-14');
  });
});
