/**
 * The monthly stocktake: on the month's last Thursday every site is counted after closing.
 * The co-op's book is the physical stock plus what went missing unrecorded since the last
 * count (`drift`); the count finds the physical stock, now and then one unit too many, and
 * the co-op posts the variance, so afterwards the book differs from the shelf only by the
 * miscounts.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Random } from '../random';

/** Share of count lines where the counter is one unit off. */
const MISCOUNT_RATE = 0.015;

export function isCountDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 4 && addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
}

export interface CountLine {
  book: number;
  counted: number;
}

/** Counts one site-product: returns book and counted and leaves the posted drift in `drift[k]`. */
export function countLine(physical: number, drift: Int32Array, k: number, random: Random): CountLine {
  const book = physical + (drift[k] as number);
  let counted = physical;
  // A miscount is a unit counted twice: the book then runs one above the shelf, never below
  // zero, and the next count shows it as a loss of one.
  if (physical > 0 && random.chance(MISCOUNT_RATE)) counted = physical + 1;
  drift[k] = counted - physical;
  return { book, counted };
}
