import { addDaysIso } from '../ml/dates';

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
  const ordinary = ordinaryMax(counts, onset);
  for (let d = onset; d <= end; d = addDaysIso(d, 1)) if ((counts.get(d) ?? 0) > ordinary) return d;
  return null;
}

/** The most stocked-out shelves on any of the BASELINE_DAYS before onset. */
export function ordinaryMax(counts: DailyStockOuts, onset: string): number {
  let max = 0;
  for (let k = 1; k <= BASELINE_DAYS; k++) max = Math.max(max, counts.get(addDaysIso(onset, -k)) ?? 0);
  return max;
}

/**
 * The hour of that day by which more shelves had emptied than on any ordinary day: each
 * stocked-out shelf is empty from the hour after its last sale that day (`emptyFromHours`,
 * 0 when it sold nothing). `YYYY-MM-DD HH:00`, or the day's 00:00 when the hours are unknown.
 */
export function shelvesEmptyAt(day: string, emptyFromHours: readonly number[], ordinary: number): string {
  const sorted = [...emptyFromHours].sort((a, b) => a - b);
  const h = sorted[ordinary] ?? 0;
  return `${day} ${String(Math.min(23, h)).padStart(2, '0')}:00`;
}

/**
 * Hours from an alert's opening to when shelves began to empty (a day alone means its
 * 00:00); negative when the alert came later. Both `YYYY-MM-DD HH:00` Kuwait wall clock.
 */
export function leadHours(openedAt: string, emptyAt: string): number {
  const at = (s: string) => Date.parse(`${s.length === 10 ? `${s} 00:00` : s}`.replace(' ', 'T') + ':00Z');
  return (at(emptyAt) - at(openedAt)) / 3_600_000;
}
