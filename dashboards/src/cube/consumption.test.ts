import {
  actualsQuery,
  calendarQuery,
  forecastProductsQuery,
  forecastQuery,
  salesTrendQuery,
} from './consumption-queries';
import { calendarProfiles, dayKind, OTHERS_ID, toForecastView, toTrend } from './consumption-rows';

const names = { othersName: 'others', totalName: 'all' };

describe('consumption queries', () => {
  it.each([
    ['total', []],
    [
      'governorate',
      ['consumption.governorate_id', 'consumption.governorate_name_ar', 'consumption.governorate_name_en'],
    ],
    ['category', ['consumption.category_name_en', 'consumption.category_name_ar']],
  ] as const)('trend by %s asks for %j', (by, dimensions) => {
    const q = salesTrendQuery({ coopId: 'C001', from: '2025-03-01', to: '2025-06-30' }, 'month', by, 'quantity');
    expect(q.dimensions).toEqual(dimensions);
    expect(q.measures).toEqual(['consumption.quantity']);
    expect(q.timeDimensions).toEqual([
      { dimension: 'consumption.business_date', granularity: 'month', dateRange: ['2025-03-01', '2025-06-30'] },
    ]);
    expect(q.filters).toEqual([{ member: 'consumption.coop_id', operator: 'equals', values: ['C001'] }]);
  });

  it('leaves the date range open when none is chosen, and closes a half-open one', () => {
    expect(salesTrendQuery({}, 'day', 'total', 'net_amount_kwd').timeDimensions?.[0]).not.toHaveProperty('dateRange');
    expect(calendarQuery({ from: '2025-03-01' }, 'quantity').timeDimensions?.[0]?.dateRange).toEqual([
      '2025-03-01',
      '2100-12-31',
    ]);
  });

  it('asks only the public views', () => {
    const all = [
      salesTrendQuery({ governorateId: 'KW-KU' }, 'week', 'coop', 'quantity'),
      calendarQuery({}, 'net_amount_kwd'),
      forecastProductsQuery('C002'),
      forecastQuery('6281000000001', 'C001'),
      actualsQuery('6281000000001', null, '2025-06-01', '2025-06-30'),
    ];
    const cubes = new Set((JSON.stringify(all).match(/"(\w+)\.\w+/g) ?? []).map((m) => m.slice(1).split('.')[0]));
    expect(cubes).toEqual(new Set(['consumption', 'demand_forecast']));
  });
});

describe('toTrend', () => {
  const row = (period: string, id: string, v: number) => ({
    'consumption.business_date.week': `${period}T00:00:00.000`,
    'consumption.coop_id': id,
    'consumption.coop_name_ar': `ج${id}`,
    'consumption.coop_name_en': `Coop ${id}`,
    'consumption.quantity': String(v),
  });

  it('pivots periods into rows and series into columns, zero where a series sold nothing', () => {
    const t = toTrend([row('2025-06-02', 'C1', 5), row('2025-06-09', 'C1', 7), row('2025-06-09', 'C2', 1)], {
      by: 'coop',
      grain: 'week',
      metric: 'quantity',
      lang: 'ar',
      ...names,
    });
    expect(t.series).toEqual([
      { id: 'C1', name: 'جC1', total: 12 },
      { id: 'C2', name: 'جC2', total: 1 },
    ]);
    expect(t.source).toEqual([
      { period: '2025-06-02', C1: 5, C2: 0 },
      { period: '2025-06-09', C1: 7, C2: 1 },
    ]);
  });

  it('keeps the largest series and sums the rest into "others", totals unchanged', () => {
    const raw = ['A', 'B', 'C', 'D'].flatMap((id, i) => [row('2025-06-02', id, 10 - i), row('2025-06-09', id, 1)]);
    const t = toTrend(raw, { by: 'coop', grain: 'week', metric: 'quantity', lang: 'en', ...names, maxSeries: 3 });
    expect(t.series.map((s) => s.id)).toEqual(['A', 'B', OTHERS_ID]);
    expect(t.source[0]).toEqual({ period: '2025-06-02', A: 10, B: 9, [OTHERS_ID]: 8 + 7 });
    const sum = (r: Record<string, string | number>) =>
      Object.values(r)
        .filter((v) => typeof v === 'number')
        .reduce((a, b) => a + (b as number), 0);
    expect(t.source.map(sum)).toEqual([10 + 9 + 8 + 7, 4]);
  });

  it('names the single line of a total', () => {
    const t = toTrend(
      [{ 'consumption.business_date.day': '2025-06-01T00:00:00.000', 'consumption.net_amount_kwd': '1.250' }],
      { by: 'total', grain: 'day', metric: 'net_amount_kwd', lang: 'en', ...names },
    );
    expect(t.series).toEqual([{ id: 'total', name: 'all', total: 1.25 }]);
  });
});

describe('calendar profiles', () => {
  it.each([
    [{ isEid: true, isRamadan: true, isHoliday: true, isWeekend: true }, 'eid'],
    [{ isEid: false, isRamadan: true, isHoliday: false, isWeekend: true }, 'ramadan'],
    [{ isEid: false, isRamadan: false, isHoliday: true, isWeekend: false }, 'holiday'],
    [{ isEid: false, isRamadan: false, isHoliday: false, isWeekend: true }, 'weekend'],
    [{ isEid: false, isRamadan: false, isHoliday: false, isWeekend: false }, 'working'],
  ] as const)('%j is a %s day', (flags, kind) => {
    expect(dayKind(flags)).toBe(kind);
  });

  // 2025-06-01 was a Sunday (ISO 7); 06-06 a Friday and Eid al-Adha.
  const d = (
    date: string,
    dow: number,
    v: number,
    flags: Partial<Record<'is_weekend' | 'is_ramadan' | 'is_eid' | 'is_public_holiday', boolean | string>> = {},
  ) => ({
    'consumption.business_date.day': `${date}T00:00:00.000`,
    'consumption.day_of_week': dow,
    'consumption.is_weekend': flags.is_weekend ?? false,
    'consumption.is_ramadan': flags.is_ramadan ?? false,
    'consumption.is_eid': flags.is_eid ?? false,
    'consumption.is_public_holiday': flags.is_public_holiday ?? false,
    'consumption.quantity': v,
  });
  const raw = [
    d('2025-06-01', 7, 100),
    d('2025-06-02', 1, 80),
    d('2025-06-06', 5, 400, { is_weekend: 'true', is_eid: 'true' }),
    d('2025-06-07', 6, 150, { is_weekend: true }),
    d('2025-06-08', 7, 120),
    d('2025-03-10', 1, 60, { is_ramadan: true }),
  ];
  const p = calendarProfiles(raw, 'quantity');

  it('averages each weekday over ordinary weeks only, Sunday first, Friday and Saturday the weekend', () => {
    expect(p.weekday.map((w) => w.dow)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(p.weekday[0]).toEqual({ dow: 7, avg: 110, days: 2, weekend: false });
    // The Eid Friday and the Ramadan Monday stay out of the weekday shape.
    expect(p.weekday.find((w) => w.dow === 5)).toEqual({ dow: 5, avg: 0, days: 0, weekend: true });
    expect(p.weekday.find((w) => w.dow === 1)?.days).toBe(1);
  });

  it('compares each kind of day with an ordinary working day', () => {
    const working = (100 + 80 + 120) / 3;
    expect(p.dayKinds).toEqual([
      { kind: 'working', avg: working, days: 3, index: 1 },
      { kind: 'weekend', avg: 150, days: 1, index: 150 / working },
      { kind: 'ramadan', avg: 60, days: 1, index: 60 / working },
      { kind: 'eid', avg: 400, days: 1, index: 400 / working },
    ]);
  });

  it('profiles the day of the month on working days', () => {
    expect(p.dayOfMonth).toEqual([
      { day: 1, avg: 100, days: 1 },
      { day: 2, avg: 80, days: 1 },
      { day: 8, avg: 120, days: 1 },
    ]);
  });
});

describe('toForecastView', () => {
  const f = (model: string, ds: string, yhat: number) => ({
    'demand_forecast.model': model,
    'demand_forecast.level': '0.9',
    'demand_forecast.ds.day': `${ds}T00:00:00.000`,
    'demand_forecast.yhat': String(yhat),
    'demand_forecast.yhat_lower': String(yhat - 2),
    'demand_forecast.yhat_upper': String(yhat + 3),
  });
  // Two branches' series, each forecast by the model ml chose for it.
  const forecasts = [
    f('seasonal_naive', '2025-07-01', 10),
    f('holt_winters', '2025-07-01', 12),
    f('seasonal_naive', '2025-07-02', 11),
  ];
  const actuals = [{ 'consumption.business_date.day': '2025-06-30T00:00:00.000', 'consumption.quantity': '9' }];

  it('sums the series of every model by day and lines actuals up beside them', () => {
    expect(toForecastView(forecasts, actuals)).toEqual({
      models: ['holt_winters', 'seasonal_naive'],
      level: 0.9,
      points: [
        { day: '2025-06-30', actual: 9, yhat: null, lower: null, upper: null },
        { day: '2025-07-01', actual: null, yhat: 22, lower: 18, upper: 28 },
        { day: '2025-07-02', actual: null, yhat: 11, lower: 9, upper: 14 },
      ],
    });
  });

  it('is empty without forecasts or actuals', () => {
    expect(toForecastView([], [])).toEqual({ models: [], level: null, points: [] });
  });
});
