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
  const sales = currentFeedSql(lakeDir, 'sales');
  if (!sales) return [];
  const reader = await con.runAndReadAll(`
    SELECT c.governorate_id, p.category_id, s.coop_id, s.product_id,
           CAST(date_diff('hour', TIMESTAMP ${sqlString(`${fromDay} 00:00:00`)}, s.sale_hour) AS INTEGER) AS h,
           CAST(sum(s.quantity) AS DOUBLE) AS q
    FROM ${sales} s
    JOIN wh.marts.dim_coop c ON c.coop_id = s.coop_id
    JOIN wh.marts.dim_product p ON p.product_id = s.product_id
    WHERE p.is_essential AND s.business_date BETWEEN DATE ${sqlString(fromDay)} AND DATE ${sqlString(toDay)}
    GROUP BY ALL`);
  const H = (daysBetweenIso(fromDay, toDay) + 1) * 24;
  const panels = new Map<string, { gov: string; cat: string; coops: Map<string, number[]>; products: Map<string, number[]> }>();
  for (const [gov, cat, coop, product, h, q] of reader.getRows()) {
    const hour = Number(h);
    if (hour < 0 || hour >= H) continue;
    const key = `${gov}:${cat}`;
    let p = panels.get(key);
    if (!p) panels.set(key, (p = { gov: String(gov), cat: String(cat), coops: new Map(), products: new Map() }));
    let cr = p.coops.get(String(coop));
    if (!cr) p.coops.set(String(coop), (cr = new Array<number>(H).fill(0)));
    cr[hour] = (cr[hour] as number) + Number(q);
    let pr = p.products.get(String(product));
    if (!pr) p.products.set(String(product), (pr = new Array<number>(H).fill(0)));
    pr[hour] = (pr[hour] as number) + Number(q);
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
