import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import type { Anomaly } from './anomaly';

export interface PriceDay {
  coopId: string;
  governorateId: string;
  productId: string;
  date: string;
  quantity: number;
  /** what the co-op charged per unit that day */
  price: number;
  /** the median unit price of the same product across co-ops that day */
  peerPrice: number;
}

export interface GougingOptions {
  /** unit price above peers by at least this ratio counts as raised */
  minRatio?: number;
  /** days a raise must last to be a case */
  minDays?: number;
  /** gap (days) that still joins two raised days into one episode */
  maxGap?: number;
}

/**
 * Prices raised beyond peers: for each co-op and product, runs of days whose unit price
 * (net amount ÷ quantity) is well above the national median of the same product that day.
 * Score: the episode's median log price ratio over the robust spread of all co-op-product-day
 * ratios (a z), grown with the square root of its length, so a long raise outranks a blip.
 */
export function findGouging(days: PriceDay[], options: GougingOptions = {}): Anomaly[] {
  const minRatio = options.minRatio ?? 1.15;
  const minDays = options.minDays ?? 2;
  const maxGap = options.maxGap ?? 2;
  const logs = days.filter((d) => d.peerPrice > 0 && d.price > 0).map((d) => Math.log(d.price / d.peerPrice));
  if (logs.length === 0) return [];
  const sorted = logs.map(Math.abs).sort((a, b) => a - b);
  const spread = Math.max(1.4826 * (sorted[sorted.length >> 1] as number), 0.01);
  const byKey = new Map<string, PriceDay[]>();
  for (const d of days) {
    if (!(d.peerPrice > 0 && d.price / d.peerPrice >= minRatio)) continue;
    const k = `${d.coopId}|${d.productId}`;
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(d);
  }
  const out: Anomaly[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date));
    let run: PriceDay[] = [];
    const flush = () => {
      if (run.length >= minDays) {
        const ratios = run.map((d) => Math.log(d.price / d.peerPrice)).sort((a, b) => a - b);
        const med = ratios[ratios.length >> 1] as number;
        const first = run[0] as PriceDay;
        const qty = run.reduce((a, d) => a + d.quantity, 0);
        out.push({
          kind: 'price_gouging',
          coopId: first.coopId,
          governorateId: first.governorateId,
          siteId: null,
          productId: first.productId,
          startDate: first.date,
          endDate: (run[run.length - 1] as PriceDay).date,
          score: (med / spread) * Math.sqrt(run.length),
          valueAtStakeKwd: run.reduce((a, d) => a + (d.price - d.peerPrice) * d.quantity, 0),
          observed: run.reduce((a, d) => a + d.price * d.quantity, 0) / qty,
          expected: run.reduce((a, d) => a + d.peerPrice * d.quantity, 0) / qty,
          detail: `unit price ×${Math.exp(med).toFixed(2)} the median of peers on ${run.length} days`,
        });
      }
      run = [];
    };
    for (const d of list) {
      const prev = run[run.length - 1];
      if (prev && daysBetweenIso(prev.date, d.date) > maxGap + 1) flush();
      run.push(d);
    }
    flush();
  }
  return out;
}

/** Unit prices per co-op × essential product × day with the peers' median, from the marts. */
export async function loadPriceDays(con: DuckDBConnection, asOf: string, days: number): Promise<PriceDay[]> {
  const from = addDaysIso(asOf, -(days - 1));
  const r = await con.runAndReadAll(`
    WITH p AS (
      SELECT s.coop_id, c.governorate_id, s.product_id, CAST(s.business_date AS VARCHAR) AS d,
             CAST(sum(s.quantity) AS DOUBLE) AS q, CAST(sum(s.net_amount_kwd) AS DOUBLE) / nullif(CAST(sum(s.quantity) AS DOUBLE), 0) AS price
      FROM wh.marts.fct_sales_daily s
      JOIN wh.marts.dim_coop c ON c.coop_id = s.coop_id
      JOIN wh.marts.dim_product pr ON pr.product_id = s.product_id
      WHERE pr.is_essential AND s.business_date BETWEEN DATE ${sqlString(from)} AND DATE ${sqlString(asOf)}
      GROUP BY ALL HAVING sum(s.quantity) > 0
    )
    SELECT coop_id, governorate_id, product_id, d, q, price, median(price) OVER (PARTITION BY product_id, d) AS peer,
           count(*) OVER (PARTITION BY product_id, d) AS n
    FROM p`);
  return r
    .getRows()
    .filter((row) => Number(row[7]) >= 3)
    .map(([coopId, gov, productId, d, q, price, peer]) => ({
      coopId: String(coopId),
      governorateId: String(gov),
      productId: String(productId),
      date: String(d),
      quantity: Number(q),
      price: Number(price),
      peerPrice: Number(peer),
    }));
}
