/**
 * Social aid paid by each co-op's social committee: monthly family support, Ramadan baskets,
 * Eid clothing, school bags, and now and then medical or rent help. Planted: a family paid
 * twice in one month by the same co-op, and a family on the books of two co-ops at once.
 */
import { kuwaitDays, type KuwaitDay } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';

export interface AidCase {
  caseId: string;
  civilId: string;
  monthlyFils: number;
  since: string;
}

export interface AidPayment {
  paymentId: string;
  caseId: string;
  civilId: string;
  aidType: string;
  date: string;
  amountFils: number;
}

export function aidPayments(
  coop: WorldCoop,
  cases: readonly AidCase[],
  firstDay: string,
  endDate: string,
  random: Random,
): AidPayment[] {
  // Working days are counted from the 1st of the month even when the span starts mid-month:
  // the committee's payday does not move because the data begins later, and counting from
  // the span start would pay a month twice (its real payday and a second one 6 days in).
  const days = kuwaitDays(`${firstDay.slice(0, 8)}01`, endDate);
  const payments: AidPayment[] = [];
  let seq = 0;
  const pay = (c: AidCase, aidType: string, date: string, amountFils: number): void => {
    payments.push({
      paymentId: `AP-${coop.coopId}-${String(++seq).padStart(6, '0')}`,
      caseId: c.caseId,
      civilId: c.civilId,
      aidType,
      date,
      amountFils,
    });
  };
  // The committee pays on its sixth working day of the month; seasonal help around the seasons.
  let workingInMonth = 0;
  let month = '';
  days.forEach((day: KuwaitDay, i) => {
    if (day.date.slice(0, 7) !== month) {
      month = day.date.slice(0, 7);
      workingInMonth = 0;
    }
    if (day.isWorkingDay) workingInMonth++;
    if (day.date < firstDay) return;
    const active = cases.filter((c) => c.since <= day.date);
    if (day.isWorkingDay && workingInMonth === 6) {
      for (const c of active) {
        pay(c, 'monthly_family', day.date, c.monthlyFils);
        if (random.chance(0.02)) pay(c, random.pick(['medical', 'rent']), day.date, random.int(100, 500) * 1000);
      }
    }
    if (day.isRamadan && day.hijriDay === 3)
      for (const c of active) pay(c, 'ramadan_basket', day.date, random.int(25, 40) * 1000);
    const eidAhead = days[i + 4];
    if (eidAhead?.isEid && !days[i + 3]?.isEid)
      for (const c of active) pay(c, 'eid_clothing', day.date, random.int(20, 60) * 1000);
    if (day.date.slice(5) === '09-01')
      for (const c of active) pay(c, 'school_bag', day.date, random.int(15, 25) * 1000);
  });
  return payments;
}

export function aidRows(coop: WorldCoop, payments: readonly AidPayment[]): Array<{ date: string; row: Cell[] }> {
  return payments
    .slice()
    .sort((a, b) => a.date.localeCompare(b.date) || a.paymentId.localeCompare(b.paymentId))
    .map((p) => ({
      date: p.date,
      row: [coop.coopId, p.paymentId, p.caseId, p.civilId, p.aidType, p.date, p.amountFils],
    }));
}
