import { toHourlyProfile } from '../cube/hourly-rows';
import { buildHourlyProfileOption, hourLabel } from './hourly-profile';

// ECharts options are loose unions; the tests read them as plain records.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const plain = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f]/g, ' ');

const names = { working: 'Working day', weekend: 'Weekend', ramadan: 'Ramadan' };
const profile = toHourlyProfile(
  [
    {
      'consumption_hourly.hour_of_day': 10,
      'consumption_hourly.is_weekend': false,
      'consumption_hourly.is_ramadan': false,
      'consumption_hourly.quantity': '3',
    },
    {
      'consumption_hourly.hour_of_day': 22,
      'consumption_hourly.is_weekend': false,
      'consumption_hourly.is_ramadan': true,
      'consumption_hourly.quantity': '1',
    },
  ],
  'quantity',
);

describe('buildHourlyProfileOption', () => {
  it.each([
    [0, 'en', '00:00'],
    [9, 'en', '09:00'],
    [21, 'en', '21:00'],
    [9, 'ar', '٠٩:٠٠'],
    [21, 'ar', '٢١:٠٠'],
  ] as const)('hourLabel(%i, %s) = %s', (hour, lang, label) => {
    expect(plain(hourLabel(hour, lang))).toBe(label);
  });

  it('draws one line per kind of day with sales from the shared dataset', () => {
    const o = buildHourlyProfileOption({ profile, lang: 'en', names }) as Loose;
    expect(o.dataset.source).toHaveLength(24);
    expect(o.dataset.source[10]).toEqual({ hour: '10:00', working: 1, weekend: null, ramadan: 0 });
    expect(o.series.map((s: Loose) => [s.name, s.encode])).toEqual([
      ['Working day', { x: 'hour', y: 'working' }],
      ['Ramadan', { x: 'hour', y: 'ramadan' }],
    ]);
  });

  it.each([
    ['ar', true, 'right'],
    ['en', false, 'left'],
  ] as const)('in %s hours run inverse=%s, values on the %s', (lang, inverse, position) => {
    const o = buildHourlyProfileOption({ profile, lang, names }) as Loose;
    expect(o.xAxis.inverse).toBe(inverse);
    expect(o.yAxis.position).toBe(position);
  });

  it('reads shares as percentages', () => {
    const o = buildHourlyProfileOption({ profile, lang: 'en', names }) as Loose;
    expect(plain(o.tooltip.valueFormatter(0.125))).toBe('12.5%');
    expect(plain(o.yAxis.axisLabel.formatter(0.2))).toBe('20%');
    expect(o.tooltip.valueFormatter(null)).toBe('—');
  });

  it('has no series when nothing sold, so the page shows its empty state', () => {
    expect(
      (buildHourlyProfileOption({ profile: toHourlyProfile([], 'quantity'), lang: 'ar', names }) as Loose).series,
    ).toEqual([]);
  });
});
