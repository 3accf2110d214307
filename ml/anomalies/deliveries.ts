import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import { hasMart } from '../warehouse';
import type { Anomaly } from './anomaly';

export interface DeliveryLine {
  coopId: string;
  governorateId: string | null;
  siteId: string;
  supplierId: string;
  productId: string;
  deliveryId: string;
  invoiceNo: string;
  date: string;
  quantity: number;
  unitCostKwd: number;
}

/** Days before a delivery in which a sale still shows the co-op sells the product. */
export const SOLD_BEFORE_DAYS = 28;
/** Days a delivery may wait for its first sale before it is a case. */
export const UNSOLD_GRACE_DAYS = 7;

/**
 * Deliveries without matching sales: a product delivered to a co-op that none of its sites
 * has sold from four weeks before the delivery up to asOf, a week or more later. Goods
 * invoiced but never put on the shelf, or never there at all. One case per delivery line;
 * the score grows with the weeks without a sale; at stake is what was paid for them.
 * `lastSale` maps `coop|product` to the co-op's last sale day of the product up to asOf.
 */
export function findUnmatchedDeliveries(
  lines: DeliveryLine[],
  lastSale: ReadonlyMap<string, string>,
  asOf: string,
): Anomaly[] {
  const out: Anomaly[] = [];
  for (const l of lines) {
    const waited = daysBetweenIso(l.date, asOf);
    if (waited < UNSOLD_GRACE_DAYS || l.quantity <= 0) continue;
    const last = lastSale.get(`${l.coopId}|${l.productId}`);
    if (last !== undefined && last >= addDaysIso(l.date, -SOLD_BEFORE_DAYS)) continue;
    const value = l.quantity * l.unitCostKwd;
    out.push({
      kind: 'delivery_without_sales',
      coopId: l.coopId,
      governorateId: l.governorateId,
      siteId: l.siteId,
      productId: l.productId,
      startDate: l.date,
      endDate: asOf,
      score: 8 + Math.log2(1 + waited / 7),
      valueAtStakeKwd: value,
      observed: 0,
      expected: l.quantity,
      detail: `delivery ${l.deliveryId} (invoice ${l.invoiceNo}, supplier ${l.supplierId}): ${l.quantity} units, no sale of the product ${last ? `since ${last}` : 'at all'}`,
    });
  }
  return out;
}

interface Note {
  coopId: string;
  governorateId: string | null;
  siteId: string;
  supplierId: string;
  invoiceNo: string;
  deliveryId: string;
  date: string;
  amount: number;
  /** the note's lines, product:quantity sorted: what a re-keyed copy repeats */
  content: string;
}

/** Days within which a delivery note with the same supplier and lines looks re-keyed. */
export const SAME_CONTENT_DAYS = 3;

/** Lines a note must have for an exact repeat under another number to look re-keyed. */
export const MIN_REKEYED_LINES = 2;

/**
 * Duplicate supplier invoices, from the delivery notes: an invoice number a supplier uses
 * on a second delivery (certain), or a second note from the same supplier to the same
 * co-op with the very same lines (two or more) and amount within three days under another
 * number (a re-keyed invoice). One case per duplicate, its amount at stake.
 */
export function findDuplicateInvoices(lines: DeliveryLine[]): Anomaly[] {
  const notes = new Map<string, Note & { parts: string[] }>();
  for (const l of lines) {
    let n = notes.get(l.deliveryId);
    if (!n) notes.set(l.deliveryId, (n = { ...l, amount: 0, content: '', parts: [] }));
    n.amount += l.quantity * l.unitCostKwd;
    n.parts.push(`${l.productId}:${l.quantity}`);
  }
  const list = [...notes.values()].map((n) => ({ ...n, content: n.parts.sort().join(' ') }));
  list.sort((a, b) => a.date.localeCompare(b.date) || a.deliveryId.localeCompare(b.deliveryId));
  const out: Anomaly[] = [];
  const seenInvoice = new Map<string, Note>();
  const byContent = new Map<string, Note[]>();
  const push = (n: Note, original: Note, score: number, why: string) =>
    out.push({
      kind: 'duplicate_invoice',
      coopId: n.coopId,
      governorateId: n.governorateId,
      siteId: n.siteId,
      productId: null,
      startDate: original.date,
      endDate: n.date,
      score: score + Math.log10(1 + n.amount),
      valueAtStakeKwd: n.amount,
      observed: n.amount,
      expected: 0,
      detail: `${why}: invoice ${n.invoiceNo} on delivery ${n.deliveryId} repeats invoice ${original.invoiceNo} on delivery ${original.deliveryId} (supplier ${n.supplierId})`,
    });
  for (const n of list) {
    const invoiceKey = `${n.supplierId}|${n.invoiceNo}`;
    const sameNumber = seenInvoice.get(invoiceKey);
    if (sameNumber) {
      push(n, sameNumber, 12, 'invoice number used twice');
      continue;
    }
    seenInvoice.set(invoiceKey, n);
    // A one-line note repeated days later is an ordinary re-order (the same case of the
    // same product); a copy is only telling when several lines repeat exactly.
    if (n.content.split(' ').length < MIN_REKEYED_LINES) continue;
    const contentKey = `${n.coopId}|${n.supplierId}|${n.content}`;
    const earlier = (byContent.get(contentKey) ?? []).find(
      (e) => daysBetweenIso(e.date, n.date) <= SAME_CONTENT_DAYS && Math.abs(e.amount - n.amount) < 0.0005,
    );
    if (earlier) push(n, earlier, 9, 'same lines and amount');
    byContent.set(contentKey, [...(byContent.get(contentKey) ?? []), n]);
  }
  return out;
}

/** Delivery lines (fct_deliveries: current batches) in the window ending at asOf. */
export async function loadDeliveryLines(con: DuckDBConnection, asOf: string, days: number): Promise<DeliveryLine[]> {
  if (!(await hasMart(con, 'fct_deliveries'))) return [];
  const r = await con.runAndReadAll(`
    SELECT d.coop_id, c.governorate_id, d.site_id, d.supplier_id, d.product_id, d.delivery_id, d.invoice_no,
           CAST(d.delivery_date AS VARCHAR), CAST(d.quantity AS DOUBLE), CAST(d.unit_cost_kwd AS DOUBLE)
    FROM wh.marts.fct_deliveries d
    LEFT JOIN wh.marts.dim_coop c ON c.coop_id = d.coop_id
    WHERE d.delivery_date BETWEEN DATE ${sqlString(addDaysIso(asOf, -(days - 1)))} AND DATE ${sqlString(asOf)}`);
  return r.getRows().map(([coopId, gov, siteId, supplierId, productId, deliveryId, invoiceNo, d, q, cost]) => ({
    coopId: String(coopId),
    governorateId: gov === null ? null : String(gov),
    siteId: String(siteId),
    supplierId: String(supplierId),
    productId: String(productId),
    deliveryId: String(deliveryId),
    invoiceNo: String(invoiceNo),
    date: String(d),
    quantity: Number(q),
    unitCostKwd: Number(cost),
  }));
}

/** Each co-op's last sale day of each product up to asOf, from the marts. */
export async function loadLastSales(con: DuckDBConnection, asOf: string, since: string): Promise<Map<string, string>> {
  const r = await con.runAndReadAll(`
    SELECT coop_id, product_id, CAST(max(business_date) AS VARCHAR)
    FROM wh.marts.fct_sales_daily
    WHERE quantity > 0 AND business_date BETWEEN DATE ${sqlString(since)} AND DATE ${sqlString(asOf)}
    GROUP BY ALL`);
  return new Map(r.getRows().map(([coop, product, d]) => [`${String(coop)}|${String(product)}`, String(d)]));
}
