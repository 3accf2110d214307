import { describe, expect, it } from 'vitest';
import { findDuplicateLedgerInvoices } from './duplicate-ledger-invoice';
import type { LedgerLine } from './ledger-lines';

const gl = (
  entryId: string,
  date: string,
  account: string,
  debit: number,
  credit: number,
  over: Partial<LedgerLine> = {},
): LedgerLine => ({
  coopId: 'C001',
  governorateId: 'KW-JA',
  entryId,
  date,
  account,
  costCenter: 'C001-W',
  debitKwd: debit,
  creditKwd: credit,
  documentNo: 'INV-S01-C001-000001',
  counterparty: 'S01',
  batchId: 'b1',
  ...over,
});
/** A supplier invoice booked: Dr inventory / Cr payables. */
const booked = (entryId: string, date: string, kwd: number, over: Partial<LedgerLine> = {}) => [
  gl(entryId, date, '1210', kwd, 0, over),
  gl(entryId, date, '2110', 0, kwd, over),
];
/** Its payment: Dr payables / Cr cash, at head office. */
const paid = (entryId: string, date: string, kwd: number, over: Partial<LedgerLine> = {}) => [
  gl(entryId, date, '2110', kwd, 0, { costCenter: 'C001', ...over }),
  gl(entryId, date, '1110', 0, kwd, { costCenter: 'C001', ...over }),
];

describe('findDuplicateLedgerInvoices', () => {
  it.each([
    ['an invoice booked once and paid', [...booked('JE-1', '2025-05-01', 500), ...paid('JE-9', '2025-05-31', 500)], []],
    [
      'two invoices of one supplier',
      [
        ...booked('JE-1', '2025-05-01', 500),
        ...booked('JE-2', '2025-05-02', 500, { documentNo: 'INV-S01-C001-000002' }),
      ],
      [],
    ],
    [
      'the same number from two suppliers',
      [...booked('JE-1', '2025-05-01', 500), ...booked('JE-2', '2025-05-02', 300, { counterparty: 'S02' })],
      [],
    ],
    [
      'the same number at two co-ops',
      [
        ...booked('JE-1', '2025-05-01', 500),
        ...booked('JE-2', '2025-05-02', 500, { coopId: 'C002', costCenter: 'C002-W' }),
      ],
      [],
    ],
    [
      'an invoice booked again 16 days later',
      [...booked('JE-1', '2025-05-14', 606.531), ...booked('JE-5', '2025-05-30', 606.531)],
      ['JE-5'],
    ],
    [
      'booked three times',
      [...booked('JE-1', '2025-05-01', 80), ...booked('JE-2', '2025-05-05', 80), ...booked('JE-3', '2025-05-09', 80)],
      ['JE-2', 'JE-3'],
    ],
  ])('%s', (_, lines, extra) => {
    expect(findDuplicateLedgerInvoices(lines).map((a) => /in entry (\S+) on/.exec(a.detail)?.[1])).toEqual(extra);
  });

  it('puts the second booking at stake, drills to the warehouse and counts the payments', () => {
    const lines = [
      ...booked('JE-1', '2025-05-14', 600, { batchId: 'b-may' }),
      ...booked('JE-5', '2025-05-30', 600, { batchId: 'b-may' }),
      ...paid('JE-7', '2025-06-13', 600),
      ...paid('JE-8', '2025-06-29', 600),
    ];
    const [c] = findDuplicateLedgerInvoices(lines);
    expect(c).toMatchObject({
      kind: 'duplicate_invoice',
      coopId: 'C001',
      siteId: 'C001-W',
      productId: null,
      startDate: '2025-05-14',
      endDate: '2025-05-30',
      valueAtStakeKwd: 600,
      observed: 1200,
      expected: 600,
    });
    expect(c?.detail).toContain('paid 2 times (JE-7 2025-06-13, JE-8 2025-06-29)');
    expect(c?.detail).toContain('batch b-may');
  });

  it('scores a dearer duplicate higher, and a head-office booking has no site', () => {
    const [dear] = findDuplicateLedgerInvoices([
      ...booked('JE-1', '2025-05-01', 5000),
      ...booked('JE-2', '2025-05-05', 5000),
    ]);
    const [cheap] = findDuplicateLedgerInvoices([
      ...booked('JE-1', '2025-05-01', 50, { costCenter: 'C001' }),
      ...booked('JE-2', '2025-05-05', 50, { costCenter: 'C001' }),
    ]);
    expect(dear?.score).toBeGreaterThan(cheap?.score as number);
    expect(cheap?.siteId).toBeNull();
  });
});
