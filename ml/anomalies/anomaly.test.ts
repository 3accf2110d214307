import { describe, expect, it } from 'vitest';
import { uniqueAnomalyIds, type Anomaly } from './anomaly';

const a = (kind: Anomaly['kind'], siteId: string | null, startDate: string): Anomaly => ({
  kind,
  coopId: 'C001',
  governorateId: 'KW-JA',
  siteId,
  productId: null,
  startDate,
  endDate: startDate,
  score: 1,
  valueAtStakeKwd: 1,
  observed: null,
  expected: null,
  detail: '',
});

describe('uniqueAnomalyIds', () => {
  it.each([
    [
      'distinct cases keep their ids',
      [a('duplicate_invoice', 'C001-W', '2025-06-01'), a('duplicate_invoice', 'C001-W', '2025-06-02')],
      ['duplicate_invoice:C001:C001-W::2025-06-01', 'duplicate_invoice:C001:C001-W::2025-06-02'],
    ],
    [
      'two invoices booked twice on one day',
      [
        a('duplicate_invoice', 'C001-W', '2025-06-01'),
        a('duplicate_invoice', 'C001-W', '2025-06-01'),
        a('duplicate_invoice', 'C001-W', '2025-06-01'),
      ],
      [
        'duplicate_invoice:C001:C001-W::2025-06-01',
        'duplicate_invoice:C001:C001-W::2025-06-01:2',
        'duplicate_invoice:C001:C001-W::2025-06-01:3',
      ],
    ],
    [
      'another kind on the same keys is another id',
      [a('duplicate_invoice', null, '2025-06-01'), a('suspicious_refunds', null, '2025-06-01')],
      ['duplicate_invoice:C001:::2025-06-01', 'suspicious_refunds:C001:::2025-06-01'],
    ],
  ])('%s', (_, list, ids) => {
    expect(uniqueAnomalyIds(list)).toEqual(ids);
  });
});
