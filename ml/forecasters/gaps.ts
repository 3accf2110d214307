/**
 * Fill gaps (NaN) so smoothing models see a complete grid: a gap takes the value one
 * season earlier when there is one, else the last seen value. Leading gaps take the
 * first observed value. A gap-free input is returned unchanged (copied).
 */
export function fillGaps(y: readonly number[], period: number): number[] {
  const out = y.slice();
  const first = out.findIndex((v) => Number.isFinite(v));
  if (first < 0) return out.map(() => 0);
  for (let i = 0; i < out.length; i++) {
    if (Number.isFinite(out[i])) continue;
    if (i < first) out[i] = out[first] as number;
    else if (period > 1 && i >= period && Number.isFinite(out[i - period])) out[i] = out[i - period] as number;
    else out[i] = out[i - 1] as number;
  }
  return out;
}
