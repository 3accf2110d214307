import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import { currentFeedSql } from '../lake-feed';
import type { SurgePanel } from './surge-detector';

/**
 * Hourly sales of essentials per governorate × category, per co-op and per product, read
 * from the lake's raw sales (the marts are daily), counting only current batches: landed
 * and not superseded by a resend or correction, as the warehouse does. Dimensions come
 * from the published marts, attached as `wh`.
 */
export async function loadSurgePanels(
  con: DuckDBConnection,
  lakeDir: string,
  fromDay: string,
  toDay: string,
): Promise<SurgePanel[]> {
  const sales = currentFeedSql(lakeDir, 'sales', { from: fromDay, to: toDay });
  if (!sales) return [];
  const H = (daysBetweenIso(fromDay, toDay) + 1) * 24;
  // Summed in DuckDB per co-op × hour and per product × hour (one scan, two grouping sets),
  // each series' hours as one list: a year of co-op × product × hour rows handed to
  // JavaScript row by row took minutes and gigabytes at the demo's scale.
  const reader = await con.runAndReadAll(`
    WITH hourly AS (
      SELECT c.governorate_id AS g, p.category_id AS k, s.coop_id AS coop, s.product_id AS product,
             CAST(date_diff('hour', TIMESTAMP ${sqlString(`${fromDay} 00:00:00`)}, s.sale_hour) AS INTEGER) AS h,
             CAST(s.quantity AS DOUBLE) AS q
      FROM ${sales} s
      JOIN wh.marts.dim_coop c ON c.coop_id = s.coop_id
      JOIN wh.marts.dim_product p ON p.product_id = s.product_id
      WHERE p.is_essential AND s.business_date BETWEEN DATE ${sqlString(fromDay)} AND DATE ${sqlString(toDay)}
    ), sums AS (
      SELECT g, k, coop, product, GROUPING(coop) AS by_product, h, sum(q) AS q
      FROM hourly WHERE h >= 0 AND h < ${H}
      GROUP BY GROUPING SETS ((g, k, coop, h), (g, k, product, h))
    )
    SELECT g, k, by_product, CASE WHEN by_product = 1 THEN product ELSE coop END AS id, list(h), list(q)
    FROM sums GROUP BY ALL`);
  const panels = new Map<
    string,
    { gov: string; cat: string; coops: Map<string, number[]>; products: Map<string, number[]> }
  >();
  for (const [gov, cat, byProduct, id, hours, qs] of reader.getRows()) {
    const key = `${gov}:${cat}`;
    let p = panels.get(key);
    if (!p) panels.set(key, (p = { gov: String(gov), cat: String(cat), coops: new Map(), products: new Map() }));
    const row = new Array<number>(H).fill(0);
    const hs = (hours as { items: number[] }).items;
    const vs = (qs as { items: number[] }).items;
    for (let i = 0; i < hs.length; i++) row[hs[i] as number] = vs[i] as number;
    (Number(byProduct) === 1 ? p.products : p.coops).set(String(id), row);
  }
  const stock = await con.runAndReadAll(`
    SELECT c.governorate_id, p.category_id, CAST(st.stock_date AS VARCHAR), CAST(sum(st.closing_qty) AS DOUBLE)
    FROM wh.marts.fct_stock_daily st
    JOIN wh.marts.dim_coop c ON c.coop_id = st.coop_id
    JOIN wh.marts.dim_product p ON p.product_id = st.product_id
    WHERE p.is_essential AND st.stock_date BETWEEN DATE ${sqlString(addDaysIso(fromDay, -7))} AND DATE ${sqlString(toDay)}
    GROUP BY ALL`);
  const stockBy = new Map<string, Map<string, number>>();
  for (const [gov, cat, d, q] of stock.getRows()) {
    const key = `${gov}:${cat}`;
    let m = stockBy.get(key);
    if (!m) stockBy.set(key, (m = new Map()));
    m.set(String(d), Number(q));
  }
  // Hours after the last one with any sale have not happened yet (or not arrived):
  // they are cut off rather than read as zero sales.
  // Days before the first sale are before the lake begins, not days of zero sales.
  let last = -1;
  let first = H;
  for (const p of panels.values()) {
    for (const row of p.coops.values()) {
      for (let t = row.length - 1; t > last; t--) if ((row[t] as number) !== 0) last = t;
      for (let t = 0; t < first; t++) if ((row[t] as number) !== 0) first = t;
    }
  }
  const firstDay = Math.floor(first / 24);
  const cut = (row: number[]) => row.slice(firstDay * 24, last + 1);
  return [...panels.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, p]) => {
      const coops = [...p.coops.keys()].sort();
      const products = [...p.products.keys()].sort();
      return {
        governorateId: p.gov,
        categoryId: p.cat,
        startDay: addDaysIso(fromDay, firstDay),
        startHour: 0,
        coops,
        coopY: coops.map((c) => cut(p.coops.get(c) as number[])),
        products,
        productY: products.map((x) => cut(p.products.get(x) as number[])),
        stockByDay: stockBy.get(key),
      };
    });
}
