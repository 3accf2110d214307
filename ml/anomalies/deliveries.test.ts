import { describe, expect, it } from 'vitest';
import { findDuplicateInvoices, findUnmatchedDeliveries, type DeliveryLine } from './deliveries';

const line = (over: Partial<DeliveryLine>): DeliveryLine => ({
  coopId: 'C001',
  governorateId: 'KW-JA',
  siteId: 'C001-W',
  supplierId: 'S01',
  productId: 'P1',
  deliveryId: 'DN-1',
  invoiceNo: 'INV-1',
  date: '2025-06-01',
  quantity: 10,
  unitCostKwd: 0.5,
  ...over,
});

describe('findUnmatchedDeliveries', () => {
  const asOf = '2025-06-30';
  it.each([
    ['sold since the delivery', '2025-06-20', 0],
    ['sold a week before it (still stocked)', '2025-05-25', 0],
    ['last sold two months before it', '2025-04-01', 1],
    ['never sold', undefined, 1],
  ])('%s → %d case', (_, last, n) => {
    const sales = new Map(last ? [['C001|P1', last]] : []);
    expect(findUnmatchedDeliveries([line({})], sales, asOf)).toHaveLength(n);
  });

  it('gives a recent delivery a week before judging it', () => {
    expect(findUnmatchedDeliveries([line({ date: '2025-06-25' })], new Map(), asOf)).toEqual([]);
  });

  it('puts the paid value at stake and scores a longer wait higher', () => {
    const [old] = findUnmatchedDeliveries([line({ date: '2025-05-01', quantity: 40 })], new Map(), asOf);
    const [recent] = findUnmatchedDeliveries([line({ date: '2025-06-20' })], new Map(), asOf);
    expect(old).toMatchObject({
      kind: 'delivery_without_sales',
      coopId: 'C001',
      siteId: 'C001-W',
      productId: 'P1',
      valueAtStakeKwd: 20,
    });
    expect(old?.score).toBeGreaterThan(recent?.score as number);
  });
});

describe('findDuplicateInvoices', () => {
  const note = (id: string, invoice: string, date: string, qty = [10, 4]) => [
    line({ deliveryId: id, invoiceNo: invoice, date, productId: 'P1', quantity: qty[0] }),
    line({ deliveryId: id, invoiceNo: invoice, date, productId: 'P2', quantity: qty[1] }),
  ];

  it.each([
    [
      'distinct invoices, different lines',
      [...note('DN-1', 'INV-1', '2025-06-01'), ...note('DN-2', 'INV-2', '2025-06-02', [3, 4])],
      [],
    ],
    [
      'an invoice number on two deliveries',
      [...note('DN-1', 'INV-1', '2025-06-01'), ...note('DN-2', 'INV-1', '2025-06-09', [3, 4])],
      ['DN-2 INV-1'],
    ],
    [
      'the same lines re-keyed two days later',
      [...note('DN-1', 'INV-1', '2025-06-01'), ...note('DN-2', 'INV-7', '2025-06-03')],
      ['DN-2 INV-7'],
    ],
    [
      'one line repeated two days later (a re-order)',
      [
        line({ deliveryId: 'DN-1', invoiceNo: 'INV-1', date: '2025-06-01' }),
        line({ deliveryId: 'DN-2', invoiceNo: 'INV-2', date: '2025-06-03' }),
      ],
      [],
    ],
    [
      'the same lines a fortnight later (a regular order)',
      [...note('DN-1', 'INV-1', '2025-06-01'), ...note('DN-2', 'INV-2', '2025-06-15')],
      [],
    ],
  ])('%s', (_, lines, found) => {
    expect(
      findDuplicateInvoices(lines).map(
        (a) => /delivery (DN-\d+)/.exec(a.detail)?.[1] + ' ' + /invoice (INV-\d+)/.exec(a.detail)?.[1],
      ),
    ).toEqual(found);
  });

  it('puts the duplicate amount at stake, a reused number above a re-keyed copy', () => {
    const [reused] = findDuplicateInvoices([
      ...note('DN-1', 'INV-1', '2025-06-01'),
      ...note('DN-2', 'INV-1', '2025-06-09'),
    ]);
    const [rekeyed] = findDuplicateInvoices([
      ...note('DN-1', 'INV-1', '2025-06-01'),
      ...note('DN-2', 'INV-2', '2025-06-02'),
    ]);
    expect(reused?.valueAtStakeKwd).toBeCloseTo(7, 9);
    expect(reused?.score).toBeGreaterThan(rekeyed?.score as number);
  });
});
