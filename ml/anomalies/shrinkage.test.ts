import { describe, expect, it } from 'vitest';
import { findShrinkage, type CountLine } from './shrinkage';

const DATES = ['2025-04-24', '2025-05-29', '2025-06-26'];

/** Ten sites × four products × three monthly counts; `loss(site, product, count)` units missing. */
function counts(loss: (site: number, product: number, count: number) => number): CountLine[] {
  const out: CountLine[] = [];
  for (let s = 0; s < 10; s++) {
    for (let p = 0; p < 4; p++) {
      DATES.forEach((date, k) => {
        const book = 50 + p;
        out.push({
          coopId: `C00${s}`,
          governorateId: 'KW-JA',
          siteId: `C00${s}-M`,
          productId: `P${p}`,
          categoryId: p < 2 ? 'RICE' : 'OIL',
          date,
          book,
          counted: book - loss(s, p, k),
          unitPriceKwd: 1.5,
        });
      });
    }
  }
  return out;
}
// Honest miscounts: one unit, on a few scattered lines.
const miscount = (s: number, p: number, k: number) => ((s * 7 + p * 3 + k) % 17 === 0 ? 1 : 0);

describe('findShrinkage', () => {
  it('finds nothing in honest miscounts', () => {
    expect(findShrinkage(counts(miscount))).toEqual([]);
  });

  it('makes one case of a site losing several products month after month', () => {
    const loss = (s: number, p: number, k: number) => (s === 4 && p < 2 ? 6 + k : miscount(s, p, k));
    const cases = findShrinkage(counts(loss));
    expect(cases).toHaveLength(1);
    const [c] = cases;
    expect(c).toMatchObject({
      kind: 'stocktake_shrinkage',
      coopId: 'C004',
      siteId: 'C004-M',
      productId: null,
      startDate: DATES[0],
      endDate: DATES[2],
    });
    // (6 + 7 + 8) units × 2 products × 1.5 KWD
    expect(c?.valueAtStakeKwd).toBeCloseTo(63, 9);
    expect(c?.observed).toBeCloseTo(7, 9);
    expect(c?.detail).toContain('P0 P1');
  });

  it.each([
    [
      'a single count of two units is within noise',
      (s: number, p: number, k: number) => (s === 2 && p === 0 && k === 2 ? 2 : 0),
      0,
    ],
    ['one product, heavy, is a case naming the product', (s: number, p: number) => (s === 2 && p === 3 ? 5 : 0), 1],
    ['a count above the book (a gain) is no loss', (s: number, p: number) => (s === 2 && p === 3 ? -9 : 0), 0],
  ])('%s', (_, loss, n) => {
    const cases = findShrinkage(counts(loss));
    expect(cases).toHaveLength(n);
    if (n === 1) expect(cases[0]?.productId).toBe('P3');
  });

  it('scores more products and bigger losses higher', () => {
    const one = findShrinkage(counts((s, p) => (s === 1 && p === 0 ? 5 : 0)))[0];
    const two = findShrinkage(counts((s, p) => (s === 1 && p < 2 ? 5 : 0)))[0];
    const big = findShrinkage(counts((s, p) => (s === 1 && p === 0 ? 9 : 0)))[0];
    expect(two?.score).toBeGreaterThan(one?.score as number);
    expect(big?.score).toBeGreaterThan(one?.score as number);
  });
});
