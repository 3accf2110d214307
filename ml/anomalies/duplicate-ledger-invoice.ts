import type { Anomaly } from './anomaly';
import { PAYABLE_ACCOUNT, type LedgerLine } from './ledger-lines';

interface Booking {
  coopId: string;
  governorateId: string | null;
  entryId: string;
  date: string;
  supplierId: string;
  invoiceNo: string;
  siteId: string | null;
  amount: number;
  batchId: string;
}

const money = (kwd: number) => kwd.toFixed(3);

/**
 * Duplicate supplier invoices in the general ledger: a supplier's invoice booked to
 * payables (credit 2110, document = invoice number) in a second entry. One case per extra
 * booking, its amount at stake (paid, or due to be, a second time); the detail names the
 * entries, the payments of that invoice and the batches, so an auditor can open the rows.
 * Re-keyed copies under another number are left to the delivery notes, whose lines show
 * them (one equal amount in the ledger is too often an ordinary re-order).
 */
export function findDuplicateLedgerInvoices(lines: LedgerLine[]): Anomaly[] {
  const bookings = new Map<string, Booking>();
  const payments = new Map<string, LedgerLine[]>();
  for (const l of lines) {
    if (l.account !== PAYABLE_ACCOUNT || !l.counterparty || !l.documentNo) continue;
    const invoiceKey = `${l.coopId}|${l.counterparty}|${l.documentNo}`;
    if (l.debitKwd > 0) {
      const paid = payments.get(invoiceKey);
      if (paid) paid.push(l);
      else payments.set(invoiceKey, [l]);
    }
    if (l.creditKwd <= 0) continue;
    const key = `${l.coopId}|${l.entryId}|${l.documentNo}`;
    let b = bookings.get(key);
    if (!b) {
      b = {
        coopId: l.coopId,
        governorateId: l.governorateId,
        entryId: l.entryId,
        date: l.date,
        supplierId: l.counterparty,
        invoiceNo: l.documentNo,
        siteId: l.costCenter && l.costCenter !== l.coopId ? l.costCenter : null,
        amount: 0,
        batchId: l.batchId,
      };
      bookings.set(key, b);
    }
    b.amount += l.creditKwd;
  }
  const list = [...bookings.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId),
  );
  const out: Anomaly[] = [];
  const firstBooking = new Map<string, Booking>();
  for (const b of list) {
    const invoiceKey = `${b.coopId}|${b.supplierId}|${b.invoiceNo}`;
    const original = firstBooking.get(invoiceKey);
    if (!original) {
      firstBooking.set(invoiceKey, b);
      continue;
    }
    const paid = (payments.get(invoiceKey) ?? []).sort(
      (x, y) => x.date.localeCompare(y.date) || x.entryId.localeCompare(y.entryId),
    );
    out.push({
      kind: 'duplicate_invoice',
      coopId: b.coopId,
      governorateId: b.governorateId,
      siteId: b.siteId,
      productId: null,
      startDate: original.date,
      endDate: b.date,
      // certain, like a delivery invoice number used twice; dearer first
      score: 12 + Math.log10(1 + b.amount),
      valueAtStakeKwd: b.amount,
      observed: original.amount + b.amount,
      expected: original.amount,
      detail:
        `invoice booked twice: invoice ${b.invoiceNo} of supplier ${b.supplierId} in entry ${b.entryId} on ${b.date} (batch ${b.batchId}), ` +
        `first in entry ${original.entryId} on ${original.date} (batch ${original.batchId}); ` +
        `${money(b.amount)} KWD; paid ${paid.length} time${paid.length === 1 ? '' : 's'}${paid.length ? ` (${paid.map((p) => `${p.entryId} ${p.date}`).join(', ')})` : ''}`,
    });
  }
  return out;
}
