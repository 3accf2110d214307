import type { EChartsOption } from 'echarts';
import type { CoverRow } from '../cube/rows';
import { formatDays } from '../format/number';
import { dirOf, type Lang } from '../format/locale';
import { coverColor } from './cover-bands';

export interface CoverBarInput {
  rows: readonly CoverRow[];
  lang: Lang;
  /** Axis title, already translated ("days of cover"). */
  valueLabel: string;
}

/**
 * Horizontal bars of days of cover, lowest first at the top. In Arabic the value axis grows
 * leftwards and the names sit on the right, so the chart reads in the page's direction.
 */
export function buildCoverBarOption({ rows, lang, valueLabel }: CoverBarInput): EChartsOption {
  const rtl = dirOf(lang) === 'rtl';
  const source = rows.map((r) => ({
    id: r.id,
    name: r.name,
    days: r.daysOfCover === null ? null : Math.round(r.daysOfCover * 10) / 10,
    color: coverColor(r.daysOfCover),
  }));
  const labelWidth = 150;
  return {
    animation: false,
    dataset: { source, dimensions: ['id', 'name', 'days', 'color'] },
    grid: { top: 28, bottom: 24, left: rtl ? 48 : labelWidth, right: rtl ? labelWidth : 48 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data?: { name: string; days: number | null } }).data;
        return d ? `${d.name}: ${formatDays(d.days, lang)} ${valueLabel}` : '';
      },
    },
    xAxis: {
      type: 'value',
      inverse: rtl,
      name: valueLabel,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (v: number) => formatDays(v, lang) },
    },
    yAxis: {
      type: 'category',
      // Lowest cover first (top): the category axis draws bottom-up unless inverted.
      inverse: true,
      position: rtl ? 'right' : 'left',
      axisLabel: { width: labelWidth - 12, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'days', y: 'name', itemId: 'id', tooltip: ['days'] },
        itemStyle: { color: (p: { data: unknown }) => (p.data as { color: string }).color },
        label: {
          show: true,
          position: rtl ? 'left' : 'right',
          formatter: (p: { data: unknown }) => formatDays((p.data as { days: number | null }).days, lang),
        },
      },
    ],
  };
}
