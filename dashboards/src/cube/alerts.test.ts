import { alertProductNamesQuery, alertsQuery } from './alerts-queries';
import {
  alertProducts,
  compareAlerts,
  parseProductIds,
  toAlertRows,
  toProductNames,
  type AlertRow,
} from './alerts-rows';

const filterMembers = (q: ReturnType<typeof alertsQuery>) =>
  (q.filters ?? []).map((f) => ('member' in f ? `${f.member}=${(f.values ?? []).join('|')}` : ''));

describe('alerts queries', () => {
  it.each([
    [{}, ['alerts.is_open=true']],
    [{ governorateId: 'KW-HA' }, ['alerts.is_open=true', 'alerts.governorate_id=KW-HA']],
    [{ includeClosed: true }, []],
    [{ governorateId: 'KW-HA', includeClosed: true }, ['alerts.governorate_id=KW-HA']],
  ])('%j filters on %j', (scope, expected) => {
    expect(filterMembers(alertsQuery(scope))).toEqual(expected);
  });

  it('keys every row on the alert, so each measure is that alert’s own value', () => {
    const q = alertsQuery({});
    expect(q.dimensions).toContain('alerts.alert_id');
    expect(q.measures).toEqual(expect.arrayContaining(['alerts.ratio', 'alerts.hours_to_stockout']));
  });

  it('asks the alert times as time dimensions, the only way Cube puts them on Kuwait’s clock', () => {
    const q = alertsQuery({});
    expect(q.timeDimensions?.map((d) => [d.dimension, d.granularity])).toEqual([
      ['alerts.since_at', 'minute'],
      ['alerts.closed_at', 'minute'],
      ['alerts.expected_stockout_at', 'minute'],
    ]);
    expect(JSON.stringify(q.dimensions)).not.toMatch(/_at"/);
    // No date range: an old alert still open must not drop out.
    expect(q.timeDimensions?.every((d) => d.dateRange === undefined)).toBe(true);
  });

  it('names each product once, or asks nothing when there is none', () => {
    expect(alertProductNamesQuery([])).toBeNull();
    const q = alertProductNamesQuery(['b', 'a', 'b']);
    expect(q?.filters).toEqual([{ member: 'consumption.product_id', operator: 'equals', values: ['a', 'b'] }]);
    expect(q?.limit).toBe(2);
  });

  it('asks only the public views', () => {
    const members =
      JSON.stringify([alertsQuery({ governorateId: 'KW-KU' }), alertProductNamesQuery(['1'])]).match(/"(\w+)\.\w+"/g) ??
      [];
    expect(new Set(members.map((m) => m.slice(1).split('.')[0]))).toEqual(new Set(['alerts', 'consumption']));
  });
});

const raw = (over: Record<string, unknown>) => ({
  'alerts.alert_id': 'KW-HA:RICE:2025-06-18T13',
  'alerts.governorate_id': 'KW-HA',
  'alerts.governorate_name_ar': 'حولي',
  'alerts.governorate_name_en': 'Hawalli',
  'alerts.category_id': 'RICE',
  'alerts.category_name_ar': 'أرز',
  'alerts.category_name_en': 'Rice',
  'alerts.status': 'open',
  'alerts.severity': 'warning',
  'alerts.peak_severity': 'critical',
  'alerts.is_open': true,
  'alerts.top_product_ids': '111, 222,,111',
  'alerts.since_at.minute': '2025-06-18T13:00:00.000',
  'alerts.closed_at.minute': null,
  'alerts.expected_stockout_at.minute': '2025-06-25T05:00:00.000',
  'alerts.ratio': '2.5',
  'alerts.peak_ratio': '5.7',
  'alerts.hours_to_stockout': '11.1',
  'alerts.coops_affected': '1',
  'alerts.coops_total': '3',
  ...over,
});

describe('alert rows', () => {
  it('maps a row with numbers parsed, names in the reader’s language and the products split', () => {
    const [row] = toAlertRows([raw({})], 'en');
    expect(row).toMatchObject({
      id: 'KW-HA:RICE:2025-06-18T13',
      governorate: 'Hawalli',
      category: 'Rice',
      isOpen: true,
      severity: 'warning',
      peakSeverity: 'critical',
      productIds: ['111', '222'],
      sinceAt: '2025-06-18T13:00:00.000',
      closedAt: null,
      expectedStockoutAt: '2025-06-25T05:00:00.000',
      ratio: 2.5,
      hoursToStockout: 11.1,
      coopsTotal: 3,
    });
    expect(toAlertRows([raw({})], 'ar')[0]?.governorate).toBe('حولي');
  });

  it.each([
    // A missing measure is unknown, not zero: "0 hours to stock-out" would be a false alarm.
    ['alerts.hours_to_stockout', null, 'hoursToStockout', null],
    ['alerts.is_open', 'false', 'isOpen', false],
    ['alerts.is_open', 'true', 'isOpen', true],
    ['alerts.severity', 'severe', 'severity', null],
    ['alerts.category_name_en', '', 'category', 'أرز'],
  ] as const)('%s = %j → %s = %j', (member, value, key, expected) => {
    expect(toAlertRows([raw({ [member]: value })], 'en')[0]?.[key]).toEqual(expected);
  });

  it('falls back to the ids when neither name is there', () => {
    const [row] = toAlertRows(
      [
        raw({
          'alerts.category_name_ar': null,
          'alerts.category_name_en': null,
          'alerts.governorate_name_ar': '',
          'alerts.governorate_name_en': '',
        }),
      ],
      'ar',
    );
    expect([row?.governorate, row?.category]).toEqual(['KW-HA', 'RICE']);
  });

  it('puts open alerts first, then the most severe, the furthest above expected, the soonest out of stock', () => {
    const rows = toAlertRows(
      [
        raw({
          'alerts.alert_id': 'closed-critical',
          'alerts.is_open': false,
          'alerts.severity': 'critical',
          'alerts.ratio': '9',
        }),
        raw({ 'alerts.alert_id': 'watch', 'alerts.severity': 'watch', 'alerts.ratio': '8' }),
        raw({ 'alerts.alert_id': 'warning-2x', 'alerts.ratio': '2' }),
        raw({ 'alerts.alert_id': 'warning-3x-late', 'alerts.ratio': '3', 'alerts.hours_to_stockout': '40' }),
        raw({ 'alerts.alert_id': 'warning-3x-soon', 'alerts.ratio': '3', 'alerts.hours_to_stockout': '4' }),
        raw({ 'alerts.alert_id': 'warning-no-ratio', 'alerts.ratio': null }),
        raw({ 'alerts.alert_id': 'critical', 'alerts.severity': 'critical', 'alerts.ratio': '1.2' }),
      ],
      'en',
    );
    expect(rows.map((r) => r.id)).toEqual([
      'critical',
      'warning-3x-soon',
      'warning-3x-late',
      'warning-2x',
      'warning-no-ratio',
      'watch',
      'closed-critical',
    ]);
  });

  it('orders equal alerts by id, so the table does not shuffle between refreshes', () => {
    const [a, b] = toAlertRows([raw({ 'alerts.alert_id': 'b' }), raw({ 'alerts.alert_id': 'a' })], 'en') as [
      AlertRow,
      AlertRow,
    ];
    expect([a.id, b.id]).toEqual(['a', 'b']);
    expect(compareAlerts(a, a)).toBe(0);
  });

  it.each([
    ['1,2,3', ['1', '2', '3']],
    [' 1 , 2 ,2', ['1', '2']],
    ['', []],
    [null, []],
  ])('parseProductIds(%j) = %j', (input, expected) => {
    expect(parseProductIds(input)).toEqual(expected);
  });

  it('names products where the consumption view knows them, by id otherwise', () => {
    const names = toProductNames(
      [
        {
          'consumption.product_id': '111',
          'consumption.product_name_ar': 'أرز بسمتي',
          'consumption.product_name_en': 'Basmati rice',
        },
        { 'consumption.product_id': '222', 'consumption.product_name_ar': '', 'consumption.product_name_en': 'Sugar' },
      ],
      'ar',
    );
    const [row] = toAlertRows([raw({ 'alerts.top_product_ids': '111,222,333' })], 'ar') as [AlertRow];
    expect(alertProducts(row, names)).toEqual(['أرز بسمتي', 'Sugar', '333']);
  });
});
