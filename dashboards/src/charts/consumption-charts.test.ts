import type { Trend } from '../cube/consumption-rows';
import { buildForecastOption } from './forecast-band';
import { buildProfileOption } from './profile-bars';
import { rtlLayout } from './rtl';
import { buildTrendOption, formatMetric } from './trend-line';

// ECharts options are loose unions; the tests read them as plain records.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const plain = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f]/g, ' ');

const trend: Trend = {
  series: [
    { id: 'KW-KU', name: 'العاصمة', total: 30 },
    { id: 'KW-JA', name: 'الجهراء', total: 10 },
  ],
  source: [
    { period: '2025-06-02', 'KW-KU': 10, 'KW-JA': 4 },
    { period: '2025-06-09', 'KW-KU': 20, 'KW-JA': 6 },
  ],
};

describe('rtlLayout', () => {
  it.each([
    ['ar', true, 'right', 8, undefined],
    ['en', false, 'left', undefined, 8],
  ] as const)('%s: time inverse=%s, values on the %s', (lang, inverse, position, right, left) => {
    const l = rtlLayout(lang);
    expect(l.categoryInverse).toBe(inverse);
    expect(l.valuePosition).toBe(position);
    expect((l.legend as Loose).right).toBe(right);
    expect((l.legend as Loose).left).toBe(left);
  });
});

describe('buildTrendOption', () => {
  it('draws one line per series from the shared dataset', () => {
    const o = buildTrendOption({ trend, metric: 'quantity', grain: 'week', lang: 'ar' }) as Loose;
    expect(o.dataset.dimensions).toEqual(['period', 'KW-KU', 'KW-JA']);
    expect(o.dataset.source).toBe(trend.source);
    expect(o.series.map((s: Loose) => [s.name, s.encode])).toEqual([
      ['العاصمة', { x: 'period', y: 'KW-KU' }],
      ['الجهراء', { x: 'period', y: 'KW-JA' }],
    ]);
    expect(o.xAxis.inverse).toBe(true);
    expect(o.yAxis.position).toBe('right');
  });

  it.each([
    ['week', 'en', '2025-06-02', 'Jun 2'],
    ['month', 'en', '2025-06-01', 'June 2025'],
    ['month', 'ar', '2025-06-01', 'يونيو ٢٠٢٥'],
  ] as const)('labels a %s period in %s', (grain, lang, value, label) => {
    const o = buildTrendOption({ trend, metric: 'quantity', grain, lang }) as Loose;
    expect(plain(o.xAxis.axisLabel.formatter(value))).toBe(label);
  });

  it('shows dinars with 3 decimals in the tooltip', () => {
    const o = buildTrendOption({ trend, metric: 'net_amount_kwd', grain: 'day', lang: 'en' }) as Loose;
    expect(plain(o.tooltip.valueFormatter(1234.5))).toBe('KWD 1,234.500');
    expect(plain(formatMetric(2, 'quantity', 'ar'))).toBe('٢');
  });
});

describe('buildProfileOption', () => {
  it('colours the highlighted bars apart and keeps the reader’s order', () => {
    const bars = [
      { label: 'الأحد', avg: 10, days: 4, highlight: false },
      { label: 'الجمعة', avg: 30, days: 4, highlight: true },
    ];
    const o = buildProfileOption({ bars, metric: 'quantity', lang: 'ar', valueLabel: 'متوسط يومي' }) as Loose;
    const colors = o.dataset.source.map((b: Loose) => b.color);
    expect(colors[0]).not.toBe(colors[1]);
    expect(o.series[0].encode).toEqual({ x: 'label', y: 'avg' });
    expect(o.xAxis.inverse).toBe(true);
    expect(plain(o.tooltip.formatter({ data: bars[1] }))).toBe('الجمعة: ٣٠ (متوسط يومي)');
  });
});

describe('buildForecastOption', () => {
  const points = [
    { day: '2025-06-30', actual: 9, yhat: null, lower: null, upper: null },
    { day: '2025-07-01', actual: null, yhat: 10, lower: 8, upper: 13 },
  ];
  const labels = { actual: 'Actual', forecast: 'Forecast', interval: '80% interval' };

  it('stacks the band as lower bound plus width, so it spans exactly lower to upper', () => {
    const o = buildForecastOption({ points, lang: 'en', labels }) as Loose;
    expect(o.dataset.source[1]).toMatchObject({ lower: 8, width: 5, upper: 13 });
    expect(o.dataset.source[0].width).toBeNull();
    const [lower, band, yhat, actual] = o.series;
    expect([lower.stack, band.stack]).toEqual(['band', 'band']);
    expect([lower.encode.y, band.encode.y, yhat.encode.y, actual.encode.y]).toEqual([
      'lower',
      'width',
      'yhat',
      'actual',
    ]);
    expect(lower.areaStyle).toBeUndefined();
    expect(band.areaStyle).toBeDefined();
    expect(o.xAxis.inverse).toBe(false);
  });

  it('tells the interval in the tooltip', () => {
    const o = buildForecastOption({ points, lang: 'en', labels }) as Loose;
    expect(plain(o.tooltip.formatter([{ data: o.dataset.source[1] }]))).toBe(
      'Jul 1<br/>Forecast: 10<br/>80% interval: 8 – 13',
    );
  });
});
