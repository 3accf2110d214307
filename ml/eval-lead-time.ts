import { addDaysIso } from './dates';

/** Stocked-out shelves (site × product days with lost sales) per day in one governorate × category. */
export type DailyStockOuts = ReadonlyMap<string, number>;

/** Days before a surge's onset whose stock-outs count as ordinary. */
export const BASELINE_DAYS = 28;

/**
 * The day shelves start to empty because of a surge: the first day from its onset with more
 * stocked-out shelves than on any of the BASELINE_DAYS before it (ordinary stock-outs of
 * the long tail happen every day and say nothing). Null when that never happens by `end`.
 */
export function shelvesEmptyDay(counts: DailyStockOuts, onset: string, end: string): string | null {
  let ordinaryMax = 0;
  for (let k = 1; k <= BASELINE_DAYS; k++) ordinaryMax = Math.max(ordinaryMax, counts.get(addDaysIso(onset, -k)) ?? 0);
  for (let d = onset; d <= end; d = addDaysIso(d, 1)) if ((counts.get(d) ?? 0) > ordinaryMax) return d;
  return null;
}

/**
 * Hours from an alert's opening to the start of the day shelves began to empty (the truth is
 * daily, so the day's first hour is the conservative reading); negative when the alert came
 * later. `openedAt` is `YYYY-MM-DD HH:00` Kuwait wall clock.
 */
export function leadHours(openedAt: string, emptyDay: string): number {
  const opened = Date.parse(`${openedAt.replace(' ', 'T')}:00Z`);
  return (Date.parse(`${emptyDay}T00:00:00Z`) - opened) / 3_600_000;
}
