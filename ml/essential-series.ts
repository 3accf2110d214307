import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './duck';
import { addDaysIso } from './dates';
import { denseDaily } from './forecast-rows';

export interface SiteProductSeries {
  seriesId: string;
  coopId: string;
  siteId: string;
  governorateId: string;
  productId: string;
  categoryId: string;
  ds: string[];
  y: number[];
}

type SeriesBuilder = Omit<SiteProductSeries, 'ds' | 'y'> & { first: string; byDay: Map<string, number> };

/**
 * Daily unit sales of essential products per selling site (not warehouses) and product,
 * from the published marts (attached as `wh`), as dense series from each one's first sale.
 */
export async function readEssentialDailySeries(
  con: DuckDBConnection,
  asOf: string,
  historyDays: number,
): Promise<SiteProductSeries[]> {
  const start = addDaysIso(asOf, -(historyDays - 1));
  const reader = await con.runAndReadAll(`
    SELECT st.coop_id, s.site_id, st.governorate_id, s.product_id, p.category_id,
           CAST(s.business_date AS VARCHAR) AS d, CAST(sum(s.quantity) AS DOUBLE) AS q
    FROM wh.marts.fct_sales_daily s
    JOIN wh.marts.dim_product p ON p.product_id = s.product_id
    JOIN wh.marts.dim_site st ON st.site_id = s.site_id
    WHERE p.is_essential AND st.site_type <> 'warehouse'
      AND s.business_date BETWEEN DATE ${sqlString(start)} AND DATE ${sqlString(asOf)}
    GROUP BY ALL
    ORDER BY s.site_id, s.product_id, d`);
  const out: SiteProductSeries[] = [];
  let cur: SeriesBuilder | null = null;
  const flush = () => {
    if (cur) {
      const { first, byDay, ...rest } = cur;
      out.push({ ...rest, ...denseDaily(byDay, first, asOf) });
    }
  };
  for (const [coopId, siteId, gov, productId, cat, d, q] of reader.getRows()) {
    const seriesId = `${siteId}:${productId}`;
    if (!cur || cur.seriesId !== seriesId) {
      flush();
      cur = {
        seriesId,
        coopId: String(coopId),
        siteId: String(siteId),
        governorateId: String(gov),
        productId: String(productId),
        categoryId: String(cat),
        first: String(d),
        byDay: new Map(),
      };
    }
    cur.byDay.set(String(d), Number(q));
  }
  flush();
  return out;
}
