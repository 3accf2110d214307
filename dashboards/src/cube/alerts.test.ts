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
    [{}, ['surge_alerts.is_open=true']],
    [{ governorateId: 'KW-HA' }, ['surge_alerts.is_open=true', 'surge_alerts.governorate_id=KW-HA']],
    [{ includeClosed: true }, []],
    [{ governorateId: 'KW-HA', includeClosed: true }, ['surge_alerts.governorate_id=KW-HA']],
  ])('%j filters on %j', (scope, expected) => {
    expect(filterMembers(alertsQuery(scope))).toEqual(expected);
  });

  it('keys every row on the alert, so each measure is that alert’s own value', () => {
    const q = alertsQuery({});
    expect(q.dimensions).toContain('surge_alerts.alert_id');
    expect(q.measures).toEqual(expect.arrayContaining(['surge_alerts.ratio', 'surge_alerts.hours_to_stockout']));
  });

  it('asks the alert times as time dimensions, the only way Cube puts them on Kuwait’s clock', () => {
    const q = alertsQuery({});
    expect(q.timeDimensions?.map((d) => [d.dimension, d.granularity])).toEqual([
      ['surge_alerts.since_at', 'minute'],
      ['surge_alerts.closed_at', 'minute'],
      ['surge_alerts.expected_stockout_at', 'minute'],
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
    expect(new Set(members.map((m) => m.slice(1).split('.')[0]))).toEqual(new Set(['surge_alerts', 'consumption']));
  });
});

const raw = (over: Record<string, unknown>) => ({
  'surge_alerts.alert_id': 'KW-HA:RICE:2025-06-18T13',
  'surge_alerts.governorate_id': 'KW-HA',
  'surge_alerts.governorate_name_ar': 'حولي',
  'surge_alerts.governorate_name_en': 'Hawalli',
  'surge_alerts.category_id': 'RICE',
  'surge_alerts.category_name_ar': 'أرز',
  'surge_alerts.category_name_en': 'Rice',
  'surge_alerts.status': 'open',
  'surge_alerts.severity': 'warning',
  'surge_alerts.peak_severity': 'critical',
  'surge_alerts.is_open': true,
  'surge_alerts.top_product_ids': '111, 222,,111',
  'surge_alerts.since_at.minute': '2025-06-18T13:00:00.000',
  'surge_alerts.closed_at.minute': null,
  'surge_alerts.expected_stockout_at.minute': '2025-06-25T05:00:00.000',
  'surge_alerts.ratio': '2.5',
  'surge_alerts.peak_ratio': '5.7',
  'surge_alerts.hours_to_stockout': '11.1',
  'surge_alerts.coops_affected': '1',
  'surge_alerts.coops_total': '3',
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
    ['surge_alerts.hours_to_stockout', null, 'hoursToStockout', null],
    ['surge_alerts.is_open', 'false', 'isOpen', false],
    ['surge_alerts.is_open', 'true', 'isOpen', true],
    ['surge_alerts.severity', 'severe', 'severity', null],
    ['surge_alerts.category_name_en', '', 'category', 'أرز'],
  ] as const)('%s = %j → %s = %j', (member, value, key, expected) => {
    expect(toAlertRows([raw({ [member]: value })], 'en')[0]?.[key]).toEqual(expected);
  });

  it('falls back to the ids when neither name is there', () => {
    const [row] = toAlertRows(
      [
        raw({
          'surge_alerts.category_name_ar': null,
          'surge_alerts.category_name_en': null,
          'surge_alerts.governorate_name_ar': '',
          'surge_alerts.governorate_name_en': '',
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
          'surge_alerts.alert_id': 'closed-critical',
          'surge_alerts.is_open': false,
          'surge_alerts.severity': 'critical',
          'surge_alerts.ratio': '9',
        }),
        raw({ 'surge_alerts.alert_id': 'watch', 'surge_alerts.severity': 'watch', 'surge_alerts.ratio': '8' }),
        raw({ 'surge_alerts.alert_id': 'warning-2x', 'surge_alerts.ratio': '2' }),
        raw({
          'surge_alerts.alert_id': 'warning-3x-late',
          'surge_alerts.ratio': '3',
          'surge_alerts.hours_to_stockout': '40',
        }),
        raw({
          'surge_alerts.alert_id': 'warning-3x-soon',
          'surge_alerts.ratio': '3',
          'surge_alerts.hours_to_stockout': '4',
        }),
        raw({ 'surge_alerts.alert_id': 'warning-no-ratio', 'surge_alerts.ratio': null }),
        raw({ 'surge_alerts.alert_id': 'critical', 'surge_alerts.severity': 'critical', 'surge_alerts.ratio': '1.2' }),
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
    const [a, b] = toAlertRows(
      [raw({ 'surge_alerts.alert_id': 'b' }), raw({ 'surge_alerts.alert_id': 'a' })],
      'en',
    ) as [AlertRow, AlertRow];
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
    const [row] = toAlertRows([raw({ 'surge_alerts.top_product_ids': '111,222,333' })], 'ar') as [AlertRow];
    expect(alertProducts(row, names)).toEqual(['أرز بسمتي', 'Sugar', '333']);
  });
});
