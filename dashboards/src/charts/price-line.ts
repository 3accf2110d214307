import type { EChartsOption } from 'echarts';
import type { AuditRow } from '../cube/audit-rows';
import { formatDayMonth } from '../format/date';
import type { Lang } from '../format/locale';
import { formatKwd } from '../format/number';
import { rtlLayout } from './rtl';

/**
 * The price charged per unit, day by day, against the list price as a reference line: where
 * an auditor sees gouging (above) or leakage (below) at a glance.
 */
export function buildPriceOption({
  days,
  lang,
  labels,
}: {
  days: readonly AuditRow[];
  lang: Lang;
  labels: { unitPrice: string; listPrice: string };
}): EChartsOption {
  const l = rtlLayout(lang);
  const listPrice = days.find((d) => d.listPrice !== null)?.listPrice ?? null;
  return {
    animation: false,
    dataset: { source: days.map((d) => ({ day: d.id, unitPrice: d.unitPrice })), dimensions: ['day', 'unitPrice'] },
    grid: { ...l.grid, top: 40 },
    legend: { top: 4, ...l.legend },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatKwd(v, lang) },
    xAxis: {
      type: 'category',
      inverse: l.categoryInverse,
      axisLabel: { formatter: (v: string) => formatDayMonth(v, lang) },
    },
    yAxis: {
      type: 'value',
      position: l.valuePosition,
      scale: true,
      axisLabel: { formatter: (v: number) => formatKwd(v, lang) },
    },
    series: [
      {
        type: 'line',
        name: labels.unitPrice,
        encode: { x: 'day', y: 'unitPrice' },
        symbolSize: 5,
        ...(listPrice !== null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#ef6c00' },
                label: { formatter: `${labels.listPrice}: ${formatKwd(listPrice, lang)}` },
                data: [{ yAxis: listPrice }],
              },
            }
          : {}),
      },
    ],
  };
}
