import { buildPriceOption } from '../charts/price-line';
import { auditFreshnessQuery, auditLevel, auditNamesQuery, auditQuery } from './audit-queries';
import { toAuditRows } from './audit-rows';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('audit drill', () => {
  it.each([
    [{}, 'coop', 'audit.coop_id', []],
    [{ coopId: 'C001' }, 'site', 'audit.site_id', ['audit.coop_id']],
    [{ coopId: 'C001', siteId: 'C001-B01' }, 'product', 'audit.product_id', ['audit.coop_id', 'audit.site_id']],
    [
      { coopId: 'C001', siteId: 'C001-B01', productId: '6281000000001' },
      'day',
      'audit.unit_price_kwd',
      ['audit.coop_id', 'audit.site_id', 'audit.product_id'],
    ],
    [
      { coopId: 'C001', siteId: 'C001-B01', productId: '6281000000001', day: '2025-06-30' },
      'rows',
      'audit.sales_daily_key',
      ['audit.coop_id', 'audit.site_id', 'audit.product_id'],
    ],
  ] as const)('%j → %s', (scope, level, firstDimension, filtered) => {
    expect(auditLevel(scope)).toBe(level);
    const q = auditQuery(scope);
    expect(q.dimensions?.[0]).toBe(firstDimension);
    expect((q.filters ?? []).map((f) => ('member' in f ? f.member : ''))).toEqual(filtered);
  });

  it('narrows the rows to the chosen day, and the other levels to the chosen range', () => {
    const day = auditQuery({
      coopId: 'C001',
      siteId: 'C001-M',
      productId: '6281000000001',
      day: '2025-06-30',
      from: '2025-06-01',
    });
    expect(day.timeDimensions?.[0]).toMatchObject({ dateRange: ['2025-06-30', '2025-06-30'], granularity: 'day' });
    expect(auditQuery({ from: '2025-06-01', to: '2025-06-30' }).timeDimensions).toEqual([
      { dimension: 'audit.business_date', dateRange: ['2025-06-01', '2025-06-30'] },
    ]);
    expect(auditQuery({}).timeDimensions).toBeUndefined();
  });

  it('asks only the audit view', () => {
    const all = [
      auditQuery({}),
      auditQuery({ coopId: 'C1', siteId: 'C1-M', productId: '1', day: '2025-01-01' }),
      auditNamesQuery({ coopId: 'C1', siteId: 'C1-M' }),
      auditFreshnessQuery({}),
    ];
    expect(new Set((JSON.stringify(all).match(/"(\w+)\.\w+/g) ?? []).map((m) => m.slice(1).split('.')[0]))).toEqual(
      new Set(['audit']),
    );
  });
});

describe('toAuditRows', () => {
  it('names co-ops in the reader’s language and keeps the vendor beside them', () => {
    const rows = toAuditRows(
      [
        {
          'audit.coop_id': 'C001',
          'audit.coop_name_ar': 'الروضة',
          'audit.coop_name_en': 'Rawda',
          'audit.vendor': 'B',
          'audit.quantity': '10.000',
          'audit.net_amount_kwd': '12.500',
          'audit.receipt_count': '4',
          'audit.row_count': '3',
        },
      ],
      'coop',
      'ar',
    );
    expect(rows).toEqual([
      {
        id: 'C001',
        name: 'الروضة',
        detail: 'B',
        quantity: 10,
        amount: 12.5,
        receipts: 4,
        rows: 3,
        listPrice: null,
        unitPrice: 1.25,
        deviation: null,
      },
    ]);
  });

  it.each([
    ['at the list price', '10.000', '12.500', '1.250', 0],
    ['a fifth above it', '10.000', '15.000', '1.250', 0.2],
    ['below it', '4.000', '4.000', '1.250', -0.2],
  ])('prices a product sold %s', (_name, quantity, amount, list, deviation) => {
    const [row] = toAuditRows(
      [
        {
          'audit.product_id': '6281',
          'audit.product_name_en': 'Rice',
          'audit.quantity': quantity,
          'audit.net_amount_kwd': amount,
          'audit.unit_price_kwd': list,
        },
      ],
      'product',
      'en',
    );
    expect(row!.deviation).toBeCloseTo(deviation, 10);
  });

  it('has no unit price when nothing was sold, and keys mart rows by their key', () => {
    const [day] = toAuditRows(
      [{ 'audit.business_date.day': '2025-06-30T00:00:00.000', 'audit.quantity': '0', 'audit.net_amount_kwd': '0' }],
      'day',
      'en',
    );
    expect(day).toMatchObject({ id: '2025-06-30', unitPrice: null, deviation: null });
    const [row] = toAuditRows(
      [
        {
          'audit.sales_daily_key': 'k1',
          'audit.business_date.day': '2025-06-30T00:00:00.000',
          'audit.site_id': 'C001-M',
          'audit.product_id': '6281',
        },
      ],
      'rows',
      'en',
    );
    expect(row).toMatchObject({ id: 'k1', name: '2025-06-30', detail: 'C001-M · 6281' });
  });
});

describe('buildPriceOption', () => {
  const days = toAuditRows(
    [
      {
        'audit.business_date.day': '2025-06-29T00:00:00.000',
        'audit.quantity': '2',
        'audit.net_amount_kwd': '2.500',
        'audit.unit_price_kwd': '1.250',
      },
      {
        'audit.business_date.day': '2025-06-30T00:00:00.000',
        'audit.quantity': '2',
        'audit.net_amount_kwd': '3.000',
        'audit.unit_price_kwd': '1.250',
      },
    ],
    'day',
    'ar',
  );

  it('draws the charged price by day against the list price line', () => {
    const o = buildPriceOption({ days, lang: 'ar', labels: { unitPrice: 'u', listPrice: 'l' } }) as Loose;
    expect(o.dataset.source).toEqual([
      { day: '2025-06-29', unitPrice: 1.25 },
      { day: '2025-06-30', unitPrice: 1.5 },
    ]);
    expect(o.series[0].markLine.data).toEqual([{ yAxis: 1.25 }]);
    expect(o.xAxis.inverse).toBe(true);
    // Dinars with three decimals on the axis, in Arabic-Indic digits.
    expect(o.yAxis.axisLabel.formatter(1.5).replace(/[\u200e\u200f\u061c\u00a0]/g, ' ')).toContain('١٫٥٠٠');
  });

  it('leaves the reference line out when the list price is unknown', () => {
    const o = buildPriceOption({
      days: days.map((d) => ({ ...d, listPrice: null })),
      lang: 'en',
      labels: { unitPrice: 'u', listPrice: 'l' },
    }) as Loose;
    expect(o.series[0].markLine).toBeUndefined();
  });
});
