import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './duck';
import { addDaysIso } from './dates';
import type { Cell } from './lake-writer';

/**
 * Days the stock lasts against a daily demand forecast starting the day after `asOf`,
 * fractional within the day it runs out; past the horizon the forecast's mean carries on.
 * Null when nothing is expected to sell.
 */
export function daysOfCover(stock: number, forecast: readonly number[]): number | null {
  if (stock <= 0) return 0;
  let cum = 0;
  for (let k = 0; k < forecast.length; k++) {
    const f = forecast[k] as number;
    if (f > 0 && cum + f >= stock) return k + (stock - cum) / f;
    cum += f;
  }
  const mean = forecast.length ? cum / forecast.length : 0;
  return mean > 0 ? forecast.length + (stock - cum) / mean : null;
}

export function stockoutDate(asOf: string, cover: number | null): string | null {
  // Cover 0.4 means it runs out during the first forecast day, asOf + 1.
  return cover === null ? null : addDaysIso(asOf, Math.floor(cover) + 1);
}

interface SeriesRef {
  seriesId: string;
  coopId: string;
  siteId: string;
  governorateId: string;
  productId: string;
  categoryId: string;
}

/**
 * Cover per selling site × product and per governorate × product (all its sites' stock,
 * warehouses included, against all its branches' forecast demand), from the latest
 * closing stock on or before `asOf` in the marts (attached as `wh`).
 */
export async function coverFrom(
  con: DuckDBConnection,
  asOf: string,
  series: readonly SeriesRef[],
  forecasts: Map<string, number[]>,
): Promise<Cell[][]> {
  const r = await con.runAndReadAll(`
    SELECT st.site_id, s.coop_id, s.governorate_id, st.product_id, p.category_id,
           CAST(st.stock_date AS VARCHAR), CAST(st.closing_qty AS DOUBLE)
    FROM wh.marts.fct_stock_daily st
    JOIN wh.marts.dim_site s ON s.site_id = st.site_id
    JOIN wh.marts.dim_product p ON p.product_id = st.product_id
    WHERE p.is_essential AND st.stock_date <= DATE ${sqlString(asOf)}
    QUALIFY row_number() OVER (PARTITION BY st.site_id, st.product_id ORDER BY st.stock_date DESC) = 1`);
  const rows: Cell[][] = [];
  const gov = new Map<
    string,
    { gov: string; product: string; cat: string; stock: number; date: string; demand: number[] }
  >();
  const stockBySeries = new Map<string, { stock: number; date: string }>();
  for (const [site, , g, product, cat, date, qty] of r.getRows()) {
    const key = `${g}:${product}`;
    let a = gov.get(key);
    if (!a)
      gov.set(
        key,
        (a = { gov: String(g), product: String(product), cat: String(cat), stock: 0, date: String(date), demand: [] }),
      );
    a.stock += Number(qty);
    if (String(date) > a.date) a.date = String(date);
    stockBySeries.set(`${site}:${product}`, { stock: Number(qty), date: String(date) });
  }
  const mean7 = (f: number[]) => (f.length ? f.slice(0, 7).reduce((x, y) => x + y, 0) / Math.min(7, f.length) : 0);
  for (const s of series) {
    const f = forecasts.get(s.seriesId);
    if (!f) continue;
    const key = `${s.governorateId}:${s.productId}`;
    let a = gov.get(key);
    if (!a)
      gov.set(
        key,
        (a = { gov: s.governorateId, product: s.productId, cat: s.categoryId, stock: 0, date: asOf, demand: [] }),
      );
    a.demand = f.map((v, k) => (a.demand[k] ?? 0) + v);
    const st = stockBySeries.get(s.seriesId);
    if (!st) continue;
    const cover = daysOfCover(st.stock, f);
    rows.push([
      'site',
      s.governorateId,
      s.coopId,
      s.siteId,
      s.productId,
      s.categoryId,
      st.date,
      st.stock,
      mean7(f),
      cover,
      stockoutDate(asOf, cover),
    ]);
  }
  for (const a of gov.values()) {
    if (a.demand.length === 0) continue;
    const cover = daysOfCover(a.stock, a.demand);
    rows.push([
      'governorate',
      a.gov,
      null,
      null,
      a.product,
      a.cat,
      a.date,
      a.stock,
      mean7(a.demand),
      cover,
      stockoutDate(asOf, cover),
    ]);
  }
  return rows;
}
