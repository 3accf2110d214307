import { addDays, kuwaitDay, type KuwaitDay } from '../../domain/kuwait-calendar';

/**
 * One calendar class per day, the strongest effect winning, so a day's demand multiplier
 * is one number the model can learn from a year of history. Order matters: Eid beats the
 * days before it, which beat Ramadan, and so on.
 */
export const DAY_CLASSES = ['eid', 'pre_eid', 'ramadan', 'pre_ramadan', 'holiday', 'salary', 'normal'] as const;
export type DayClass = (typeof DAY_CLASSES)[number];

/** Days before Ramadan in which households stock up. */
export const PRE_RAMADAN_DAYS = 10;
/** Days before Eid in which households shop for it (the eve). */
export const PRE_EID_DAYS = 1;
/**
 * Salary days: public-sector salaries land around the turn of the month, and shopping
 * rises from the last days of one month to the first days of the next.
 */
export const SALARY_DAYS_OF_MONTH = [29, 30, 31, 1, 2, 3];

const cache = new Map<string, KuwaitDay>();

/** kuwaitDay formats a Hijri date through Intl per call; series share dates, so memoise. */
export function day(iso: string): KuwaitDay {
  let d = cache.get(iso);
  if (!d) {
    d = kuwaitDay(iso);
    cache.set(iso, d);
  }
  return d;
}

const classCache = new Map<string, DayClass>();

export function dayClass(iso: string): DayClass {
  const hit = classCache.get(iso);
  if (hit) return hit;
  const d = day(iso);
  let c: DayClass = 'normal';
  if (d.isEid) c = 'eid';
  else if (Array.from({ length: PRE_EID_DAYS }, (_, k) => day(addDays(iso, k + 1)).isEid).some(Boolean)) c = 'pre_eid';
  else if (d.isRamadan) c = 'ramadan';
  else if (Array.from({ length: PRE_RAMADAN_DAYS }, (_, k) => day(addDays(iso, k + 1)).isRamadan).some(Boolean))
    c = 'pre_ramadan';
  else if (d.isPublicHoliday) c = 'holiday';
  else if (SALARY_DAYS_OF_MONTH.includes(Number(iso.slice(8, 10)))) c = 'salary';
  classCache.set(iso, c);
  return c;
}
