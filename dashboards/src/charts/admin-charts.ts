import type { EChartsOption } from 'echarts';
import type { EmploymentRow, IncomeMonth, ProcessingSummary } from '../cube/admin-rows';
import { formatPeriod } from '../format/date';
import type { Lang } from '../format/locale';
import { formatDays, formatKwd, formatNumber, formatPercent } from '../format/number';
import { rtlLayout } from './rtl';

const BELOW = '#c62828';
const MET = '#2e7d32';
const DECIDED = '#1565c0';
const OPEN = '#ef6c00';

/**
 * Mean working days per request type: decided requests (the processing time) beside the open
 * ones (how long they have waited so far). Labels arrive translated.
 */
export function buildProcessingOption({
  summary,
  typeLabel,
  lang,
  names,
}: {
  summary: readonly ProcessingSummary[];
  typeLabel: (requestType: string) => string;
  lang: Lang;
  names: { decided: string; open: string };
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      dimensions: ['label', 'decidedDays', 'openDays'],
      source: summary.map((s) => ({
        label: typeLabel(s.requestType),
        decidedDays: s.decidedDays,
        openDays: s.openDays,
      })),
    },
    grid: { ...l.grid, top: 48, bottom: 72 },
    legend: { top: 4, ...l.legend },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatDays(v, lang) },
    xAxis: { type: 'category', inverse: l.categoryInverse, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', position: l.valuePosition, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      {
        type: 'bar',
        id: 'decided',
        name: names.decided,
        encode: { x: 'label', y: 'decidedDays' },
        itemStyle: { color: DECIDED },
      },
      { type: 'bar', id: 'open', name: names.open, encode: { x: 'label', y: 'openDays' }, itemStyle: { color: OPEN } },
    ],
  };
}

/** Kuwaiti ratio per co-op against the target line: bars under it in red, at or over it in green. */
export function buildKuwaitiRatioOption({
  rows,
  targetPct,
  lang,
  targetLabel,
}: {
  rows: readonly EmploymentRow[];
  targetPct: number;
  lang: Lang;
  targetLabel: string;
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      dimensions: ['coop', 'ratio', 'color', 'id'],
      source: rows.map((r) => ({
        coop: r.coop,
        ratio: r.kuwaitiRatio,
        color: (r.kuwaitiRatio ?? 0) < targetPct ? BELOW : MET,
        id: r.coopId,
      })),
    },
    grid: { ...l.grid, bottom: 72 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data?: { coop: string; ratio: number | null } }).data;
        return d ? `${d.coop}: ${formatPercent(d.ratio === null ? null : d.ratio / 100, lang, 1)}` : '';
      },
    },
    xAxis: { type: 'category', inverse: l.categoryInverse, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: {
      type: 'value',
      position: l.valuePosition,
      max: (v: { max: number }) => Math.max(v.max, targetPct) * 1.1,
      axisLabel: { formatter: (v: number) => formatPercent(v / 100, lang) },
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'coop', y: 'ratio' },
        itemStyle: { color: (p: { data: unknown }) => (p.data as { color: string }).color },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#424242' },
          label: {
            formatter: `${targetLabel} ${formatPercent(targetPct / 100, lang)}`,
            position: l.rtl ? 'insideStartTop' : 'insideEndTop',
          },
          data: [{ yAxis: targetPct }],
        },
      },
    ],
  };
}

/** The scope's monthly statement: net sales as bars, gross profit and operating result as lines. */
export function buildIncomeOption({
  months,
  lang,
  names,
}: {
  months: readonly IncomeMonth[];
  lang: Lang;
  names: { net_sales_kwd: string; gross_profit_kwd: string; operating_result_kwd: string };
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      dimensions: ['month', 'net_sales_kwd', 'gross_profit_kwd', 'operating_result_kwd'],
      source: months.map((m) => ({ ...m })),
    },
    grid: { ...l.grid, top: 48 },
    legend: { top: 4, ...l.legend },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatKwd(v, lang) },
    xAxis: {
      type: 'category',
      inverse: l.categoryInverse,
      axisLabel: { formatter: (v: string) => formatPeriod(v, 'month', lang) },
    },
    yAxis: { type: 'value', position: l.valuePosition, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      {
        type: 'bar',
        id: 'net_sales_kwd',
        name: names.net_sales_kwd,
        encode: { x: 'month', y: 'net_sales_kwd' },
        itemStyle: { color: DECIDED },
      },
      {
        type: 'line',
        id: 'gross_profit_kwd',
        name: names.gross_profit_kwd,
        encode: { x: 'month', y: 'gross_profit_kwd' },
        itemStyle: { color: MET },
      },
      {
        type: 'line',
        id: 'operating_result_kwd',
        name: names.operating_result_kwd,
        encode: { x: 'month', y: 'operating_result_kwd' },
        itemStyle: { color: OPEN },
      },
    ],
  };
}

export interface BarSeries {
  /** The dataset column the bar reads. */
  y: string;
  name: string;
  color: string;
  stack?: string;
}

/**
 * Bars per named thing (co-op, contractor) from rows already in the dataset's shape: the
 * shareholder, uptime and contractor panels share it. `flagColumn` marks rows to draw in red.
 */
export function buildEntityBarsOption({
  source,
  x,
  series,
  lang,
  format,
  max,
  flagColumn,
}: {
  source: readonly Record<string, string | number | boolean | null>[];
  x: string;
  series: readonly BarSeries[];
  lang: Lang;
  format: (v: unknown) => string;
  max?: number;
  flagColumn?: string;
}): EChartsOption {
  const l = rtlLayout(lang);
  return {
    animation: false,
    dataset: {
      dimensions: [x, ...series.map((s) => s.y), ...(flagColumn ? [flagColumn] : [])],
      source: source.map((r) => ({ ...r })),
    },
    grid: { ...l.grid, top: series.length > 1 ? 48 : 24, bottom: 72 },
    ...(series.length > 1 ? { legend: { top: 4, ...l.legend } } : {}),
    tooltip: { trigger: 'axis', valueFormatter: (v) => format(v) },
    xAxis: { type: 'category', inverse: l.categoryInverse, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: {
      type: 'value',
      position: l.valuePosition,
      ...(max !== undefined ? { max } : {}),
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series: series.map((s) => ({
      type: 'bar' as const,
      id: s.y,
      name: s.name,
      encode: { x, y: s.y },
      ...(s.stack ? { stack: s.stack } : {}),
      itemStyle: {
        color: flagColumn
          ? (p: { data: unknown }) => ((p.data as Record<string, unknown>)[flagColumn] ? BELOW : s.color)
          : s.color,
      },
    })),
  };
}
