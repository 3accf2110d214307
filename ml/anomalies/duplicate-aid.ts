import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import { hasMart } from '../warehouse';
import type { Anomaly } from './anomaly';

export interface AidPayment {
  /** the paying charity (the feed's sender) */
  charityId: string;
  paymentId: string;
  caseId: string;
  civilId: string;
  aidType: string;
  date: string;
  amountKwd: number;
}

/**
 * Days within which a second payment of the same aid to the same person is a duplicate:
 * shorter than a month, since monthly family aid may fall 28 days apart (Jan 31, Feb 28).
 */
export const SAME_AID_DAYS = 21;

/**
 * Aid paid twice: the same person (civil ID) paid the same type of aid again within 21
 * days, by another charity (the central aid system exists to stop this) or by the same
 * one under another payment. One case per extra payment, its amount at stake; the civil
 * ID stays out of the case (the case and payment ids drill to it).
 */
export function findDuplicateAid(payments: AidPayment[]): Anomaly[] {
  const byPerson = new Map<string, AidPayment[]>();
  for (const p of payments) {
    const key = `${p.civilId}|${p.aidType}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), p]);
  }
  const out: Anomaly[] = [];
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date) || a.paymentId.localeCompare(b.paymentId));
    for (let i = 1; i < list.length; i++) {
      const p = list[i] as AidPayment;
      const first = list
        .slice(0, i)
        .find((e) => e.paymentId !== p.paymentId && daysBetweenIso(e.date, p.date) <= SAME_AID_DAYS);
      if (!first) continue;
      const across = first.charityId !== p.charityId;
      out.push({
        kind: 'duplicate_aid',
        coopId: p.charityId,
        governorateId: null,
        siteId: null,
        productId: null,
        startDate: first.date,
        endDate: p.date,
        score: (across ? 11 : 9) + Math.log10(1 + p.amountKwd),
        valueAtStakeKwd: p.amountKwd,
        observed: p.amountKwd,
        expected: 0,
        detail: `${p.aidType} paid again${across ? ` by another charity (${first.charityId})` : ''}: payment ${p.paymentId} on case ${p.caseId} after payment ${first.paymentId} on case ${first.caseId}`,
      });
    }
  }
  return out;
}

/** Aid payments (fct_aid_disbursements: current batches, each payment once), in the window ending at asOf plus the SAME_AID_DAYS before it. */
export async function loadAidPayments(con: DuckDBConnection, asOf: string, days: number): Promise<AidPayment[]> {
  if (!(await hasMart(con, 'fct_aid_disbursements'))) return [];
  const r = await con.runAndReadAll(`
    SELECT coop_id, payment_id, case_id, civil_id, aid_type, CAST(payment_date AS VARCHAR), CAST(amount_kwd AS DOUBLE)
    FROM wh.marts.fct_aid_disbursements
    WHERE payment_date BETWEEN DATE ${sqlString(addDaysIso(asOf, -(days - 1) - SAME_AID_DAYS))} AND DATE ${sqlString(asOf)}`);
  return r.getRows().map(([charityId, paymentId, caseId, civilId, aidType, d, amount]) => ({
    charityId: String(charityId),
    paymentId: String(paymentId),
    caseId: String(caseId),
    civilId: String(civilId),
    aidType: String(aidType),
    date: String(d),
    amountKwd: Number(amount),
  }));
}
