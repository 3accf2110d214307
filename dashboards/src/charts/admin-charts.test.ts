import type { EmploymentRow } from '../cube/admin-rows';
import {
  buildEntityBarsOption,
  buildIncomeOption,
  buildKuwaitiRatioOption,
  buildProcessingOption,
} from './admin-charts';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const employment = (coopId: string, ratio: number | null): EmploymentRow => ({
  coopId,
  coop: coopId,
  governorate: '',
  snapshotDate: '2025-06-30',
  kuwaitiRatio: ratio,
  employees: 10,
  countedEmployees: 8,
  countedKuwaitis: 2,
  payrollKwd: 1,
  gap: null,
});

describe('buildProcessingOption', () => {
  it.each([
    ['ar', true, 'right'],
    ['en', false, 'left'],
  ] as const)(
    '%s: two bar series from one dataset, category inverse=%s, values on the %s',
    (lang, inverse, position) => {
      const o = buildProcessingOption({
        summary: [{ requestType: 'budget_approval', decidedDays: 5, decided: 4, openDays: null, open: 0 }],
        typeLabel: (t) => t.toUpperCase(),
        lang,
        names: { decided: 'D', open: 'O' },
      }) as Loose;
      expect(o.dataset.source).toEqual([{ label: 'BUDGET_APPROVAL', decidedDays: 5, openDays: null }]);
      expect(o.series.map((s: Loose) => [s.name, s.encode.y])).toEqual([
        ['D', 'decidedDays'],
        ['O', 'openDays'],
      ]);
      expect(o.xAxis.inverse).toBe(inverse);
      expect(o.yAxis.position).toBe(position);
    },
  );
});

describe('buildKuwaitiRatioOption', () => {
  it.each([
    [30, ['#c62828', '#2e7d32', '#c62828']],
    [10, ['#2e7d32', '#2e7d32', '#c62828']],
  ])('target %d%% colours bars %j and draws the target line', (target, colors) => {
    const o = buildKuwaitiRatioOption({
      rows: [employment('C001', 12.5), employment('C002', 35), employment('C003', null)],
      targetPct: target,
      lang: 'en',
      targetLabel: 'Target',
    }) as Loose;
    expect(o.dataset.source.map((d: Loose) => d.color)).toEqual(colors);
    expect(o.series[0].encode).toEqual({ x: 'coop', y: 'ratio' });
    expect(o.series[0].markLine.data).toEqual([{ yAxis: target }]);
    expect(o.series[0].markLine.label.formatter).toBe(`Target ${target}%`);
  });
});

describe('buildIncomeOption', () => {
  it('draws net sales as bars and results as lines over months, KWD with 3 decimals in the tooltip', () => {
    const months = [{ month: '2025-05-01', net_sales_kwd: 1000.5, gross_profit_kwd: 100, operating_result_kwd: -3 }];
    const o = buildIncomeOption({
      months,
      lang: 'en',
      names: { net_sales_kwd: 'N', gross_profit_kwd: 'G', operating_result_kwd: 'O' },
    }) as Loose;
    expect(o.dataset.source).toEqual(months);
    expect(o.series.map((s: Loose) => [s.type, s.encode.y])).toEqual([
      ['bar', 'net_sales_kwd'],
      ['line', 'gross_profit_kwd'],
      ['line', 'operating_result_kwd'],
    ]);
    expect(o.tooltip.valueFormatter(1000.5).replace(/\u00a0/g, ' ')).toBe('KWD 1,000.500');
    expect(o.xAxis.axisLabel.formatter('2025-05-01')).toBe('May 2025');
  });
});

describe('buildEntityBarsOption', () => {
  const source = [
    { coop: 'A', members: 10, former: 2, poor: true },
    { coop: 'B', members: 5, former: 0, poor: false },
  ];
  it('stacks the series it is given over one dataset, flagged rows in red', () => {
    const o = buildEntityBarsOption({
      source,
      x: 'coop',
      series: [
        { y: 'members', name: 'M', color: '#111111', stack: 's' },
        { y: 'former', name: 'F', color: '#222222', stack: 's' },
      ],
      lang: 'ar',
      format: String,
      flagColumn: 'poor',
    }) as Loose;
    expect(o.dataset.dimensions).toEqual(['coop', 'members', 'former', 'poor']);
    expect(o.dataset.source).toEqual(source);
    expect(o.series.map((s: Loose) => [s.encode, s.stack])).toEqual([
      [{ x: 'coop', y: 'members' }, 's'],
      [{ x: 'coop', y: 'former' }, 's'],
    ]);
    expect(o.series[0].itemStyle.color({ data: source[0] })).toBe('#c62828');
    expect(o.series[0].itemStyle.color({ data: source[1] })).toBe('#111111');
    expect(o.legend).toBeDefined();
    expect(o.xAxis.inverse).toBe(true);
  });

  it.each([
    [undefined, undefined],
    [100, 100],
  ])('max %j on the value axis → %j; one series has no legend', (max, expected) => {
    const o = buildEntityBarsOption({
      source,
      x: 'coop',
      series: [{ y: 'members', name: 'M', color: '#111111' }],
      lang: 'en',
      format: String,
      max,
    }) as Loose;
    expect(o.yAxis.max).toBe(expected);
    expect(o.legend).toBeUndefined();
    expect(o.series[0].itemStyle.color).toBe('#111111');
  });
});
