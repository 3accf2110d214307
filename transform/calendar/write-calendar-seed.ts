/**
 * Writes transform/seeds/reference/ref_calendar.csv from the Kuwait calendar, so dim_date
 * (SQL) and the TypeScript layers agree on every Hijri date, Eid and working day.
 * Run with: npx tsx transform/calendar/write-calendar-seed.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kuwaitDays, type KuwaitDay } from '../../domain/kuwait-calendar';

export const CALENDAR_START = '2020-01-01';
export const CALENDAR_END = '2035-12-31';

const COLUMNS = [
  'date_day',
  'day_of_week',
  'is_weekend',
  'hijri_year',
  'hijri_month',
  'hijri_day',
  'is_ramadan',
  'is_eid',
  'eid_name',
  'is_public_holiday',
  'holiday_name',
  'is_working_day',
] as const;

function row(day: KuwaitDay): string {
  const values = [
    day.date,
    day.dayOfWeek,
    day.isWeekend,
    day.hijriYear,
    day.hijriMonth,
    day.hijriDay,
    day.isRamadan,
    day.isEid,
    day.eidName ?? '',
    day.isPublicHoliday,
    day.holidayName ? `"${day.holidayName}"` : '',
    day.isWorkingDay,
  ];
  return values.join(',');
}

export function calendarCsv(start = CALENDAR_START, end = CALENDAR_END): string {
  return [COLUMNS.join(','), ...kuwaitDays(start, end).map(row)].join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds', 'reference', 'ref_calendar.csv');
  writeFileSync(target, calendarCsv());
  console.log(`wrote ${target}`);
}
