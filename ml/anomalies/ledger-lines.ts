import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { hasMart } from '../warehouse';

/** One general-ledger line of the finance feed (docs/contracts.md, "finance"). */
export interface LedgerLine {
  coopId: string;
  governorateId: string | null;
  entryId: string;
  date: string;
  account: string;
  /** a site id, or the co-op id for head office */
  costCenter: string;
  debitKwd: number;
  creditKwd: number;
  documentNo: string;
  counterparty: string;
  batchId: string;
}

/** Suppliers payable: an invoice is booked as a credit to it and paid as a debit. */
export const PAYABLE_ACCOUNT = '2110';
/** Sales returns: a refund at the till is a debit to it (counterparty = the cashier). */
export const SALES_RETURNS_ACCOUNT = '4120';

/**
 * Ledger lines of the given accounts from fct_gl_lines (current batches of the finance
 * feed) dated from `from` to asOf.
 */
export async function loadLedgerLines(
  con: DuckDBConnection,
  from: string,
  asOf: string,
  accounts: string[],
): Promise<LedgerLine[]> {
  if (accounts.length === 0 || !(await hasMart(con, 'fct_gl_lines'))) return [];
  const r = await con.runAndReadAll(`
    SELECT f.coop_id, c.governorate_id, f.entry_id, CAST(f.entry_date AS VARCHAR), f.account_code, f.cost_center,
           CAST(coalesce(f.debit_kwd, 0) AS DOUBLE), CAST(coalesce(f.credit_kwd, 0) AS DOUBLE),
           coalesce(f.document_no, ''), coalesce(f.counterparty, ''), f.batch_id
    FROM wh.marts.fct_gl_lines f
    LEFT JOIN wh.marts.dim_coop c ON c.coop_id = f.coop_id
    WHERE f.account_code IN (${accounts.map(sqlString).join(', ')})
      AND f.entry_date BETWEEN DATE ${sqlString(from)} AND DATE ${sqlString(asOf)}`);
  return r
    .getRows()
    .map(([coopId, gov, entryId, date, account, costCenter, debit, credit, doc, counterparty, batchId]) => ({
      coopId: String(coopId),
      governorateId: gov === null ? null : String(gov),
      entryId: String(entryId),
      date: String(date),
      account: String(account),
      costCenter: String(costCenter),
      debitKwd: Number(debit),
      creditKwd: Number(credit),
      documentNo: String(doc),
      counterparty: String(counterparty),
      batchId: String(batchId),
    }));
}
