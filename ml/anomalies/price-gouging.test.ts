import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates';
import { findGouging, type PriceDay } from './price-gouging';

/** Ten co-ops × one product × 20 days at 1.000 KWD ±2%, with planted raises. */
function market(raises: { coop: string; from: number; days: number; factor: number }[]): PriceDay[] {
  const out: PriceDay[] = [];
  for (let c = 0; c < 10; c++) {
    for (let d = 0; d < 20; d++) {
      const coopId = `C00${c}`;
      const r = raises.find((x) => x.coop === coopId && d >= x.from && d < x.from + x.days);
      const wobble = 1 + (0.02 * (((c * 7 + d * 3) % 5) - 2)) / 2;
      out.push({
        coopId,
        governorateId: 'KW-JA',
        productId: 'P1',
        date: addDaysIso('2025-06-01', d),
        quantity: 10,
        price: wobble * (r?.factor ?? 1),
        peerPrice: 1,
      });
    }
  }
  return out;
}

describe('findGouging', () => {
  it.each([
    ['no raises, no cases', [], []],
    [
      'a 35% raise for a week is one case',
      [{ coop: 'C003', from: 5, days: 7, factor: 1.35 }],
      [['C003', '2025-06-06', '2025-06-12']],
    ],
    ['a one-day blip is not a case', [{ coop: 'C003', from: 5, days: 1, factor: 1.5 }], []],
    ['a 5% raise is within the band', [{ coop: 'C003', from: 5, days: 7, factor: 1.05 }], []],
    [
      'two co-ops, two cases',
      [
        { coop: 'C001', from: 0, days: 3, factor: 1.3 },
        { coop: 'C009', from: 10, days: 4, factor: 1.4 },
      ],
      [
        ['C001', '2025-06-01', '2025-06-03'],
        ['C009', '2025-06-11', '2025-06-14'],
      ],
    ],
  ])('%s', (_n, raises, cases) => {
    const found = findGouging(market(raises as never)).map((a) => [a.coopId, a.startDate, a.endDate]);
    expect(found.sort()).toEqual(cases);
  });

  it('scores a longer, bigger raise higher and puts money on it', () => {
    const [small] = findGouging(market([{ coop: 'C001', from: 0, days: 3, factor: 1.2 }]));
    const [big] = findGouging(market([{ coop: 'C001', from: 0, days: 7, factor: 1.4 }]));
    expect(big!.score).toBeGreaterThan(small!.score);
    // ≈ 0.4 KWD over peers × 10 units × 7 days
    expect(big!.valueAtStakeKwd).toBeGreaterThan(25);
    expect(big!.valueAtStakeKwd).toBeLessThan(31);
  });
});
