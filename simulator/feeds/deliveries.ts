/**
 * Supplier deliveries at a co-op's warehouse: one delivery note per supplier and day, one
 * line per product, each note billed on its own supplier invoice (booked by finance).
 */
import type { WorldCoop, WorldProduct } from '../world';
import type { Cell } from './feed-table';

export interface Invoice {
  invoiceNo: string;
  supplierId: string;
  date: string;
  amountFils: number;
  deliveryId: string;
}

export interface DeliveryCounters {
  notes: number;
  invoices: Map<string, number>;
}

export interface DeliveredLine {
  product: Pick<WorldProduct, 'gtin' | 'supplierId' | 'costFils'>;
  quantity: number;
}

/** Delivery rows and invoices for what reached the warehouse on `date`, grouped by supplier. */
export function deliveryNotes(
  coop: WorldCoop,
  date: string,
  lines: readonly DeliveredLine[],
  counters: DeliveryCounters,
): { rows: Cell[][]; invoices: Invoice[] } {
  const bySupplier = new Map<string, DeliveredLine[]>();
  for (const line of lines) {
    let list = bySupplier.get(line.product.supplierId);
    if (!list) bySupplier.set(line.product.supplierId, (list = []));
    list.push(line);
  }
  const rows: Cell[][] = [];
  const invoices: Invoice[] = [];
  for (const supplierId of [...bySupplier.keys()].sort()) {
    const deliveryId = `DN-${coop.coopId}-${String(++counters.notes).padStart(6, '0')}`;
    const seq = (counters.invoices.get(supplierId) ?? 0) + 1;
    counters.invoices.set(supplierId, seq);
    const invoiceNo = `INV-${supplierId}-${coop.coopId}-${String(seq).padStart(6, '0')}`;
    let amountFils = 0;
    for (const { product, quantity } of bySupplier.get(supplierId) as DeliveredLine[]) {
      rows.push([
        coop.coopId,
        deliveryId,
        coop.warehouseId,
        supplierId,
        product.gtin,
        date,
        quantity,
        product.costFils,
        invoiceNo,
      ]);
      amountFils += quantity * product.costFils;
    }
    invoices.push({ invoiceNo, supplierId, date, amountFils, deliveryId });
  }
  return { rows, invoices };
}
