import { coverQuery, crisisFreshnessQuery, drillLevel, essentialsQuery, salesVelocityQuery } from './queries';
import { toCoverRows, toEssentialRows, toSparkSeries } from './rows';

describe('drill levels', () => {
  it.each([
    [{}, 'governorate', 'crisis.governorate_id', []],
    [{ governorateId: 'KW-JA' }, 'coop', 'crisis.coop_id', ['crisis.governorate_id']],
    [{ governorateId: 'KW-JA', coopId: 'C007' }, 'site', 'crisis.site_id', ['crisis.governorate_id', 'crisis.coop_id']],
  ])('%j → %s', (scope, level, firstDimension, scoped) => {
    expect(drillLevel(scope)).toBe(level);
    const q = coverQuery(scope);
    expect(q.dimensions?.[0]).toBe(firstDimension);
    const members = (q.filters ?? []).map((f) => ('member' in f ? f.member : ''));
    // Only essential products, only each site's latest stock day, whatever the level.
    expect(members.slice(0, 2)).toEqual(['crisis.is_essential', 'crisis.is_latest']);
    expect(members.slice(2)).toEqual(scoped);
  });

  it('asks only the public views', () => {
    const all = [
      coverQuery({}),
      essentialsQuery({ coopId: 'C001' }),
      crisisFreshnessQuery({}),
      salesVelocityQuery({ governorateId: 'KW-KU' }, '2025-06-01', '2025-06-30'),
    ];
    const members = JSON.stringify(all).match(/"(\w+)\.\w+"/g) ?? [];
    expect(new Set(members.map((m) => m.slice(1).split('.')[0]))).toEqual(new Set(['crisis', 'consumption']));
  });
});

describe('row mapping', () => {
  it('names rows in the reader’s language, then the other, then the id', () => {
    const raw = [
      {
        'crisis.coop_id': 'C001',
        'crisis.coop_name_ar': 'الروضة',
        'crisis.coop_name_en': 'Rawda',
        'crisis.days_of_cover': '4.25',
        'crisis.stock_on_hand': '100.000',
        'crisis.demand_per_day': null,
      },
      {
        'crisis.coop_id': 'C002',
        'crisis.coop_name_ar': '',
        'crisis.coop_name_en': 'Adailiya',
        'crisis.days_of_cover': null,
      },
      { 'crisis.coop_id': 'C003' },
    ];
    expect(toCoverRows(raw, 'coop', 'ar')).toEqual([
      { id: 'C001', name: 'الروضة', daysOfCover: 4.25, stockOnHand: 100, demandPerDay: null },
      { id: 'C002', name: 'Adailiya', daysOfCover: null, stockOnHand: null, demandPerDay: null },
      { id: 'C003', name: 'C003', daysOfCover: null, stockOnHand: null, demandPerDay: null },
    ]);
    expect(toCoverRows(raw, 'coop', 'en')[0]?.name).toBe('Rawda');
  });

  it('maps essential products with their category', () => {
    const raw = [
      {
        'crisis.product_id': '6281000000001',
        'crisis.product_name_en': 'Rice 5kg',
        'crisis.category_name_en': 'Rice',
        'crisis.days_of_cover': '1.5',
      },
    ];
    expect(toEssentialRows(raw, 'en')[0]).toMatchObject({
      id: '6281000000001',
      name: 'Rice 5kg',
      category: 'Rice',
      daysOfCover: 1.5,
    });
  });

  it('fills missing sales days with zero so sparklines align', () => {
    const raw = [
      {
        'consumption.product_id': 'A',
        'consumption.business_date.day': '2025-06-01T00:00:00.000',
        'consumption.quantity': '3',
      },
      {
        'consumption.product_id': 'A',
        'consumption.business_date.day': '2025-06-03T00:00:00.000',
        'consumption.quantity': '5',
      },
      {
        'consumption.product_id': 'B',
        'consumption.business_date.day': '2025-06-02T00:00:00.000',
        'consumption.quantity': '2',
      },
    ];
    const s = toSparkSeries(raw);
    expect(s.get('A')).toEqual([3, 0, 5]);
    expect(s.get('B')).toEqual([0, 2, 0]);
  });
});
