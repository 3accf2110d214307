/**
 * A co-op's requests to the ministry and their status changes. Each side normally acts
 * within two working days; a few steps are planted to stall longer, and the truth lists
 * every status held more than two working days (`workingDaysBetween`).
 */
import { kuwaitDays, workingDaysBetween } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import { detail, type TruthEvent } from '../truth-event';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';
import { timeOn } from './people';

const TYPES = [
  'budget_approval',
  'board_minutes',
  'tender_approval',
  'branch_license',
  'price_list_approval',
  'membership_audit',
  'aid_budget_transfer',
];
const STALL_RATE = 0.05;
const FINAL = new Set(['approved', 'rejected']);

interface Step {
  status: string;
  actor: 'coop' | 'ministry';
  at: string;
}

export function transactionFeed(
  coop: WorldCoop,
  firstDay: string,
  endDate: string,
  random: Random,
): { rows: Array<{ date: string; row: Cell[] }>; events: TruthEvent[] } {
  const days = kuwaitDays(firstDay, endDate);
  const workingAfter = (date: string, k: number): string => {
    // The k-th working day after `date` (k = 0: the same day), looking past the span if needed.
    let d = date;
    for (let left = k; left > 0;) {
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (kuwaitDays(d, d)[0]?.isWorkingDay) left--;
    }
    return d;
  };
  const rows: Array<{ date: string; row: Cell[] }> = [];
  const events: TruthEvent[] = [];
  let seq = 0;
  for (const day of days) {
    if (!day.isWorkingDay) continue;
    for (let n = random.poisson(0.3); n > 0; n--) {
      const id = `T-${coop.coopId}-${String(++seq).padStart(4, '0')}`;
      const type = random.pick(TYPES);
      const steps: Step[] = [{ status: 'submitted', actor: 'coop', at: timeOn(day.date, random, 8, 14) }];
      const next = (status: string, actor: Step['actor']): void => {
        const prev = steps[steps.length - 1] as Step;
        const stall = random.chance(STALL_RATE);
        const k = stall ? random.int(3, 15) : random.pick([0, 1, 1, 2]);
        let date = workingAfter(prev.at.slice(0, 10), k);
        let at = timeOn(date, random, 8, 14);
        if (at <= prev.at) {
          date = workingAfter(date, 1);
          at = timeOn(date, random, 8, 14);
        }
        steps.push({ status, actor, at });
      };
      next('under_review', 'ministry');
      while (random.chance(0.25) && steps.length < 9) {
        next('returned', 'ministry');
        next('resubmitted', 'coop');
        next('under_review', 'ministry');
      }
      next(random.chance(0.88) ? 'approved' : 'rejected', 'ministry');
      const sent = steps.filter((s) => s.at.slice(0, 10) <= endDate);
      for (const s of sent)
        rows.push({ date: s.at.slice(0, 10), row: [coop.coopId, id, type, s.status, s.at, s.actor] });
      sent.forEach((s, i) => {
        if (FINAL.has(s.status)) return;
        const until = sent[i + 1]?.at.slice(0, 10) ?? endDate;
        const held = workingDaysBetween(s.at.slice(0, 10), until);
        if (held <= 2) return;
        events.push({
          event_type: 'stalled_transaction',
          coop_id: coop.coopId,
          governorate_id: coop.governorateId,
          site_id: '',
          product_scope: '',
          start_date: s.at.slice(0, 10),
          end_date: until,
          detail: detail({
            transaction_id: id,
            status: s.status,
            working_days: held,
            open: sent[i + 1] ? 'no' : 'yes',
          }),
        });
      });
    }
  }
  rows.sort((a, b) => (a.row[4] as string).localeCompare(b.row[4] as string));
  return { rows, events };
}
