import type { EChartsOption } from 'echarts';
import type { CoverRow } from '../cube/rows';
import { formatDays } from '../format/number';
import type { Lang } from '../format/locale';
import { coverPieces, NO_DATA_COLOR, type CoverBand } from './cover-bands';

/** Name the GeoJSON is registered under with echarts.registerMap. */
export const KUWAIT_MAP = 'kuwait-governorates';

export interface GovernorateMapInput {
  rows: readonly CoverRow[];
  lang: Lang;
  valueLabel: string;
  bandLabels: Record<CoverBand, string>;
}

/**
 * The six governorates coloured by days of cover. Features are matched on the GeoJSON's
 * ISO code (`shapeISO`), the same ids the warehouse uses, so names never have to agree.
 */
export function buildGovernorateMapOption({ rows, lang, valueLabel, bandLabels }: GovernorateMapInput): EChartsOption {
  const source = rows.map((r) => ({ id: r.id, name: r.name, days: r.daysOfCover }));
  const names = Object.fromEntries(rows.map((r) => [r.id, r.name]));
  return {
    animation: false,
    dataset: { source, dimensions: ['id', 'name', 'days'] },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { name: string; data?: { name: string; days: number | null } };
        const name = item.data?.name ?? names[item.name] ?? item.name;
        return `${name}: ${formatDays(item.data?.days ?? null, lang)} ${valueLabel}`;
      },
    },
    visualMap: {
      type: 'piecewise',
      pieces: coverPieces(bandLabels),
      // No value falls in no piece: without this the visualMap paints it in the palette's blue.
      outOfRange: { color: NO_DATA_COLOR },
      seriesIndex: 0,
      orient: 'vertical',
      ...(lang === 'ar' ? { right: 8 } : { left: 8 }),
      bottom: 8,
      align: lang === 'ar' ? 'right' : 'left',
    },
    series: [
      {
        type: 'map',
        map: KUWAIT_MAP,
        nameProperty: 'shapeISO',
        roam: false,
        selectedMode: false,
        encode: { itemName: 'id', value: 'days' },
        // A governorate with no stock reported is grey, never a colour that reads as a cover band.
        // (ECharts fills a region from itemStyle.color, the palette's blue by default, when the visualMap skips it.)
        itemStyle: { color: NO_DATA_COLOR, areaColor: NO_DATA_COLOR, borderColor: '#fff' },
        // The small urban governorates overlap at this size: names on hover; the bars and table name them all.
        label: { show: false, formatter: (p: { name: string }) => names[p.name] ?? '', fontSize: 11 },
        emphasis: { label: { show: true } },
      },
    ],
  };
}
