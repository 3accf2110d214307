import type { EChartsOption } from 'echarts';
import type { ForecastPoint } from '../cube/consumption-rows';
import { formatDayMonth } from '../format/date';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import { rtlLayout } from './rtl';

const BAND = 'rgba(239, 108, 0, 0.2)';

export interface ForecastLabels {
  actual: string;
  forecast: string;
  interval: string;
}

type BandPoint = ForecastPoint & { width: number | null };

/** The hovered day: its actual sales, the forecast and the interval, in the reader's digits. */
function forecastTooltip(lang: Lang, labels: ForecastLabels) {
  return (params: unknown) => {
    const list = params as { data: BandPoint }[];
    const d = list[0]?.data;
    if (!d) return '';
    const parts = [formatDayMonth(d.day, lang)];
    if (d.actual !== null) parts.push(`${labels.actual}: ${formatNumber(d.actual, lang)}`);
    if (d.yhat !== null) parts.push(`${labels.forecast}: ${formatNumber(d.yhat, lang)}`);
    if (d.lower !== null && d.upper !== null)
      parts.push(`${labels.interval}: ${formatNumber(d.lower, lang)} – ${formatNumber(d.upper, lang)}`);
    return parts.join('<br/>');
  };
}

/**
 * The band is the classic stacked pair: an invisible line at the lower bound, and the width
 * (upper − lower) on top; then the forecast (dashed) and the actual sales.
 */
function forecastSeries(labels: ForecastLabels) {
  const bandLine = { type: 'line', name: labels.interval, stack: 'band', symbol: 'none', silent: true } as const;
  return [
    {
      ...bandLine,
      id: 'lower',
      encode: { x: 'day', y: 'lower' },
      lineStyle: { opacity: 0 },
      itemStyle: { color: BAND },
    },
    {
      ...bandLine,
      id: 'band',
      encode: { x: 'day', y: 'width' },
      lineStyle: { opacity: 0 },
      areaStyle: { color: BAND },
      itemStyle: { color: BAND },
    },
    {
      type: 'line',
      name: labels.forecast,
      id: 'yhat',
      encode: { x: 'day', y: 'yhat' },
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#ef6c00' },
      itemStyle: { color: '#ef6c00' },
    },
    {
      type: 'line',
      name: labels.actual,
      id: 'actual',
      encode: { x: 'day', y: 'actual' },
      symbol: 'none',
      lineStyle: { color: '#1565c0' },
      itemStyle: { color: '#1565c0' },
    },
  ] satisfies EChartsOption['series'];
}

/** Actual sales and the forecast with its interval as a shaded band. */
export function buildForecastOption({
  points,
  lang,
  labels,
}: {
  points: readonly ForecastPoint[];
  lang: Lang;
  labels: ForecastLabels;
}): EChartsOption {
  const l = rtlLayout(lang);
  const source = points.map((p) => ({
    ...p,
    width: p.lower !== null && p.upper !== null ? p.upper - p.lower : null,
  }));
  return {
    animation: false,
    dataset: { source, dimensions: ['day', 'actual', 'yhat', 'lower', 'upper', 'width'] },
    grid: { ...l.grid, top: 48 },
    legend: { top: 4, ...l.legend, data: [labels.actual, labels.forecast, labels.interval] },
    tooltip: { trigger: 'axis', formatter: forecastTooltip(lang, labels) },
    xAxis: {
      type: 'category',
      inverse: l.categoryInverse,
      axisLabel: { formatter: (v: string) => formatDayMonth(v, lang) },
    },
    yAxis: {
      type: 'value',
      position: l.valuePosition,
      min: 0,
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series: forecastSeries(labels),
  };
}
