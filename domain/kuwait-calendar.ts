/**
 * Kuwait's business calendar: Gregorian day, Umm al-Qura Hijri date, Ramadan and Eid,
 * public holidays and working days. One source for the simulator, the models and dim_date,
 * so a "Ramadan day" means the same thing in every layer.
 */

export type EidName = 'fitr' | 'adha';

export interface KuwaitDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  isWeekend: boolean;
  hijriYear: number;
  hijriMonth: number;
  hijriDay: number;
  isRamadan: boolean;
  isEid: boolean;
  eidName: EidName | null;
  isPublicHoliday: boolean;
  holidayName: string | null;
  isWorkingDay: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// The calendar is formatted in UTC on purpose: a business date has no time of day, and
// formatting at UTC midnight keeps the Hijri date independent of the machine's zone.
const hijriFormat = new Intl.DateTimeFormat('en-US-u-ca-islamic-umalqura-nu-latn', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

const RAMADAN = 9;
const SHAWWAL = 10;
const DHU_AL_HIJJAH = 12;

/** Fixed Gregorian holidays, keyed MM-DD. */
const GREGORIAN_HOLIDAYS: Record<string, string> = {
  '01-01': "New Year's Day",
  '02-25': 'National Day',
  '02-26': 'Liberation Day',
};

/** Hijri holidays, keyed month-day. Eid days are added separately. */
const HIJRI_HOLIDAYS: Record<string, string> = {
  '1-1': 'Islamic New Year',
  '3-12': "Prophet's Birthday",
  '7-27': "Isra and Mi'raj",
  '12-9': 'Arafat Day',
};

export function parseIsoDate(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date (YYYY-MM-DD): "${isoDate}"`);
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new Error(`Not a calendar date: "${isoDate}"`);
  }
  return date;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(isoDate).getTime() + days * DAY_MS));
}

export function hijriParts(isoDate: string): { year: number; month: number; day: number } {
  const parts = hijriFormat.formatToParts(parseIsoDate(isoDate));
  const pick = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

function eidOf(month: number, day: number): EidName | null {
  if (month === SHAWWAL && day <= 3) return 'fitr';
  if (month === DHU_AL_HIJJAH && day >= 10 && day <= 12) return 'adha';
  return null;
}

export function kuwaitDay(isoDate: string): KuwaitDay {
  const date = parseIsoDate(isoDate);
  const dayOfWeek = ((date.getUTCDay() + 6) % 7) + 1;
  // Kuwait's weekend is Friday (5) and Saturday (6).
  const isWeekend = dayOfWeek === 5 || dayOfWeek === 6;
  const hijri = hijriParts(isoDate);
  const eidName = eidOf(hijri.month, hijri.day);
  const holidayName =
    (eidName === 'fitr' ? 'Eid al-Fitr' : eidName === 'adha' ? 'Eid al-Adha' : null) ??
    HIJRI_HOLIDAYS[`${hijri.month}-${hijri.day}`] ??
    GREGORIAN_HOLIDAYS[isoDate.slice(5)] ??
    null;
  const isPublicHoliday = holidayName !== null;
  return {
    date: isoDate,
    dayOfWeek,
    isWeekend,
    hijriYear: hijri.year,
    hijriMonth: hijri.month,
    hijriDay: hijri.day,
    isRamadan: hijri.month === RAMADAN,
    isEid: eidName !== null,
    eidName,
    isPublicHoliday,
    holidayName,
    isWorkingDay: !isWeekend && !isPublicHoliday,
  };
}

/** Every day from start to end, both included. */
export function kuwaitDays(startIso: string, endIso: string): KuwaitDay[] {
  const start = parseIsoDate(startIso).getTime();
  const end = parseIsoDate(endIso).getTime();
  if (end < start) throw new Error(`Calendar range ends (${endIso}) before it starts (${startIso})`);
  const days: KuwaitDay[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(kuwaitDay(toIsoDate(new Date(t))));
  return days;
}

/**
 * Working days strictly after `fromIso` up to and including `toIso`: the count a
 * controller means by "stalled more than two working days".
 */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  if (toIso <= fromIso) return 0;
  return kuwaitDays(addDays(fromIso, 1), toIso).filter((day) => day.isWorkingDay).length;
}
