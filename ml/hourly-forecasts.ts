import { addDaysIso } from './dates';
import { hourShares, profileOf } from './forecast-rows';
import { HOURLY_HORIZON_DAYS, type BranchForecasts, type ForecastHead } from './daily-forecasts';
import type { Cell } from './lake-writer';
import type { PanelAlerts } from './surge/surge-alerts';

type HourShares = ReturnType<typeof hourShares>;

/**
 * A daily forecast's first days spread over the hours by the share of each hour on that
 * kind of day (ordinary, weekend, Ramadan): one row per hour, made by `row`.
 */
function spread(
  out: Cell[][],
  shares: HourShares,
  f: ForecastHead,
  from: string,
  row: (stamp: string, w: number, k: number) => Cell[],
): void {
  for (let k = 0; k < HOURLY_HORIZON_DAYS && k < f.yhat.length; k++) {
    const d = addDaysIso(from, k + 1);
    const share = shares[profileOf(d)];
    for (let h = 0; h < 24; h++) out.push(row(`${d} ${String(h).padStart(2, '0')}:00:00`, share[h] as number, k));
  }
}

/**
 * Region × category, hourly for the two days after asOf: the daily forecast spread over
 * the hours by the recent share of each hour in the region's own hourly sales (the surge
 * panels). Returns the rows and the shares, which the branches of the region borrow.
 */
export function regionHourly(
  panels: readonly PanelAlerts[],
  regionDaily: Map<string, ForecastHead>,
  asOf: string,
  level: number,
): { rows: Cell[][]; shares: Map<string, HourShares> } {
  const rows: Cell[][] = [];
  const sharesByRegion = new Map<string, HourShares>();
  for (const { panel } of panels) {
    const key = `${panel.governorateId}:${panel.categoryId}`;
    const daily = regionDaily.get(key);
    if (!daily) continue;
    const total = panel.coopY.reduce(
      (acc, row) => acc.map((v, t) => v + (row[t] as number)),
      new Array<number>(panel.coopY[0]?.length ?? 0).fill(0),
    );
    const shares = hourShares(total, panel.startDay);
    sharesByRegion.set(key, shares);
    spread(rows, shares, daily, asOf, (stamp, w, k) => [
      key,
      panel.governorateId,
      panel.categoryId,
      stamp,
      daily.model,
      (daily.yhat[k] as number) * w,
      (daily.lower[k] as number) * w,
      (daily.upper[k] as number) * w,
      level,
    ]);
  }
  return { rows, shares: sharesByRegion };
}

/**
 * Branch × essential product, hourly for the two days after its last day: its daily
 * forecast spread by its region × category's hour shares (one branch-product's hours are
 * too sparse to learn its own, and co-ops of a governorate keep the same hours).
 */
export function branchHourly(
  heads: BranchForecasts['heads'],
  regionShares: Map<string, HourShares>,
  level: number,
): Cell[][] {
  const rows: Cell[][] = [];
  for (const { s, head } of heads) {
    const shares = regionShares.get(`${s.governorateId}:${s.categoryId}`);
    if (!shares) continue;
    spread(rows, shares, head, s.ds[s.ds.length - 1] as string, (stamp, w, k) => [
      s.seriesId,
      s.coopId,
      s.siteId,
      s.productId,
      stamp,
      head.model,
      (head.yhat[k] as number) * w,
      (head.lower[k] as number) * w,
      (head.upper[k] as number) * w,
      level,
    ]);
  }
  return rows;
}
