import type { EChartsOption } from 'echarts';
import type { HourKind, HourlyProfile } from '../cube/hourly-rows';
import type { Lang } from '../format/locale';
import { formatNumber, formatPercent } from '../format/number';
import { rtlLayout } from './rtl';

const COLORS: Record<HourKind, string> = { working: '#1565c0', weekend: '#ef6c00', ramadan: '#2e7d32' };

/** "٠٠:٠٠"… in Arabic digits, "00:00"… in English: the hour a Kuwaiti shop clock shows. */
export function hourLabel(hour: number, lang: Lang): string {
  return `${formatNumber(hour, lang).padStart(2, formatNumber(0, lang))}:${formatNumber(0, lang).repeat(2)}`;
}

/**
 * The share of a day's sales in each Kuwait hour, one line per kind of day with sales (working,
 * weekend, Ramadan), from one dataset; hours run right to left in Arabic.
 */
export function buildHourlyProfileOption({
  profile,
  lang,
  names,
}: {
  profile: HourlyProfile;
  lang: Lang;
  names: Record<HourKind, string>;
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      source: profile.hours.map((h) => ({
        hour: hourLabel(h.hour, lang),
        working: h.working,
        weekend: h.weekend,
        ramadan: h.ramadan,
      })),
      dimensions: ['hour', 'working', 'weekend', 'ramadan'],
    },
    grid: l.grid,
    legend: { ...l.legend, top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPercent(typeof v === 'number' ? v : null, lang, 1) },
    xAxis: { type: 'category', inverse: l.categoryInverse, axisLabel: { interval: 2 } },
    yAxis: {
      type: 'value',
      position: l.valuePosition,
      axisLabel: { formatter: (v: number) => formatPercent(v, lang) },
    },
    series: profile.kinds.map((k) => ({
      type: 'line' as const,
      name: names[k],
      id: k,
      encode: { x: 'hour', y: k },
      showSymbol: false,
      itemStyle: { color: COLORS[k] },
      lineStyle: { color: COLORS[k] },
    })),
  };
}
