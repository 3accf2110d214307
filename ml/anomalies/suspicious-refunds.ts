import type { Anomaly } from './anomaly';
import { SALES_RETURNS_ACCOUNT, type LedgerLine } from './ledger-lines';

/** Round amounts a till may require a supervisor above: refunds piling up just under one are the tell. */
export const ROUND_LIMITS_KWD = [5, 10, 20, 25, 50, 100];
/** "Just under" a limit: within this share below it. */
export const NEAR_LIMIT_SHARE = 0.15;
/** A cashier is a case from this robust z of refunded KWD against every cashier's... */
export const REFUND_Z = 4;
/** ...or from this z of refunds just under one round amount against other cashiers' share there... */
export const NEAR_LIMIT_Z = 4;
/** ...when also refunding more than most (z of refunded KWD at least this). */
export const NEAR_LIMIT_MIN_Z = 1;
/**
 * ...and only with this many refunds under that amount, making up this share of the
 * cashier's: one cashier in thousands lands 5 of 10 refunds in a band holding 7% of all
 * refunds by chance (the 5 KWD band), so a handful is noise across a country's tills.
 */
export const MIN_NEAR_LIMIT_REFUNDS = 10;
export const NEAR_LIMIT_MIN_SHARE = 0.4;
/** Either way with at least this many refunds (one big return is not a pattern). */
export const MIN_REFUNDS = 5;
/** Smallest spread of log totals: with few cashiers the MAD can be near zero. */
const MIN_LOG_SCALE = 0.25;

interface Cashier {
  coopId: string;
  governorateId: string | null;
  siteId: string;
  employeeId: string;
  refunds: LedgerLine[];
  total: number;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const inBand = (kwd: number, limit: number) => kwd >= limit * (1 - NEAR_LIMIT_SHARE) && kwd < limit;

/**
 * Refunds out of pattern, per cashier (the refund's counterparty) and site over the window
 * (debits to sales returns), against every other cashier. Two tells: refunding far more
 * than cashiers do (robust z of log KWD ≥ 4), or many refunds just under one round amount
 * (where a supervisor's approval starts) where other cashiers' refunds seldom fall
 * (binomial z ≥ 4; ≥ 10 such refunds, ≥ 40% of the cashier's; KWD z ≥ 1). At least 5 refunds either way. Score: the
 * KWD z plus half the near-limit z (capped at 12); at stake what the cashier refunded
 * beyond the median cashier. The detail names the employee and the batches.
 */
export function findSuspiciousRefunds(lines: LedgerLine[]): Anomaly[] {
  const cashiers = new Map<string, Cashier>();
  for (const l of lines) {
    if (l.account !== SALES_RETURNS_ACCOUNT || l.debitKwd <= 0 || !l.counterparty) continue;
    const key = `${l.coopId}|${l.costCenter}|${l.counterparty}`;
    let c = cashiers.get(key);
    if (!c)
      cashiers.set(
        key,
        (c = {
          coopId: l.coopId,
          governorateId: l.governorateId,
          siteId: l.costCenter,
          employeeId: l.counterparty,
          refunds: [],
          total: 0,
        }),
      );
    c.refunds.push(l);
    c.total += l.debitKwd;
  }
  const all = [...cashiers.values()];
  if (all.length === 0) return [];
  const logs = all.map((c) => Math.log1p(c.total));
  const mid = median(logs);
  const scale = Math.max(MIN_LOG_SCALE, 1.4826 * median(logs.map((v) => Math.abs(v - mid))));
  const typicalTotal = median(all.map((c) => c.total));
  const refundCount = all.reduce((n, c) => n + c.refunds.length, 0);
  const bandCount = new Map(
    ROUND_LIMITS_KWD.map((L) => [
      L,
      all.reduce((n, c) => n + c.refunds.filter((r) => inBand(r.debitKwd, L)).length, 0),
    ]),
  );
  const out: Anomaly[] = [];
  for (const c of all) {
    const n = c.refunds.length;
    if (n < MIN_REFUNDS) continue;
    const z = (Math.log1p(c.total) - mid) / scale;
    // The round amount this cashier's refunds crowd under most unlikely, given the share of
    // the other cashiers' refunds there (smoothed: an empty band is rare, not impossible).
    let limit = ROUND_LIMITS_KWD[0] as number;
    let near = 0;
    let nearZ = -Infinity;
    let othersShare = 0;
    for (const L of ROUND_LIMITS_KWD) {
      const k = c.refunds.filter((r) => inBand(r.debitKwd, L)).length;
      const p = ((bandCount.get(L) as number) - k + 1) / (refundCount - n + 2);
      const zL = (k - n * p) / Math.sqrt(n * p * (1 - p));
      if (zL > nearZ) [limit, near, nearZ, othersShare] = [L, k, zL, p];
    }
    const underLimit = nearZ >= NEAR_LIMIT_Z && near >= MIN_NEAR_LIMIT_REFUNDS && near >= NEAR_LIMIT_MIN_SHARE * n;
    if (z < REFUND_Z && !(underLimit && z >= NEAR_LIMIT_MIN_Z)) continue;
    const run = (underLimit ? c.refunds.filter((r) => inBand(r.debitKwd, limit)) : c.refunds).map((r) => r.date).sort();
    const batches = [...new Set(c.refunds.map((r) => r.batchId))].sort();
    out.push({
      kind: 'suspicious_refunds',
      coopId: c.coopId,
      governorateId: c.governorateId,
      siteId: c.siteId !== c.coopId ? c.siteId : null,
      productId: null,
      startDate: run[0] as string,
      endDate: run.at(-1) as string,
      score: z + (underLimit ? Math.min(nearZ, 12) / 2 : 0),
      valueAtStakeKwd: Math.max(0, c.total - typicalTotal),
      observed: c.total,
      expected: typicalTotal,
      detail:
        `cashier ${c.employeeId}: ${n} refunds, ${c.total.toFixed(3)} KWD (median cashier ${typicalTotal.toFixed(3)} KWD)` +
        (underLimit
          ? `; ${near} just under ${limit} KWD (${Math.round((near / n) * 100)}% against ${(othersShare * 100).toFixed(1)}% of other cashiers' refunds)`
          : '') +
        `; batches ${batches.join(' ')}`,
    });
  }
  return out;
}
