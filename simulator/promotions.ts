/**
 * Planted promotions: now and then a co-op cuts the shelf price of a few non-essential
 * products at all its markets for one or two weeks, and shoppers buy more of them. They are
 * local on purpose (one co-op, a handful of products, never the essentials the crisis lifts),
 * so a regional surge detector has no reason to mistake one for panic buying; each is in the
 * truth so models can be judged on whether they took one for anything else.
 */
import type { Random } from './random';
import { detail, type TruthEvent } from './truth-event';
import type { WorldCoop, WorldProduct } from './world';

export interface Promotion {
  coopId: string;
  /** Indexes into the simulated products. */
  products: number[];
  startIndex: number;
  /** Last promoted day (index, included). */
  endIndex: number;
  startDate: string;
  endDate: string;
  /** Share taken off the list price, 0.10–0.30. */
  discount: number;
  /** Demand multiplier while it runs. */
  lift: number;
  /** Promoted shelf price per product index (0 where not promoted). */
  priceFils: Int32Array;
  /** 1 for promoted product indexes. */
  mask: Uint8Array;
}

/** How strongly shoppers answer a price cut: 20% off sells 1.6 times as much. */
const ELASTICITY = 3;

/** The promoted price: the cut, rounded to 5 fils as shelf labels are. */
export function promotedPrice(listFils: number, discount: number): number {
  return Math.max(5, Math.round((listFils * (1 - discount)) / 5) * 5);
}

/**
 * One promotion after another per co-op (never two at once), 7–14 days each with 2–5
 * products and 3–8 weeks between them, all inside the days the co-op sends files.
 */
export function planPromotions(
  coops: readonly WorldCoop[],
  products: readonly WorldProduct[],
  dates: readonly string[],
  firstDayIndex: (coop: WorldCoop) => number,
  random: Random,
): Map<string, Promotion[]> {
  const plan = new Map<string, Promotion[]>();
  const candidates = products.map((p, i) => ({ p, i })).filter(({ p }) => !p.isEssential);
  if (candidates.length < 2) return plan;
  for (const coop of coops) {
    const r = random.fork(coop.coopId);
    const list: Promotion[] = [];
    for (let start = firstDayIndex(coop) + r.int(7, 40); ; start += r.int(21, 56)) {
      const length = r.int(7, 14);
      const end = start + length - 1;
      if (end >= dates.length) break;
      const chosen = r
        .shuffle(candidates)
        .slice(0, r.int(2, Math.min(5, candidates.length)))
        .map((c) => c.i)
        .sort((a, b) => a - b);
      const discount = (r.int(2, 6) * 5) / 100;
      const priceFils = new Int32Array(products.length);
      const mask = new Uint8Array(products.length);
      for (const i of chosen) {
        priceFils[i] = promotedPrice((products[i] as WorldProduct).priceFils, discount);
        mask[i] = 1;
      }
      list.push({
        coopId: coop.coopId,
        products: chosen,
        startIndex: start,
        endIndex: end,
        startDate: dates[start] as string,
        endDate: dates[end] as string,
        discount,
        lift: 1 + ELASTICITY * discount,
        priceFils,
        mask,
      });
      start = end;
    }
    if (list.length > 0) plan.set(coop.coopId, list);
  }
  return plan;
}

/** The promotion running at a co-op on a day, if any (the list is in date order). */
export function activePromotion(list: readonly Promotion[] | undefined, dayIndex: number): Promotion | null {
  if (!list) return null;
  for (const promo of list) {
    if (promo.startIndex > dayIndex) return null;
    if (dayIndex <= promo.endIndex) return promo;
  }
  return null;
}

export function promotionEvents(
  coop: WorldCoop,
  list: readonly Promotion[],
  products: readonly WorldProduct[],
): TruthEvent[] {
  return list.map((promo) => ({
    event_type: 'promotion',
    coop_id: coop.coopId,
    governorate_id: coop.governorateId,
    site_id: '',
    product_scope: promo.products.map((i) => (products[i] as WorldProduct).gtin).join(' '),
    start_date: promo.startDate,
    end_date: promo.endDate,
    detail: detail({
      discount_pct: Math.round(promo.discount * 100),
      demand_lift: promo.lift.toFixed(2),
      sites: 'all selling sites',
    }),
  }));
}
