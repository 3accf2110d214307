/**
 * Shelf prices: the list price of every product at every selling site when the co-op links,
 * then the changes its system records. A gouging co-op raises essential prices by hand when
 * the crisis reaches its governorate and lowers them again when the wave has passed, exactly
 * as its sales amounts show. A promotion lowers its products' prices at every selling site for
 * its days (`promotion`) and puts them back after (`promotion_end`).
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Promotion } from '../promotions';
import type { WorldCoop, WorldProduct } from '../world';
import type { Cell } from './feed-table';

export interface GougingWindow {
  start: string;
  /** First day back at the list price. */
  end: string;
  factor: number;
}

export function priceRows(
  coop: WorldCoop,
  products: readonly WorldProduct[],
  firstDay: string,
  gouging: GougingWindow | null,
  promotions: readonly Promotion[] = [],
): Array<{ date: string; row: Cell[] }> {
  const gouged = (p: WorldProduct): number => Math.round(p.priceFils * (gouging?.factor ?? 1));
  const inWindow = (date: string): boolean => gouging !== null && date >= gouging.start && date < gouging.end;
  const out: Array<{ date: string; row: Cell[] }> = [];
  const change = (
    date: string,
    reason: string,
    only: (p: WorldProduct) => boolean,
    price = (p: WorldProduct): number => (p.isEssential && inWindow(date) ? gouged(p) : p.priceFils),
  ): void => {
    if (date < firstDay) return;
    for (const site of coop.sellingSites) {
      for (const p of products) {
        if (only(p)) out.push({ date, row: [coop.coopId, site.siteId, p.gtin, date, price(p), reason] });
      }
    }
  };
  change(firstDay, 'list', () => true);
  if (gouging && gouging.start > firstDay) change(gouging.start, 'manual', (p) => p.isEssential);
  if (gouging && gouging.end > firstDay) change(gouging.end, 'manual', (p) => p.isEssential);
  for (const promo of promotions) {
    const promoPrice = new Map(promo.products.map((i) => [products[i], promo.priceFils[i] as number]));
    change(
      promo.startDate,
      'promotion',
      (p) => promoPrice.has(p),
      (p) => promoPrice.get(p) as number,
    );
    change(addDays(promo.endDate, 1), 'promotion_end', (p) => promoPrice.has(p));
  }
  // One batch lists a day's changes in the order they take effect.
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
