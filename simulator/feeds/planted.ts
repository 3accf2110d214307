/**
 * Which co-ops carry which planted problem in the feeds after sales and stock. Drawn from a
 * stream of its own, so planting more never moves the sales and stock of other co-ops.
 */
import type { ReferenceData } from '../../domain/reference-data';
import type { Random } from '../random';
import type { WorldCoop, WorldProduct } from '../world';

export interface TheftPlan {
  /** Index of the selling site where goods go missing (a branch when there is one). */
  site: number;
  /** Indexes of the products taken: the dearest small items. */
  products: number[];
  /** Day index from which it happens. */
  startIndex: number;
}

export interface PhantomDelivery {
  dayIndex: number;
  product: { gtin: string; supplierId: string; costFils: number };
  quantity: number;
}

export interface FeedPlan {
  theft: Map<string, TheftPlan>;
  phantomDeliveries: Map<string, PhantomDelivery[]>;
  duplicateInvoices: Set<string>;
  suspiciousRefunds: Set<string>;
  cameraOutages: Set<string>;
}

function share(count: number, per: number): number {
  return Math.max(1, Math.round(count / per));
}

export function plantFeedProblems(
  coops: readonly WorldCoop[],
  products: readonly WorldProduct[],
  reference: ReferenceData,
  excluded: ReadonlySet<string>,
  days: number,
  random: Random,
): FeedPlan {
  const eligible = coops.filter((c) => !excluded.has(c.coopId));
  const pick = (per: number): WorldCoop[] => random.shuffle(eligible).slice(0, share(eligible.length, per));
  const plan: FeedPlan = {
    theft: new Map(),
    phantomDeliveries: new Map(),
    duplicateInvoices: new Set(),
    suspiciousRefunds: new Set(),
    cameraOutages: new Set(),
  };
  if (eligible.length === 0) return plan;

  const dearest = products
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.priceFils - a.p.priceFils || a.p.gtin.localeCompare(b.p.gtin));
  for (const coop of pick(15)) {
    const count = Math.min(dearest.length, 8);
    plan.theft.set(coop.coopId, {
      site: coop.sellingSites.length - 1,
      products: dearest.slice(0, count).map((d) => d.i),
      startIndex: random.int(0, Math.floor(days * 0.4)),
    });
  }

  // Deliveries with no sales: goods the co-op does not sell (not simulated here) when the
  // catalogue has such products, otherwise any product, never put on the shelf.
  const simulated = new Set(products.map((p) => p.gtin));
  const unsold = reference.ref_products.filter((p) => !simulated.has(p.product_id));
  for (const coop of days >= 14 ? pick(20) : []) {
    const list: PhantomDelivery[] = [];
    for (let k = random.int(1, 2); k > 0; k--) {
      const ref = unsold.length > 0 ? random.pick(unsold) : null;
      const product = ref
        ? { gtin: ref.product_id, supplierId: ref.supplier_id, costFils: Math.round(Number(ref.unit_cost_kwd) * 1000) }
        : random.pick(products);
      list.push({
        dayIndex: random.int(Math.floor(days * 0.2), days - 8),
        product: { gtin: product.gtin, supplierId: product.supplierId, costFils: product.costFils },
        quantity: random.int(40, 240),
      });
    }
    plan.phantomDeliveries.set(
      coop.coopId,
      list.sort((a, b) => a.dayIndex - b.dayIndex),
    );
  }
  for (const coop of pick(12)) plan.duplicateInvoices.add(coop.coopId);
  for (const coop of pick(20)) plan.suspiciousRefunds.add(coop.coopId);
  for (const coop of pick(15)) plan.cameraOutages.add(coop.coopId);
  return plan;
}
