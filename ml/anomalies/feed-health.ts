import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../duck';
import { addDaysIso, daysBetweenIso } from '../dates';
import type { Anomaly } from './anomaly';

export interface CoopFeedDays {
  coopId: string;
  governorateId: string | null;
  /** days in the window with any sales row */
  salesDays: string[];
  /** days in the window with any stock row */
  stockDays: string[];
  /** days in the window on which every stock row repeats the day before's closing */
  flatStockDays: string[];
  /** net sales in the window, KWD: what goes unwatched when a feed is missing */
  salesKwd: number;
}

/**
 * Feeds that stop, never start, or flatline, per co-op over a window ending at asOf.
 * A co-op is judged only from its first sales day (late linkers are not missing before it).
 */
export function findFeedProblems(coops: CoopFeedDays[], asOf: string): Anomaly[] {
  const out: Anomaly[] = [];
  const base = { siteId: null, productId: null } as const;
  for (const c of coops) {
    if (c.salesDays.length === 0 && c.stockDays.length === 0) continue;
    const first = [...c.salesDays, ...c.stockDays].sort()[0] as string;
    const span = daysBetweenIso(first, asOf) + 1;
    const perDay = c.salesKwd / Math.max(1, c.salesDays.length);
    if (c.salesDays.length >= 7 && c.stockDays.length === 0) {
      out.push({
        ...base,
        kind: 'missing_stock_feed',
        coopId: c.coopId,
        governorateId: c.governorateId,
        startDate: first,
        endDate: asOf,
        // certain, and the longer it has gone on the worse
        score: 10 + Math.log2(c.salesDays.length),
        valueAtStakeKwd: c.salesKwd,
        observed: 0,
        expected: span,
        detail: `sales on ${c.salesDays.length} days, no stock count in ${span} days`,
      });
    }
    for (const [feed, daysSeen] of [
      ['sales', c.salesDays],
      ['stock', c.stockDays],
    ] as const) {
      if (daysSeen.length < 7) continue;
      const last = [...daysSeen].sort().at(-1) as string;
      const silent = daysBetweenIso(last, asOf);
      if (silent >= 3) {
        out.push({
          ...base,
          kind: feed === 'sales' ? 'sales_feed_stopped' : 'stock_feed_stopped',
          coopId: c.coopId,
          governorateId: c.governorateId,
          startDate: addDaysIso(last, 1),
          endDate: asOf,
          score: 5 + Math.log2(silent),
          valueAtStakeKwd: perDay * silent,
          observed: 0,
          expected: silent,
          detail: `no ${feed} file since ${last} (${silent} days)`,
        });
      }
    }
    if (c.flatStockDays.length >= 3 && c.salesDays.length >= 3) {
      const sorted = [...c.flatStockDays].sort();
      out.push({
        ...base,
        kind: 'stock_feed_flatline',
        coopId: c.coopId,
        governorateId: c.governorateId,
        startDate: sorted[0] as string,
        endDate: sorted.at(-1) as string,
        score: 4 + Math.log2(sorted.length),
        valueAtStakeKwd: perDay * sorted.length,
        observed: sorted.length,
        expected: 0,
        detail: `stock unchanged on ${sorted.length} days while sales went on`,
      });
    }
  }
  return out;
}

export async function loadFeedDays(con: DuckDBConnection, asOf: string, windowDays: number): Promise<CoopFeedDays[]> {
  const from = addDaysIso(asOf, -(windowDays - 1));
  const r = await con.runAndReadAll(`
    WITH sales AS (
      SELECT coop_id, list(DISTINCT CAST(business_date AS VARCHAR)) AS days, CAST(sum(net_amount_kwd) AS DOUBLE) AS kwd
      FROM wh.marts.fct_sales_daily
      WHERE business_date BETWEEN DATE ${sqlString(from)} AND DATE ${sqlString(asOf)} GROUP BY coop_id
    ), stock AS (
      SELECT coop_id, stock_date, bool_and(closing_qty = prev) AND count(prev) > 0 AS flat
      FROM (SELECT coop_id, stock_date, closing_qty,
                   lag(closing_qty) OVER (PARTITION BY site_id, product_id ORDER BY stock_date) AS prev
            FROM wh.marts.fct_stock_daily
            WHERE stock_date BETWEEN DATE ${sqlString(addDaysIso(from, -1))} AND DATE ${sqlString(asOf)})
      WHERE stock_date >= DATE ${sqlString(from)}
      GROUP BY ALL
    ), stock_days AS (
      SELECT coop_id, list(CAST(stock_date AS VARCHAR)) AS days,
             list(CAST(stock_date AS VARCHAR)) FILTER (WHERE flat) AS flat_days
      FROM stock GROUP BY coop_id
    )
    SELECT c.coop_id, c.governorate_id, s.days, st.days, st.flat_days, s.kwd
    FROM wh.marts.dim_coop c
    LEFT JOIN sales s ON s.coop_id = c.coop_id
    LEFT JOIN stock_days st ON st.coop_id = c.coop_id`);
  const list = (v: unknown): string[] => {
    if (v === null || v === undefined) return [];
    const items = (v as { items?: unknown[] }).items ?? (v as unknown[]);
    return Array.from(items as unknown[], String);
  };
  return r.getRows().map(([coopId, gov, sd, std, flat, kwd]) => ({
    coopId: String(coopId),
    governorateId: gov === null ? null : String(gov),
    salesDays: list(sd),
    stockDays: list(std),
    flatStockDays: list(flat),
    salesKwd: kwd === null ? 0 : Number(kwd),
  }));
}
