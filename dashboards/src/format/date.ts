import { intlLocale, KUWAIT_TZ, type Lang } from './locale';

/**
 * Cube returns dates as local timestamps without a zone ("2025-06-30T00:00:00.000"), and the
 * warehouse's dates are Kuwait calendar days. Pin such values to Kuwait noon so that no
 * viewer's own time zone can move them to the neighbouring day.
 */
export function parseKuwaitDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(value);
  if (day) {
    const [, y, m, d, hh, mm, ss] = day;
    const time = hh === undefined ? '12:00:00' : `${hh}:${mm}:${ss ?? '00'}`;
    const parsed = new Date(`${y}-${m}-${d}T${time}+03:00`);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

// Month names rather than all-numeric dates: "06/07" is ambiguous between Kuwaiti and US readers.
const LONG_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

function fmt(lang: Lang, calendar: 'gregory' | 'islamic-umalqura', options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(`${intlLocale(lang)}-u-ca-${calendar}`, { timeZone: KUWAIT_TZ, ...options });
}

export function formatDate(value: string | Date, lang: Lang): string {
  const d = parseKuwaitDate(value);
  return d ? fmt(lang, 'gregory', LONG_DAY).format(d) : '—';
}

export function formatHijri(value: string | Date, lang: Lang): string {
  const d = parseKuwaitDate(value);
  return d ? fmt(lang, 'islamic-umalqura', LONG_DAY).format(d) : '—';
}

/** Gregorian with the Umm al-Qura date beside it, as Kuwaiti readers expect on official pages. */
export function formatDateWithHijri(value: string | Date, lang: Lang): string {
  const g = formatDate(value, lang);
  if (g === '—') return g;
  return `${g} (${formatHijri(value, lang)})`;
}

export function formatDateTime(value: string | Date, lang: Lang): string {
  const d = parseKuwaitDate(value);
  return d ? fmt(lang, 'gregory', { ...LONG_DAY, hour: '2-digit', minute: '2-digit' }).format(d) : '—';
}

/** Short axis labels: day and month only. */
export function formatDayMonth(value: string | Date, lang: Lang): string {
  const d = parseKuwaitDate(value);
  return d ? fmt(lang, 'gregory', { day: 'numeric', month: 'short' }).format(d) : '—';
}

/** The Kuwait calendar day of a value, as YYYY-MM-DD. */
export function kuwaitDay(value: string | Date): string | null {
  const d = parseKuwaitDate(value);
  if (!d) return null;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: KUWAIT_TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** A period's label at its grain: "Jun 30" for days and weeks (the week's first day), "June 2025" for months. */
export function formatPeriod(value: string | Date, grain: 'day' | 'week' | 'month', lang: Lang): string {
  if (grain !== 'month') return formatDayMonth(value, lang);
  const d = parseKuwaitDate(value);
  return d ? fmt(lang, 'gregory', { month: 'long', year: 'numeric' }).format(d) : '—';
}

/** A YYYY-MM-DD calendar day moved by whole days (no time zone involved). */
export function shiftDay(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** A value as an ISO instant on Kuwait's clock ("2025-06-18T13:00:00+03:00"), for `<time dateTime>`; Kuwait keeps +03:00 all year. */
export function kuwaitIso(value: string | Date): string | null {
  const d = parseKuwaitDate(value);
  if (!d) return null;
  return `${new Date(d.getTime() + 3 * 3_600_000).toISOString().slice(0, 19)}+03:00`;
}
