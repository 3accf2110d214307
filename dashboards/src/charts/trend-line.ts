import type { EChartsOption } from 'echarts';
import type { Trend } from '../cube/consumption-rows';
import { formatPeriod } from '../format/date';
import type { Lang } from '../format/locale';
import { formatKwd, formatNumber } from '../format/number';
import type { Grain, Metric } from '../state/url-state';
import { rtlLayout } from './rtl';

export function formatMetric(value: unknown, metric: Metric, lang: Lang): string {
  return metric === 'net_amount_kwd' ? formatKwd(value, lang) : formatNumber(value, lang);
}

/** Sales per period, one line per series of the trend table (dataset + encode, no copies). */
export function buildTrendOption({
  trend,
  metric,
  grain,
  lang,
}: {
  trend: Trend;
  metric: Metric;
  grain: Grain;
  lang: Lang;
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: { source: trend.source, dimensions: ['period', ...trend.series.map((s) => s.id)] },
    grid: { ...l.grid, top: 56 },
    legend: { type: 'scroll', top: 4, ...l.legend },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatMetric(v, metric, lang) },
    xAxis: {
      type: 'category',
      inverse: l.categoryInverse,
      axisLabel: { formatter: (v: string) => formatPeriod(v, grain, lang) },
    },
    // Axis ticks without the currency: the tooltip and the table carry it, with its 3 decimals.
    yAxis: { type: 'value', position: l.valuePosition, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: trend.series.map((s) => ({
      type: 'line',
      id: s.id,
      name: s.name,
      encode: { x: 'period', y: s.id },
      showSymbol: trend.source.length < 40,
    })),
  };
}
