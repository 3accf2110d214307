import { linkageQuery, summarizeLinkage, toLinkageRows } from './linkage';

const row = (coop: string, feed: string, linked: boolean | string, late: number | null, share = '0') => ({
  'linkage.coop_id': coop,
  'linkage.coop_name_ar': `ج ${coop}`,
  'linkage.coop_name_en': `Coop ${coop}`,
  'linkage.feed': feed,
  'linkage.is_linked': linked,
  'linkage.late_days': late,
  'linkage.last_business_date': late === null ? null : '2025-06-29T00:00:00.000',
  'linkage.quarantine_share': share,
});

describe('linkage', () => {
  it('asks the linkage view only, optionally for one governorate', () => {
    expect(linkageQuery().filters).toEqual([]);
    expect(linkageQuery('KW-JA').filters).toEqual([
      { member: 'linkage.governorate_id', operator: 'equals', values: ['KW-JA'] },
    ]);
    expect(new Set([...linkageQuery().measures!, ...linkageQuery().dimensions!].map((m) => m.split('.')[0]))).toEqual(
      new Set(['linkage']),
    );
    // The last receipt on Kuwait's clock: a time dimension, never a plain one (that comes back in UTC).
    expect(linkageQuery().timeDimensions).toEqual([{ dimension: 'linkage.last_received_at', granularity: 'minute' }]);
    expect(linkageQuery().dimensions).not.toContain('linkage.last_received_at');
  });

  it('puts the co-ops to call first: unlinked, never sent, most days late', () => {
    const rows = toLinkageRows(
      [
        row('C001', 'sales', true, 0),
        row('C002', 'stock', true, 3),
        row('C003', 'sales', 'false', null),
        row('C004', 'sales', true, null),
        row('C005', 'sales', true, 1, '12.5'),
      ],
      'en',
    );
    expect(rows.map((r) => r.id)).toEqual(['C003:sales', 'C004:sales', 'C002:stock', 'C005:sales', 'C001:sales']);
    expect(rows[3]).toMatchObject({
      coop: 'Coop C005',
      lateDays: 1,
      quarantineShare: 12.5,
      lastBusinessDate: '2025-06-29',
    });
    expect(summarizeLinkage(rows)).toEqual({ feeds: 5, linked: 4, late: 2, neverSent: 2 });
  });
});
