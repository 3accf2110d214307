/**
 * A co-op's general ledger, built from what the rest of the simulation did: daily takings
 * and cost of sales per site, supplier invoices and their payment, refunds at the tills,
 * salaries, contractor fees, stocktake variances, social aid and dividends. Planted: a
 * supplier invoice booked and paid twice, and one cashier's run of refunds just under the
 * amount that needs a supervisor.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import { detail, type TruthEvent } from '../truth-event';
import { kwdFromFils } from '../vendor-formats';
import type { WorldCoop } from '../world';
import type { AidPayment } from './aid';
import type { Contract } from './contractors';
import type { Invoice } from './deliveries';
import type { Cell } from './feed-table';
import { employedOn, type Employee } from './hr';
import { periodEnds } from './periods';

export interface FinanceInput {
  siteDays: Array<{ date: string; siteId: string; revenueFils: number; costFils: number }>;
  invoices: Invoice[];
  variances: Array<{ date: string; siteId: string; valueFils: number }>;
  employees: readonly Employee[];
  contracts: readonly Contract[];
  aid: readonly AidPayment[];
  dividends: Array<{ date: string; amountFils: number }>;
}

/** Refunds above this need a supervisor's approval at the till. */
const REFUND_APPROVAL_FILS = 20_000;
const PAYMENT_TERMS_DAYS = 30;

interface Line {
  account: string;
  costCenter: string;
  debit: number;
  credit: number;
}

interface Entry {
  date: string;
  document: string;
  counterparty: string;
  memo: string;
  lines: Line[];
}

function pair(debitAccount: string, creditAccount: string, costCenter: string, fils: number): Line[] {
  const [dr, cr] = fils >= 0 ? [debitAccount, creditAccount] : [creditAccount, debitAccount];
  const abs = Math.abs(fils);
  return [
    { account: dr, costCenter, debit: abs, credit: 0 },
    { account: cr, costCenter, debit: 0, credit: abs },
  ];
}

/** The co-op's journal as it is booked: entries in booking order, numbered only at the end. */
class Journal {
  readonly entries: Entry[] = [];
  private refundSeq = 0;

  constructor(
    private readonly coop: WorldCoop,
    private readonly endDate: string,
  ) {}

  add(date: string, document: string, counterparty: string, memo: string, lines: Line[]): Entry {
    const entry = { date, document, counterparty, memo, lines };
    this.entries.push(entry);
    return entry;
  }

  /** A supplier invoice booked on `date`, and its payment when it falls due within the span. */
  purchase(inv: Invoice, date: string): [Entry, Entry | null] {
    const { coop } = this;
    const booked = this.add(
      date,
      inv.invoiceNo,
      inv.supplierId,
      'supplier_invoice',
      pair('1210', '2110', coop.warehouseId, inv.amountFils),
    );
    const due = addDays(date, PAYMENT_TERMS_DAYS);
    const paid =
      due <= this.endDate
        ? this.add(
            due,
            inv.invoiceNo,
            inv.supplierId,
            'supplier_payment',
            pair('2110', '1110', coop.coopId, inv.amountFils),
          )
        : null;
    return [booked, paid];
  }

  refund(date: string, siteId: string, cashier: Employee, fils: number): void {
    this.add(
      date,
      `RF-${this.coop.coopId}-${String(++this.refundSeq).padStart(6, '0')}`,
      cashier.employeeId,
      'till_refund',
      pair('4120', '1110', siteId, fils),
    );
  }
}

interface FinanceContext {
  coop: WorldCoop;
  input: FinanceInput;
  firstDay: string;
  endDate: string;
  random: Random;
  journal: Journal;
  /** Cashiers of the co-op's selling sites. */
  cashiers: Employee[];
}

export function financeFeed(
  coop: WorldCoop,
  input: FinanceInput,
  firstDay: string,
  endDate: string,
  planted: { duplicateInvoice: boolean; suspiciousRefunds: boolean },
  random: Random,
): { rows: Array<{ date: string; row: Cell[] }>; events: TruthEvent[] } {
  const journal = new Journal(coop, endDate);
  const sellingSites = new Set(coop.sellingSites.map((s) => s.siteId));
  const cashiers = input.employees.filter((e) => e.jobTitle === 'cashier' && sellingSites.has(e.siteId));
  const ctx: FinanceContext = { coop, input, firstDay, endDate, random, journal, cashiers };
  const events: TruthEvent[] = [];
  bookDailySales(journal, input);
  for (const inv of input.invoices) journal.purchase(inv, inv.date);
  const duplicates = planted.duplicateInvoice ? bookDuplicateInvoices(ctx) : [];
  bookTillRefunds(ctx);
  if (planted.suspiciousRefunds && input.siteDays.length > 0) {
    const suspicious = bookSuspiciousRefunds(ctx);
    if (suspicious) events.push(suspicious);
  }
  bookMonthEnds(ctx);
  for (const v of input.variances)
    journal.add(
      v.date,
      `ST-${v.siteId}-${v.date.replaceAll('-', '')}`,
      '',
      'stocktake_variance',
      pair('5240', '1210', v.siteId, -v.valueFils),
    );
  for (const d of input.dividends)
    journal.add(d.date, `DIV-${d.date.slice(0, 4)}`, '', 'dividends', pair('3110', '1110', coop.coopId, d.amountFils));
  const { rows, ids } = numberEntries(ctx);
  events.push(...duplicates.map((d) => duplicateInvoiceEvent(coop, d, ids)));
  return { rows, events };
}

/** Takings and cost of sales per site and day. */
function bookDailySales(journal: Journal, input: FinanceInput): void {
  for (const d of input.siteDays) {
    if (d.revenueFils === 0) continue;
    journal.add(d.date, `Z-${d.siteId}-${d.date.replaceAll('-', '')}`, '', 'daily_sales', [
      ...pair('1110', '4110', d.siteId, d.revenueFils),
      ...pair('5110', '1210', d.siteId, d.costFils),
    ]);
  }
}

interface DuplicateInvoice {
  inv: Invoice;
  entries: Entry[];
}

/** Planted: 1–3 large invoices booked again 3–20 days later (and paid again). */
function bookDuplicateInvoices({ input, firstDay, endDate, random, journal }: FinanceContext): DuplicateInvoice[] {
  const duplicates: DuplicateInvoice[] = [];
  const candidates = input.invoices.filter(
    (i) => i.date >= firstDay && i.amountFils >= 100_000 && addDays(i.date, 25) <= endDate,
  );
  for (const inv of random.shuffle(candidates).slice(0, random.int(1, 3))) {
    const [first] = journal.entries.filter((e) => e.document === inv.invoiceNo && e.memo === 'supplier_invoice');
    const [again, paid] = journal.purchase(inv, addDays(inv.date, random.int(3, 20)));
    duplicates.push({ inv, entries: [first as Entry, again, ...(paid ? [paid] : [])] });
  }
  return duplicates;
}

/** Refunds at the tills: a few a day per site, rung up by whichever cashier is on. */
function bookTillRefunds({ input, random, journal, cashiers }: FinanceContext): void {
  for (const d of input.siteDays) {
    const onDuty = cashiers.filter((c) => c.siteId === d.siteId && employedOn(c, d.date));
    if (onDuty.length === 0) continue;
    for (let n = random.poisson(0.8); n > 0; n--) {
      journal.refund(
        d.date,
        d.siteId,
        random.pick(onDuty),
        Math.min(REFUND_APPROVAL_FILS * 3, Math.round(Math.exp(random.normal(1.1, 0.8)) * 1000)),
      );
    }
  }
}

/** Planted: one cashier at the main market rings up refunds just under the approval limit for six weeks. */
function bookSuspiciousRefunds({
  coop,
  input,
  firstDay,
  random,
  journal,
  cashiers,
}: FinanceContext): TruthEvent | null {
  const site = coop.sellingSites[0]?.siteId as string;
  const days = [...new Set(input.siteDays.filter((d) => d.siteId === site && d.date >= firstDay).map((d) => d.date))];
  const startAt = random.int(0, Math.max(0, days.length - 42));
  const window = days.slice(startAt, startAt + 42);
  const suspects = cashiers.filter(
    (c) =>
      c.siteId === site &&
      window.length > 0 &&
      employedOn(c, window[0] as string) &&
      employedOn(c, window[window.length - 1] as string),
  );
  const culprit = suspects.length > 0 ? random.pick(suspects) : null;
  let count = 0;
  let total = 0;
  for (const date of culprit ? window : []) {
    for (let n = random.int(1, 3); n > 0; n--) {
      const fils = random.int(REFUND_APPROVAL_FILS - 2_500, REFUND_APPROVAL_FILS - 50);
      journal.refund(date, site, culprit as Employee, fils);
      count++;
      total += fils;
    }
  }
  if (!culprit || count === 0) return null;
  return {
    event_type: 'suspicious_refunds',
    coop_id: coop.coopId,
    governorate_id: coop.governorateId,
    site_id: site,
    product_scope: '',
    start_date: window[0] as string,
    end_date: window[window.length - 1] as string,
    detail: detail({
      employee_id: culprit.employeeId,
      refunds: count,
      amount_kwd: kwdFromFils(total),
      limit_kwd: kwdFromFils(REFUND_APPROVAL_FILS),
    }),
  };
}

/** Month-end: salaries per site, contractor fees, aid paid. */
function bookMonthEnds({ coop, input, firstDay, endDate, journal }: FinanceContext): void {
  for (const monthEnd of periodEnds(firstDay, 'monthly', endDate)) {
    if (addDays(monthEnd, 1).slice(8) !== '01') continue; // a month not over yet is not paid yet
    const bySite = new Map<string, number>();
    for (const e of input.employees)
      if (employedOn(e, monthEnd)) bySite.set(e.siteId, (bySite.get(e.siteId) ?? 0) + e.salaryFils);
    for (const [siteId, fils] of [...bySite].sort())
      journal.add(monthEnd, `PAY-${monthEnd.slice(0, 7)}`, '', 'salaries', pair('5210', '1110', siteId, fils));
    for (const c of input.contracts) {
      if (c.start <= monthEnd && c.end >= monthEnd)
        journal.add(
          monthEnd,
          `${c.contractId}-${monthEnd.slice(0, 7)}`,
          c.contractId,
          'contract_fee',
          pair('5220', '1110', coop.coopId, Math.round(c.valueFils / 24)),
        );
    }
    const aid = input.aid
      .filter((p) => p.date.slice(0, 7) === monthEnd.slice(0, 7))
      .reduce((s, p) => s + p.amountFils, 0);
    if (aid > 0)
      journal.add(monthEnd, `AID-${monthEnd.slice(0, 7)}`, '', 'social_aid', pair('5310', '1110', coop.coopId, aid));
  }
}

/** Entries within the span, numbered in date order (booking order within a day), one row per line. */
function numberEntries({ coop, firstDay, endDate, journal }: FinanceContext): {
  rows: Array<{ date: string; row: Cell[] }>;
  ids: Map<Entry, string>;
} {
  const rows: Array<{ date: string; row: Cell[] }> = [];
  const sorted = journal.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.date >= firstDay && e.date <= endDate)
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i);
  const ids = new Map<Entry, string>();
  sorted.forEach(({ e }, k) => {
    const id = `JE-${coop.coopId}-${String(k + 1).padStart(7, '0')}`;
    ids.set(e, id);
    for (const l of e.lines)
      rows.push({
        date: e.date,
        row: [coop.coopId, id, e.date, l.account, l.costCenter, l.debit, l.credit, e.document, e.counterparty, e.memo],
      });
  });
  return { rows, ids };
}

function duplicateInvoiceEvent(
  coop: WorldCoop,
  { inv, entries }: DuplicateInvoice,
  ids: Map<Entry, string>,
): TruthEvent {
  return {
    event_type: 'duplicate_invoice',
    coop_id: coop.coopId,
    governorate_id: coop.governorateId,
    site_id: coop.warehouseId,
    product_scope: '',
    start_date: inv.date,
    end_date: entries[1]?.date ?? inv.date,
    detail: detail({
      invoice_no: inv.invoiceNo,
      supplier_id: inv.supplierId,
      amount_kwd: kwdFromFils(inv.amountFils),
      entry_ids: entries.map((e) => ids.get(e) ?? '').join(' '),
    }),
  };
}
