import type { EChartsOption } from 'echarts';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import type { Metric } from '../state/url-state';
import { rtlLayout } from './rtl';
import { formatMetric } from './trend-line';

export interface ProfileBar {
  /** Category label, already translated. */
  label: string;
  avg: number;
  days: number;
  highlight: boolean;
}

const BASE = '#1565c0';
const HIGHLIGHT = '#ef6c00';

/**
 * Average sales per day of a kind (weekday, Ramadan, Eid, day of month): the bars the
 * planner compares, the notable ones (weekend, Eid…) in a second colour.
 */
export function buildProfileOption({
  bars,
  metric,
  lang,
  valueLabel,
}: {
  bars: readonly ProfileBar[];
  metric: Metric;
  lang: Lang;
  valueLabel: string;
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      source: bars.map((b) => ({ label: b.label, avg: b.avg, days: b.days, color: b.highlight ? HIGHLIGHT : BASE })),
      dimensions: ['label', 'avg', 'days', 'color'],
    },
    grid: l.grid,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data?: { label: string; avg: number } }).data;
        return d ? `${d.label}: ${formatMetric(d.avg, metric, lang)} (${valueLabel})` : '';
      },
    },
    xAxis: { type: 'category', inverse: l.categoryInverse, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', position: l.valuePosition, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      {
        type: 'bar',
        encode: { x: 'label', y: 'avg' },
        itemStyle: { color: (p: { data: unknown }) => (p.data as { color: string }).color },
      },
    ],
  };
}
