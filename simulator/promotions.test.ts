import { activePromotion, planPromotions, promotedPrice, type Promotion } from './promotions';
import { Random } from './random';
import type { WorldCoop, WorldProduct } from './world';

const product = (gtin: string, isEssential: boolean, priceFils = 1_000): WorldProduct => ({
  gtin,
  categoryId: isEssential ? 'RICE' : 'SNACKS',
  group: isEssential ? 'food' : 'sweets',
  isEssential,
  priceFils,
  costFils: 700,
  supplierId: 'S01',
  leadTimeDays: 3,
  shelfLifeDays: 180,
  baseDaily: 5,
  multiBuy: 0.1,
});
const coop = (coopId: string): WorldCoop => ({
  coopId,
  governorateId: 'KW-HA',
  areaId: 'A-HA-01',
  linkedSince: '2024-01-01',
  style: { vendor: 'A', arabicIndicDigits: false, decimalComma: false },
  sellingSites: [{ siteId: `${coopId}-M`, size: 1 }],
  warehouseId: `${coopId}-W`,
});
const PRODUCTS = [
  product('E1', true),
  product('N1', false, 1_250),
  product('E2', true),
  product('N2', false),
  product('N3', false, 95),
  product('N4', false),
];
const DATES = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));

describe('promotedPrice', () => {
  it.each([
    [1_000, 0.2, 800],
    [1_250, 0.15, 1_065], // 1062.5 rounds to the nearest 5 fils
    [95, 0.3, 65],
    [5, 0.3, 5], // never free
  ])('%i fils at %f off is %i fils', (list, discount, expected) => {
    expect(promotedPrice(list, discount)).toBe(expected);
  });
});

describe('planPromotions', () => {
  const plan = planPromotions(
    [coop('C001'), coop('C002')],
    PRODUCTS,
    DATES,
    (c) => (c.coopId === 'C002' ? 120 : 0),
    new Random(3),
  );

  it('runs one promotion at a time per co-op, inside the span and after linking, 7–14 days each', () => {
    for (const [coopId, list] of plan) {
      expect(list.length).toBeGreaterThan(1);
      let previousEnd = coopId === 'C002' ? 119 : -1;
      for (const promo of list) {
        expect(promo.startIndex).toBeGreaterThan(previousEnd);
        expect(promo.endIndex - promo.startIndex + 1).toBeGreaterThanOrEqual(7);
        expect(promo.endIndex - promo.startIndex + 1).toBeLessThanOrEqual(14);
        expect(promo.endIndex).toBeLessThan(DATES.length);
        expect([promo.startDate, promo.endDate]).toEqual([DATES[promo.startIndex], DATES[promo.endIndex]]);
        previousEnd = promo.endIndex;
      }
    }
  });

  it('promotes only non-essential products, cheaper, with demand lifted by the cut', () => {
    for (const promo of [...plan.values()].flat()) {
      expect(promo.products.length).toBeGreaterThanOrEqual(2);
      for (const i of promo.products) {
        expect(PRODUCTS[i]!.isEssential).toBe(false);
        expect(promo.mask[i]).toBe(1);
        expect(promo.priceFils[i]).toBe(promotedPrice(PRODUCTS[i]!.priceFils, promo.discount));
      }
      expect(PRODUCTS.filter((_, i) => promo.mask[i] === 1).length).toBe(promo.products.length);
      expect(promo.discount).toBeGreaterThanOrEqual(0.1);
      expect(promo.discount).toBeLessThanOrEqual(0.3);
      expect(promo.lift).toBeCloseTo(1 + 3 * promo.discount, 10);
    }
  });

  it('is the same for the same seed', () => {
    const again = planPromotions(
      [coop('C001'), coop('C002')],
      PRODUCTS,
      DATES,
      (c) => (c.coopId === 'C002' ? 120 : 0),
      new Random(3),
    );
    expect([...again.values()].flat().map((p) => [p.coopId, p.startDate, p.products])).toEqual(
      [...plan.values()].flat().map((p) => [p.coopId, p.startDate, p.products]),
    );
  });

  it('plans nothing when every product is essential', () => {
    expect(planPromotions([coop('C001')], [product('E1', true)], DATES, () => 0, new Random(1)).size).toBe(0);
  });
});

describe('activePromotion', () => {
  const promo = (startIndex: number, endIndex: number): Promotion => ({ startIndex, endIndex }) as Promotion;
  const list = [promo(5, 10), promo(30, 40)];
  it.each([
    [4, null],
    [5, 0],
    [10, 0],
    [11, null],
    [30, 1],
    [40, 1],
    [41, null],
  ])('on day %i finds promotion %s', (day, which) => {
    expect(activePromotion(list, day)).toBe(which === null ? null : list[which]);
  });
  it('finds none for a co-op without promotions', () => {
    expect(activePromotion(undefined, 3)).toBeNull();
  });
});
