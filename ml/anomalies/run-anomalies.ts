import type { DuckDBConnection } from '@duckdb/node-api';
import { writeRun, type Cell } from '../lake-writer';
import { rankAnomalies, uniqueAnomalyIds, type Anomaly } from './anomaly';
import { findFeedProblems, loadFeedDays } from './feed-health';
import { findGouging, loadPriceDays } from './price-gouging';
import { findShrinkage, loadCountLines, SHRINKAGE_WINDOW_DAYS } from './shrinkage';
import {
  findDuplicateInvoices,
  findUnmatchedDeliveries,
  loadDeliveryLines,
  loadLastSales,
  SOLD_BEFORE_DAYS,
} from './deliveries';
import { findDuplicateAid, loadAidPayments } from './duplicate-aid';
import { addDaysIso } from '../dates';
import { loadLedgerLines, PAYABLE_ACCOUNT, SALES_RETURNS_ACCOUNT } from './ledger-lines';
import { findDuplicateLedgerInvoices } from './duplicate-ledger-invoice';
import { findSuspiciousRefunds } from './suspicious-refunds';

/** Days before the window whose ledger bookings a duplicate inside it may repeat. */
export const LEDGER_LOOKBACK_DAYS = 60;

export const ANOMALY_WINDOW_DAYS = 35;

/**
 * Every auditor check over the window ending at asOf, read from the published marts
 * (attached as `wh`), ranked. The checks over the stocktake, deliveries, aid and finance
 * feeds run when the warehouse holds their marts.
 */
export async function findAnomalies(
  con: DuckDBConnection,
  asOf: string,
  windowDays = ANOMALY_WINDOW_DAYS,
): Promise<Anomaly[]> {
  const found = [
    ...findGouging(await loadPriceDays(con, asOf, windowDays)),
    ...findFeedProblems(await loadFeedDays(con, asOf, windowDays), asOf),
    ...findShrinkage(await loadCountLines(con, asOf, Math.max(windowDays, SHRINKAGE_WINDOW_DAYS))),
    ...(await deliveryCases(con, asOf, windowDays)),
  ];
  // Payments and bookings from before the window are only there to be repeated inside it.
  const from = addDaysIso(asOf, -(windowDays - 1));
  found.push(...findDuplicateAid(await loadAidPayments(con, asOf, windowDays)).filter((a) => a.endDate >= from));
  found.push(...(await ledgerCases(con, asOf, from)));
  return rankAnomalies(found);
}

/** Deliveries nothing sold from since, and invoices used twice on the delivery notes. */
async function deliveryCases(con: DuckDBConnection, asOf: string, windowDays: number): Promise<Anomaly[]> {
  const deliveries = await loadDeliveryLines(con, asOf, windowDays);
  if (!deliveries.length) return [];
  const lastSales = await loadLastSales(con, asOf, addDaysIso(asOf, -(windowDays - 1) - SOLD_BEFORE_DAYS));
  return [...findUnmatchedDeliveries(deliveries, lastSales, asOf), ...findDuplicateInvoices(deliveries)];
}

/**
 * Finance ledger: invoices booked twice (the first booking may predate the window) and
 * cashiers' refunds against every cashier's in the window.
 */
async function ledgerCases(con: DuckDBConnection, asOf: string, from: string): Promise<Anomaly[]> {
  const ledger = await loadLedgerLines(con, addDaysIso(from, -LEDGER_LOOKBACK_DAYS), asOf, [
    PAYABLE_ACCOUNT,
    SALES_RETURNS_ACCOUNT,
  ]);
  if (!ledger.length) return [];
  return [
    ...findDuplicateLedgerInvoices(ledger.filter((l) => l.account === PAYABLE_ACCOUNT)).filter(
      (a) => a.endDate >= from,
    ),
    ...findSuspiciousRefunds(ledger.filter((l) => l.account === SALES_RETURNS_ACCOUNT && l.date >= from)),
  ];
}

export async function writeAnomalies(
  con: DuckDBConnection,
  lakeDir: string,
  runId: string,
  generatedAt: string,
  ranked: Anomaly[],
) {
  const ids = uniqueAnomalyIds(ranked);
  const rows = ranked.map((a, i): Cell[] => [
    ids[i] as string,
    a.kind,
    i + 1,
    a.coopId,
    a.governorateId,
    a.siteId,
    a.productId,
    a.startDate,
    a.endDate,
    a.score,
    a.valueAtStakeKwd,
    a.observed,
    a.expected,
    a.detail,
  ]);
  return writeRun(con, lakeDir, 'anomalies', runId, generatedAt, rows);
}
