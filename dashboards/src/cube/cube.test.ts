import {
  coverQuery,
  crisisFreshnessQuery,
  drillLevel,
  essentialsQuery,
  salesVelocityQuery,
  scopeNamesQuery,
} from './queries';
import { isStale, toCoverRows, toEssentialRows, toSparkSeries } from './rows';

describe('drill levels', () => {
  it.each([
    [{}, 'governorate', 'crisis_now.governorate_id', []],
    [{ governorateId: 'KW-JA' }, 'coop', 'crisis_now.coop_id', ['crisis_now.governorate_id']],
    [
      { governorateId: 'KW-JA', coopId: 'C007' },
      'site',
      'crisis_now.site_id',
      ['crisis_now.governorate_id', 'crisis_now.coop_id'],
    ],
  ])('%j → %s', (scope, level, firstDimension, scoped) => {
    expect(drillLevel(scope)).toBe(level);
    const q = coverQuery(scope);
    expect(q.dimensions?.[0]).toBe(firstDimension);
    const members = (q.filters ?? []).map((f) => ('member' in f ? f.member : ''));
    // crisis_now holds only each site's latest count of essentials: the scope is the only filter.
    expect(members).toEqual(scoped);
    expect(q.measures).toEqual(expect.arrayContaining(['crisis_now.stale_count', 'crisis_now.site_products']));
  });

  it('reads the stock now from crisis_now only, never the day-by-day crisis view', () => {
    const all = [
      coverQuery({ governorateId: 'KW-JA' }),
      essentialsQuery({}),
      crisisFreshnessQuery({ coopId: 'C001' }),
      scopeNamesQuery({ governorateId: 'KW-JA', coopId: 'C001' }, 'ar'),
    ];
    const views = new Set((JSON.stringify(all).match(/"(\w+)\.\w+"/g) ?? []).map((m) => m.slice(1).split('.')[0]));
    expect(views).toEqual(new Set(['crisis_now']));
    expect(JSON.stringify(all)).not.toMatch(/is_latest|is_essential/);
  });

  it('asks only the public views', () => {
    const all = [
      coverQuery({}),
      essentialsQuery({ coopId: 'C001' }),
      crisisFreshnessQuery({}),
      salesVelocityQuery({ governorateId: 'KW-KU' }, '2025-06-01', '2025-06-30'),
    ];
    const members = JSON.stringify(all).match(/"(\w+)\.\w+"/g) ?? [];
    expect(new Set(members.map((m) => m.slice(1).split('.')[0]))).toEqual(new Set(['crisis_now', 'consumption']));
  });
});

describe('row mapping', () => {
  it('names rows in the reader’s language, then the other, then the id', () => {
    const raw = [
      {
        'crisis_now.coop_id': 'C001',
        'crisis_now.coop_name_ar': 'الروضة',
        'crisis_now.coop_name_en': 'Rawda',
        'crisis_now.days_of_cover': '4.25',
        'crisis_now.stock_on_hand': '100.000',
        'crisis_now.demand_per_day': null,
        'crisis_now.stale_count': '0',
        'crisis_now.site_products': '4',
      },
      {
        'crisis_now.coop_id': 'C002',
        'crisis_now.coop_name_ar': '',
        'crisis_now.coop_name_en': 'Adailiya',
        'crisis_now.days_of_cover': null,
        'crisis_now.stale_count': '6',
        'crisis_now.site_products': '6',
      },
      { 'crisis_now.coop_id': 'C003' },
    ];
    expect(toCoverRows(raw, 'coop', 'ar')).toEqual([
      {
        id: 'C001',
        name: 'الروضة',
        daysOfCover: 4.25,
        stockOnHand: 100,
        demandPerDay: null,
        staleCounts: 0,
        counts: 4,
      },
      {
        id: 'C002',
        name: 'Adailiya',
        daysOfCover: null,
        stockOnHand: null,
        demandPerDay: null,
        staleCounts: 6,
        counts: 6,
      },
      { id: 'C003', name: 'C003', daysOfCover: null, stockOnHand: null, demandPerDay: null, staleCounts: 0, counts: 0 },
    ]);
    expect(toCoverRows(raw, 'coop', 'en')[0]?.name).toBe('Rawda');
    // A co-op whose stock feed stopped: all its counts stale, flagged whatever its cover.
    expect(toCoverRows(raw, 'coop', 'ar').map(isStale)).toEqual([false, true, false]);
  });

  it('maps essential products with their category', () => {
    const raw = [
      {
        'crisis_now.product_id': '6281000000001',
        'crisis_now.product_name_en': 'Rice 5kg',
        'crisis_now.category_name_en': 'Rice',
        'crisis_now.days_of_cover': '1.5',
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
