/**
 * Days-of-cover bands the crisis room colours by. Below three days a region cannot be
 * resupplied in time by most suppliers' lead times; a week is the ministry's comfort line.
 */
export const COVER_BANDS = [
  { max: 3, color: '#c62828', key: 'critical' },
  { max: 7, color: '#f9a825', key: 'low' },
  { max: Number.POSITIVE_INFINITY, color: '#2e7d32', key: 'ok' },
] as const;

export type CoverBand = (typeof COVER_BANDS)[number]['key'];

export const NO_DATA_COLOR = '#bdbdbd';

export function coverBand(days: number | null): CoverBand | null {
  if (days === null || !Number.isFinite(days)) return null;
  for (const b of COVER_BANDS) if (days < b.max) return b.key;
  return 'ok';
}

export function coverColor(days: number | null): string {
  const band = coverBand(days);
  return COVER_BANDS.find((b) => b.key === band)?.color ?? NO_DATA_COLOR;
}

/** ECharts visualMap pieces for the same bands, so map and bars agree on colour. */
export function coverPieces(labels: Record<CoverBand, string>) {
  return [
    { lt: 3, color: COVER_BANDS[0].color, label: labels.critical },
    { gte: 3, lt: 7, color: COVER_BANDS[1].color, label: labels.low },
    { gte: 7, color: COVER_BANDS[2].color, label: labels.ok },
  ];
}
