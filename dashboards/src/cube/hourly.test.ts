import { hourlyProfileQuery } from './hourly-queries';
import { hourKind, toHourlyProfile } from './hourly-rows';

const row = (hour: number, qty: string | null, weekend = false, ramadan = false) => ({
  'consumption_hourly.hour_of_day': hour,
  'consumption_hourly.is_weekend': weekend,
  'consumption_hourly.is_ramadan': ramadan ? 'true' : 'false',
  'consumption_hourly.quantity': qty,
});

describe('hourlyProfileQuery', () => {
  it.each([
    [{}, [], undefined],
    [{ governorateId: 'KW-HA' }, ['consumption_hourly.governorate_id'], undefined],
    [{ coopId: 'C001', productId: 'P1' }, ['consumption_hourly.coop_id', 'consumption_hourly.product_id'], undefined],
    [{ from: '2025-06-01' }, [], ['2025-06-01', '2100-12-31']],
    [{ from: '2025-06-01', to: '2025-06-30' }, [], ['2025-06-01', '2025-06-30']],
  ])('%j filters %j, dates %j', (scope, members, range) => {
    const q = hourlyProfileQuery(scope, 'quantity');
    expect((q.filters ?? []).map((f) => ('member' in f ? f.member : ''))).toEqual(members);
    expect(q.timeDimensions?.[0]?.dateRange).toEqual(range);
  });

  it('asks the hourly view only, for the chosen metric by hour and kind of day', () => {
    const q = hourlyProfileQuery({ governorateId: 'KW-KU', from: '2025-06-01' }, 'net_amount_kwd');
    expect(q.measures).toEqual(['consumption_hourly.net_amount_kwd']);
    expect(q.dimensions).toEqual([
      'consumption_hourly.hour_of_day',
      'consumption_hourly.is_weekend',
      'consumption_hourly.is_ramadan',
    ]);
    const views = JSON.stringify(q).match(/"(\w+)\.\w+"/g) ?? [];
    expect(new Set(views.map((m) => m.slice(1).split('.')[0]))).toEqual(new Set(['consumption_hourly']));
  });
});

describe('toHourlyProfile', () => {
  it.each([
    [row(1, '1'), 'working'],
    [row(1, '1', true), 'weekend'],
    // A Ramadan weekend is a Ramadan day: the fast, not the weekday, sets the hours.
    [row(1, '1', true, true), 'ramadan'],
    [row(1, '1', false, true), 'ramadan'],
  ])('hourKind(%j) = %s', (r, kind) => {
    expect(hourKind(r)).toBe(kind);
  });

  it('gives each kind of day its share per hour, summing to one, and leaves out kinds without sales', () => {
    const p = toHourlyProfile(
      [row(9, '10'), row(9, '10'), row(20, '30'), row(21, '5', true), row(22, '15', true), row(3, null, false, true)],
      'quantity',
    );
    expect(p.kinds).toEqual(['working', 'weekend']);
    expect(p.hours).toHaveLength(24);
    expect(p.hours[9]?.working).toBeCloseTo(0.4);
    expect(p.hours[20]?.working).toBeCloseTo(0.6);
    expect(p.hours[22]?.weekend).toBeCloseTo(0.75);
    expect(p.hours[0]?.working).toBe(0);
    // No Ramadan sales: unknown, not 0 % at every hour.
    expect(p.hours.every((h) => h.ramadan === null)).toBe(true);
    expect(p.hours.reduce((s, h) => s + (h.working ?? 0), 0)).toBeCloseTo(1);
    expect(p.totals).toEqual({ working: 50, weekend: 20, ramadan: 0 });
  });

  it('ignores hours outside 0–23 and rows without a value', () => {
    const p = toHourlyProfile([row(24, '5'), row(-1, '5'), row(7, 'x'), row(7, '2')], 'quantity');
    expect(p.totals.working).toBe(2);
    expect(p.hours[7]?.working).toBe(1);
  });

  it('is empty when nothing sold', () => {
    expect(toHourlyProfile([], 'quantity').kinds).toEqual([]);
  });
});
