import { addDays, kuwaitDays } from '../domain/kuwait-calendar';
import { calendarFactor, demandDays, hourProfile, hourShares } from './demand-shape';

const days = kuwaitDays('2025-02-10', '2025-04-10');
const shaped = demandDays(days, kuwaitDays(addDays('2025-04-10', 1), addDays('2025-04-10', 10)));
const on = (date: string) => shaped.find((d) => d.day.date === date)!;

describe('demand shape', () => {
  it('follows the Umm al-Qura Ramadan of 1446 (1 March – 29 March 2025) and Eid al-Fitr on 30 March', () => {
    expect(on('2025-03-01').day.isRamadan).toBe(true);
    expect(on('2025-02-28').day.isRamadan).toBe(false);
    expect(on('2025-03-30').day.eidName).toBe('fitr');
    expect(calendarFactor(on('2025-03-12'), 'dates') / calendarFactor(on('2025-04-09'), 'dates')).toBeGreaterThan(2.5);
  });

  it('lifts food by about 37% in the days before Ramadan', () => {
    expect(on('2025-02-24').daysToRamadan).toBe(5);
    const before = calendarFactor(on('2025-02-24'), 'food'); // Monday (25 February is National Day)
    const normal = calendarFactor(on('2025-02-10'), 'food'); // Monday, two weeks earlier
    expect(before / normal).toBeCloseTo(1.37, 2);
  });

  it('shifts shopping into the evening and night in Ramadan', () => {
    const night = (shares: number[]) => shares[20]! + shares[21]! + shares[22]! + shares[23]! + shares[0]!;
    expect(hourProfile(on('2025-03-12').day)).toBe('ramadan');
    expect(night(hourShares('ramadan'))).toBeGreaterThan(night(hourShares('normal')));
    expect(hourShares('normal')[3]).toBe(0);
  });

  it('makes the Friday–Saturday weekend busier than midweek', () => {
    expect(calendarFactor(on('2025-04-05'), 'food')).toBeGreaterThan(calendarFactor(on('2025-04-08'), 'food'));
  });
});
