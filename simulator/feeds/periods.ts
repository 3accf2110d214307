/**
 * Batch periods of the low-volume feeds: weekly (Sunday–Saturday, dated the Saturday),
 * monthly and quarterly (dated the period's last day); the period holding the span's last
 * day is dated that day.
 */
import { addDays } from '../../domain/kuwait-calendar';

export type Cadence = 'weekly' | 'monthly' | 'quarterly';

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The last day of the period that holds `date`, clipped to `spanEnd`. */
export function periodEnd(date: string, cadence: Cadence, spanEnd: string): string {
  let end: string;
  if (cadence === 'weekly') {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday … 6 = Saturday
    end = addDays(date, 6 - dow);
  } else {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    end = lastDayOfMonth(year, cadence === 'monthly' ? month : Math.ceil(month / 3) * 3);
  }
  return end < spanEnd ? end : spanEnd;
}

/** Every period end from the one holding `from` up to `spanEnd`, in order. */
export function periodEnds(from: string, cadence: Cadence, spanEnd: string): string[] {
  const ends: string[] = [];
  for (let d = from; d <= spanEnd;) {
    const end = periodEnd(d, cadence, spanEnd);
    ends.push(end);
    d = addDays(end, 1);
  }
  return ends;
}
