import { describe, expect, it } from 'vitest';
import { findDuplicateAid, type AidPayment } from './duplicate-aid';

const pay = (paymentId: string, charityId: string, date: string, over: Partial<AidPayment> = {}): AidPayment => ({
  charityId,
  paymentId,
  caseId: `K-${paymentId}`,
  civilId: '289010112345',
  aidType: 'food',
  date,
  amountKwd: 50,
  ...over,
});

describe('findDuplicateAid', () => {
  it.each([
    ['one payment', [pay('1', 'CH1', '2025-06-01')], []],
    [
      'monthly aid from one charity',
      [pay('1', 'CH1', '2025-04-01'), pay('2', 'CH1', '2025-05-05'), pay('3', 'CH1', '2025-06-06')],
      [],
    ],
    ['month-end aid 28 days apart', [pay('1', 'CH1', '2025-01-31'), pay('2', 'CH1', '2025-02-28')], []],
    [
      'the same aid from two charities in a week',
      [pay('1', 'CH1', '2025-06-01'), pay('2', 'CH2', '2025-06-07')],
      ['2'],
    ],
    ['twice from one charity in a fortnight', [pay('1', 'CH1', '2025-06-01'), pay('2', 'CH1', '2025-06-14')], ['2']],
    [
      'another type of aid is not a duplicate',
      [pay('1', 'CH1', '2025-06-01'), pay('2', 'CH2', '2025-06-07', { aidType: 'rent' })],
      [],
    ],
    [
      'another person is not a duplicate',
      [pay('1', 'CH1', '2025-06-01'), pay('2', 'CH2', '2025-06-07', { civilId: '290020254321' })],
      [],
    ],
    ['the same row sent twice is one payment', [pay('1', 'CH1', '2025-06-01'), pay('1', 'CH1', '2025-06-01')], []],
  ])('%s', (_, payments, extra) => {
    expect(findDuplicateAid(payments).map((a) => /payment (\S+) on case/.exec(a.detail)?.[1])).toEqual(extra);
  });

  it('ranks a cross-charity duplicate above a same-charity one, keeps the civil ID out', () => {
    const [across] = findDuplicateAid([pay('1', 'CH1', '2025-06-01'), pay('2', 'CH2', '2025-06-07')]);
    const [same] = findDuplicateAid([pay('1', 'CH1', '2025-06-01'), pay('2', 'CH1', '2025-06-07')]);
    expect(across).toMatchObject({
      kind: 'duplicate_aid',
      coopId: 'CH2',
      valueAtStakeKwd: 50,
      startDate: '2025-06-01',
      endDate: '2025-06-07',
    });
    expect(across?.score).toBeGreaterThan(same?.score as number);
    expect(across?.detail).not.toContain('289010112345');
  });
});
