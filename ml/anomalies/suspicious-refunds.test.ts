import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates';
import type { LedgerLine } from './ledger-lines';
import { findSuspiciousRefunds } from './suspicious-refunds';

/** A refund at the till: Dr sales returns at the site, counterparty the cashier. */
const refund = (
  employee: string,
  site: string,
  date: string,
  kwd: number,
  over: Partial<LedgerLine> = {},
): LedgerLine => ({
  coopId: site.slice(0, 4),
  governorateId: 'KW-JA',
  entryId: `JE-${employee}-${date}-${kwd}`,
  date,
  account: '4120',
  costCenter: site,
  debitKwd: kwd,
  creditKwd: 0,
  documentNo: 'RF-1',
  counterparty: employee,
  batchId: `b-${date.slice(0, 7)}`,
  ...over,
});

// Twelve ordinary cashiers at four sites: 8 refunds each of a few KWD, now and then one near 10.
const AMOUNTS = [1.5, 2.25, 3, 4.1, 2.8, 6.5, 3.3, 1.9, 9.4, 2.2, 5.1, 3.7];
const SITES = ['C001-M', 'C001-B01', 'C002-M', 'C003-M'];
const ordinary: LedgerLine[] = Array.from({ length: 12 }, (_, i) =>
  Array.from({ length: 8 }, (_, k) =>
    refund(
      `E-${i}`,
      SITES[i % 4] as string,
      addDaysIso('2025-06-01', k * 3 + (i % 3)),
      AMOUNTS[(i + k) % 12] as number,
    ),
  ),
).flat();
/** `count` refunds by one cashier at C001-B01, one a day from 2025-06-05. */
const run = (employee: string, count: number, kwd: (k: number) => number) =>
  Array.from({ length: count }, (_, k) => refund(employee, 'C001-B01', addDaysIso('2025-06-05', k), kwd(k)));

describe('findSuspiciousRefunds', () => {
  it.each([
    ['ordinary cashiers only', [], []],
    ['a run of refunds just under 20 KWD', run('E-X', 20, (k) => 17.6 + (k % 5) * 0.45), ['E-X']],
    ['refunds far above every cashier', run('E-X', 8, () => 55), ['E-X']],
    ['a few refunds just under 20 KWD (too few to be a pattern)', run('E-X', 4, () => 19.5), []],
    [
      'nine refunds just under 5 KWD (chance, in a band ordinary refunds reach)',
      run('E-X', 9, (k) => 4.3 + (k % 6) * 0.1),
      [],
    ],
    ['many small refunds like everyone else', run('E-X', 8, (k) => AMOUNTS[k] as number), []],
    [
      'a sales-return credit is not a refund',
      run('E-X', 20, () => 19).map((l) => ({ ...l, debitKwd: 0, creditKwd: 19 })),
      [],
    ],
  ])('%s', (_, extra, flagged) => {
    expect(findSuspiciousRefunds([...ordinary, ...extra]).map((a) => /cashier (\S+):/.exec(a.detail)?.[1])).toEqual(
      flagged,
    );
  });

  it('drills to the site and the run of refunds under the limit, the excess at stake', () => {
    const under = run('E-X', 20, () => 19);
    const [c] = findSuspiciousRefunds([...ordinary, refund('E-X', 'C001-B01', '2025-06-01', 2), ...under]);
    const typical = c?.expected as number;
    expect(c).toMatchObject({
      kind: 'suspicious_refunds',
      coopId: 'C001',
      siteId: 'C001-B01',
      productId: null,
      startDate: '2025-06-05',
      endDate: '2025-06-24',
      observed: 382,
    });
    expect(typical).toBeGreaterThan(20);
    expect(typical).toBeLessThan(40);
    expect(c?.valueAtStakeKwd).toBeCloseTo(382 - typical, 9);
    expect(c?.detail).toContain('20 just under 20 KWD');
    expect(c?.detail).toContain('batches b-2025-06');
  });

  it('scores crowding under a limit above the same KWD spread over ordinary amounts', () => {
    const [under] = findSuspiciousRefunds([...ordinary, ...run('E-X', 10, () => 19)]);
    const [over] = findSuspiciousRefunds([...ordinary, ...run('E-X', 10, (k) => (k % 2 ? 13 : 25))]);
    expect(under?.observed).toBeCloseTo(over?.observed as number, 9);
    expect(under?.score).toBeGreaterThan(over?.score as number);
  });
});
