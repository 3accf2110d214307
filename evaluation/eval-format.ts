/** The median; NaN for no values (a table cell then reads "—"). */
export function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** A figure for the report's tables: fixed decimals, "—" when there is none. */
export const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
