import type { CoverRow } from '../cube/rows';
import { coverBand, coverColor, COVER_BANDS, NO_DATA_COLOR } from './cover-bands';
import { buildCoverBarOption } from './cover-bar';
import { buildGovernorateMapOption, KUWAIT_MAP } from './governorate-map';
import { buildSparklineOption } from './sparkline';

const rows: CoverRow[] = [
  { id: 'KW-JA', name: 'الجهراء', daysOfCover: 2.46, stockOnHand: 100, demandPerDay: 40.6 },
  { id: 'KW-KU', name: 'العاصمة', daysOfCover: 9, stockOnHand: 900, demandPerDay: 100 },
  { id: 'KW-HA', name: 'حولي', daysOfCover: null, stockOnHand: 0, demandPerDay: 0 },
];
const bandLabels = { critical: 'c', low: 'l', ok: 'o' };

// ECharts options are loose unions; the tests read them as plain records.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('coverBand', () => {
  it.each([
    [0, 'critical'],
    [2.99, 'critical'],
    [3, 'low'],
    [6.9, 'low'],
    [7, 'ok'],
    [400, 'ok'],
    [null, null],
    [Number.NaN, null],
  ] as const)('%s days → %s', (days, band) => {
    expect(coverBand(days)).toBe(band);
  });
  it('gives no-data grey to missing cover', () => {
    expect(coverColor(null)).toBe(NO_DATA_COLOR);
    expect(coverColor(1)).toBe(COVER_BANDS[0].color);
  });
});

describe('buildCoverBarOption', () => {
  it.each([
    ['ar', true, 'right'],
    ['en', false, 'left'],
  ] as const)('%s: value axis inverse=%s, names on the %s', (lang, inverse, side) => {
    const o = buildCoverBarOption({ rows, lang, valueLabel: 'days' }) as Loose;
    expect(o.xAxis.inverse).toBe(inverse);
    expect(o.yAxis.position).toBe(side);
    expect(o.grid[side]).toBeGreaterThan(o.grid[side === 'left' ? 'right' : 'left']);
  });

  it('puts every row in the dataset, rounded to a tenth, coloured by band', () => {
    const o = buildCoverBarOption({ rows, lang: 'en', valueLabel: 'days' }) as Loose;
    expect(o.dataset.source).toEqual([
      { id: 'KW-JA', name: 'الجهراء', days: 2.5, color: COVER_BANDS[0].color },
      { id: 'KW-KU', name: 'العاصمة', days: 9, color: COVER_BANDS[2].color },
      { id: 'KW-HA', name: 'حولي', days: null, color: NO_DATA_COLOR },
    ]);
    expect(o.series[0].encode).toMatchObject({ x: 'days', y: 'name', itemId: 'id' });
  });

  it('formats labels in the reader’s digits', () => {
    const o = buildCoverBarOption({ rows, lang: 'ar', valueLabel: 'يوم' }) as Loose;
    expect(o.series[0].label.formatter({ data: { days: 2.5 } })).toBe('٢٫٥');
    expect(o.tooltip.formatter({ data: { name: 'الجهراء', days: 2.5 } })).toBe('الجهراء: ٢٫٥ يوم');
  });
});

describe('buildGovernorateMapOption', () => {
  it('matches features on the ISO code and colours by the shared bands', () => {
    const o = buildGovernorateMapOption({ rows, lang: 'ar', valueLabel: 'days', bandLabels }) as Loose;
    expect(o.series[0]).toMatchObject({
      type: 'map',
      map: KUWAIT_MAP,
      nameProperty: 'shapeISO',
      encode: { itemName: 'id', value: 'days' },
    });
    expect(o.dataset.source.map((r: Loose) => r.id)).toEqual(['KW-JA', 'KW-KU', 'KW-HA']);
    expect(o.visualMap.pieces.map((p: Loose) => p.color)).toEqual(COVER_BANDS.map((b) => b.color));
    expect(o.visualMap.right).toBe(8);
    expect(o.series[0].label.formatter({ name: 'KW-KU' })).toBe('العاصمة');
    // Governorates without data are grey, not the palette's first colour.
    expect(o.series[0].itemStyle.areaColor).toBe(NO_DATA_COLOR);
    expect(o.visualMap.outOfRange.color).toBe(NO_DATA_COLOR);
  });
  it('puts the legend on the left in English', () => {
    const o = buildGovernorateMapOption({ rows, lang: 'en', valueLabel: 'days', bandLabels }) as Loose;
    expect(o.visualMap.left).toBe(8);
    expect(o.visualMap.right).toBeUndefined();
  });
});

describe('buildSparklineOption', () => {
  it.each([
    ['ar', true],
    ['en', false],
  ] as const)('%s runs time inverse=%s', (lang, inverse) => {
    const o = buildSparklineOption([3, 0, 5], lang) as Loose;
    expect(o.xAxis.inverse).toBe(inverse);
    expect(o.dataset.source).toEqual([
      { i: 0, v: 3 },
      { i: 1, v: 0 },
      { i: 2, v: 5 },
    ]);
  });
});
