import { dayClass, type DayClass } from '../calendar/day-class';
import { addDaysIso } from '../dates';
import { estimateFactors } from './calendar-holt-winters';

/**
 * Calendar multipliers learnt on the sum of several daily series (a region × category's
 * branches), using days before `end` (exclusive) only.
 */
export function pooledFactors(
  members: readonly { ds: readonly string[]; y: readonly number[] }[],
  end?: string,
): Partial<Record<DayClass, number>> {
  const byDay = new Map<string, number>();
  let first = '';
  let last = '';
  for (const m of members) {
    m.ds.forEach((d, i) => {
      if (end !== undefined && d >= end) return;
      byDay.set(d, (byDay.get(d) ?? 0) + (m.y[i] as number));
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
    });
  }
  if (!first) return {};
  const ds: string[] = [];
  for (let d = first; d <= last; d = addDaysIso(d, 1)) ds.push(d);
  return estimateFactors(
    ds.map((d) => byDay.get(d) ?? 0),
    ds.map(dayClass),
    7,
  );
}
