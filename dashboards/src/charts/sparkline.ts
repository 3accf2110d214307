import type { EChartsOption } from 'echarts';
import type { Lang } from '../format/locale';

/**
 * A tiny line of daily sales with no axes, for table cells. Time runs right-to-left in
 * Arabic so the newest day sits where the reader's eye ends.
 */
export function buildSparklineOption(values: readonly number[], lang: Lang, color = '#1565c0'): EChartsOption {
  return {
    animation: false,
    dataset: { source: values.map((v, i) => ({ i, v })), dimensions: ['i', 'v'] },
    grid: { top: 2, bottom: 2, left: 2, right: 2 },
    xAxis: { type: 'category', show: false, inverse: lang === 'ar' },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [
      {
        type: 'line',
        encode: { x: 'i', y: 'v' },
        symbol: 'none',
        lineStyle: { width: 1.5, color },
        areaStyle: { opacity: 0.15, color },
      },
    ],
  };
}
