import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import type { SurgePanel } from './surge-detector';

/** One governorate × category's hours as read, before the hours outside the sales are cut. */
interface PanelHours {
  gov: string;
  cat: string;
  coops: Map<string, number[]>;
  products: Map<string, number[]>;
}

/**
 * Hourly sales of essentials per governorate × category, per co-op and per product, from
 * the published marts (attached as `wh`): fct_sales_hourly holds current batches only.
 */
export async function loadSurgePanels(con: DuckDBConnection, fromDay: string, toDay: string): Promise<SurgePanel[]> {
  const hours = (daysBetweenIso(fromDay, toDay) + 1) * 24;
  const panels = await readPanelHours(con, fromDay, toDay, hours);
  const stockBy = await readRegionStock(con, fromDay, toDay);
  const { firstDay, last } = salesSpan(panels.values(), hours);
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

/**
 * Per co-op × hour and per product × hour sums (one scan, two grouping sets), each series'
 * hours as one list: a year of co-op × product × hour rows handed to JavaScript row by row
 * took minutes and gigabytes at the demo's scale.
 */
async function readPanelHours(
  con: DuckDBConnection,
  fromDay: string,
  toDay: string,
  hours: number,
): Promise<Map<string, PanelHours>> {
  const reader = await con.runAndReadAll(`
    WITH hourly AS (
      SELECT c.governorate_id AS g, p.category_id AS k, s.coop_id AS coop, s.product_id AS product,
             CAST(date_diff('hour', TIMESTAMP ${sqlString(`${fromDay} 00:00:00`)}, s.sale_hour) AS INTEGER) AS h,
             CAST(s.quantity AS DOUBLE) AS q
      FROM wh.marts.fct_sales_hourly s
      JOIN wh.marts.dim_coop c ON c.coop_id = s.coop_id
      JOIN wh.marts.dim_product p ON p.product_id = s.product_id
      WHERE p.is_essential AND s.business_date BETWEEN DATE ${sqlString(fromDay)} AND DATE ${sqlString(toDay)}
    ), sums AS (
      SELECT g, k, coop, product, GROUPING(coop) AS by_product, h, sum(q) AS q
      FROM hourly WHERE h >= 0 AND h < ${hours}
      GROUP BY GROUPING SETS ((g, k, coop, h), (g, k, product, h))
    )
    SELECT g, k, by_product, CASE WHEN by_product = 1 THEN product ELSE coop END AS id, list(h), list(q)
    FROM sums GROUP BY ALL`);
  const panels = new Map<string, PanelHours>();
  for (const [gov, cat, byProduct, id, hs, qs] of reader.getRows()) {
    const key = `${gov}:${cat}`;
    let p = panels.get(key);
    if (!p) panels.set(key, (p = { gov: String(gov), cat: String(cat), coops: new Map(), products: new Map() }));
    const row = new Array<number>(hours).fill(0);
    const at = (hs as { items: number[] }).items;
    const vs = (qs as { items: number[] }).items;
    for (let i = 0; i < at.length; i++) row[at[i] as number] = vs[i] as number;
    (Number(byProduct) === 1 ? p.products : p.coops).set(String(id), row);
  }
  return panels;
}

/** Closing stock of essentials per governorate × category and day (from a week before the panels). */
async function readRegionStock(
  con: DuckDBConnection,
  fromDay: string,
  toDay: string,
): Promise<Map<string, Map<string, number>>> {
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
  return stockBy;
}

/**
 * The first day and the last hour with any sale in any panel. Hours after the last have not
 * happened yet (or not arrived): they are cut off rather than read as zero sales. Days
 * before the first are before the sales begin, not days of zero sales.
 */
function salesSpan(panels: Iterable<PanelHours>, hours: number): { firstDay: number; last: number } {
  let last = -1;
  let first = hours;
  for (const p of panels) {
    for (const row of p.coops.values()) {
      for (let t = row.length - 1; t > last; t--) if ((row[t] as number) !== 0) last = t;
      for (let t = 0; t < first; t++) if ((row[t] as number) !== 0) first = t;
    }
  }
  return { firstDay: Math.floor(first / 24), last };
}
