/** Date helpers for business dates in Asia/Kuwait (UTC+3 all year, no DST). */

const KUWAIT_OFFSET_HOURS = 3;

export function todayInKuwait(now: Date = new Date()): string {
  return new Date(now.getTime() + KUWAIT_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

export function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** `dd/mm/yyyy`, as vendor B's systems print dates. */
export function dayMonthYear(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** The UTC instant (`…Z`) at which a Kuwait wall-clock hour starts. */
export function kuwaitHourToUtc(isoDate: string, hour: number): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`) + (hour - KUWAIT_OFFSET_HOURS) * 3_600_000;
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Kuwait wall-clock hour start with its offset, e.g. `2025-06-14T18:00:00+03:00`. */
export function kuwaitHourWithOffset(isoDate: string, hour: number): string {
  return `${isoDate}T${String(hour).padStart(2, '0')}:00:00+03:00`;
}

const ARABIC_INDIC = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] as string);
}
