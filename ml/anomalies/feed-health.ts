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
  /** days in the window on which every sales row (of enough) repeats the day before's figures */
  flatSalesDays?: string[];
  /** net sales in the window, KWD: what goes unwatched when a feed is missing */
  salesKwd: number;
}

/** Sales rows a co-op day needs before "all equal to yesterday" means a stuck export, not a quiet day. */
export const FLAT_SALES_MIN_ROWS = 20;

/**
 * Feeds that stop, never start, or flatline, per co-op over a window ending at asOf.
 * A co-op is judged only from its first sales day (late linkers are not missing before it).
 */
export function findFeedProblems(coops: CoopFeedDays[], asOf: string): Anomaly[] {
  const out: Anomaly[] = [];
  for (const c of coops) {
    if (c.salesDays.length === 0 && c.stockDays.length === 0) continue;
    const first = [...c.salesDays, ...c.stockDays].sort()[0] as string;
    const perDay = c.salesKwd / Math.max(1, c.salesDays.length);
    const missing = missingStockFeed(c, first, asOf);
    if (missing) out.push(missing);
    out.push(...stoppedFeeds(c, perDay, asOf));
    const flat = [stockFlatline(c, perDay), salesFlatline(c, perDay)];
    for (const a of flat) if (a) out.push(a);
  }
  return out;
}

/** What every feed case shares: a co-op-wide case (no site, no product). */
const coopCase = (c: CoopFeedDays) => ({
  siteId: null,
  productId: null,
  coopId: c.coopId,
  governorateId: c.governorateId,
});

/** Sales on a week of days and not one stock count. */
function missingStockFeed(c: CoopFeedDays, first: string, asOf: string): Anomaly | null {
  if (c.salesDays.length < 7 || c.stockDays.length > 0) return null;
  const span = daysBetweenIso(first, asOf) + 1;
  return {
    ...coopCase(c),
    kind: 'missing_stock_feed',
    startDate: first,
    endDate: asOf,
    // certain, and the longer it has gone on the worse
    score: 10 + Math.log2(c.salesDays.length),
    valueAtStakeKwd: c.salesKwd,
    observed: 0,
    expected: span,
    detail: `sales on ${c.salesDays.length} days, no stock count in ${span} days`,
  };
}

/** A feed sent on a week of days that has been silent for three days or more up to asOf. */
function stoppedFeeds(c: CoopFeedDays, perDay: number, asOf: string): Anomaly[] {
  const out: Anomaly[] = [];
  for (const [feed, daysSeen] of [
    ['sales', c.salesDays],
    ['stock', c.stockDays],
  ] as const) {
    if (daysSeen.length < 7) continue;
    const last = [...daysSeen].sort().at(-1) as string;
    const silent = daysBetweenIso(last, asOf);
    if (silent < 3) continue;
    out.push({
      ...coopCase(c),
      kind: feed === 'sales' ? 'sales_feed_stopped' : 'stock_feed_stopped',
      startDate: addDaysIso(last, 1),
      endDate: asOf,
      score: 5 + Math.log2(silent),
      valueAtStakeKwd: perDay * silent,
      observed: 0,
      expected: silent,
      detail: `no ${feed} file since ${last} (${silent} days)`,
    });
  }
  return out;
}

function stockFlatline(c: CoopFeedDays, perDay: number): Anomaly | null {
  if (c.flatStockDays.length < 3 || c.salesDays.length < 3) return null;
  const sorted = [...c.flatStockDays].sort();
  return {
    ...coopCase(c),
    kind: 'stock_feed_flatline',
    startDate: sorted[0] as string,
    endDate: sorted.at(-1) as string,
    score: 4 + Math.log2(sorted.length),
    valueAtStakeKwd: perDay * sorted.length,
    observed: sorted.length,
    expected: 0,
    detail: `stock unchanged on ${sorted.length} days while sales went on`,
  };
}

function salesFlatline(c: CoopFeedDays, perDay: number): Anomaly | null {
  const flatSales = [...(c.flatSalesDays ?? [])].sort();
  if (flatSales.length < 3) return null;
  return {
    ...coopCase(c),
    kind: 'sales_feed_flatline',
    startDate: flatSales[0] as string,
    endDate: flatSales.at(-1) as string,
    score: 4 + Math.log2(flatSales.length),
    // the real takings of those days are unknown: the repeated ones stand in for them
    valueAtStakeKwd: perDay * flatSales.length,
    observed: flatSales.length,
    expected: 0,
    detail: `every sales row repeats the day before's on ${flatSales.length} days (${flatSales[0]} … ${flatSales.at(-1)}): a stuck export, not real takings`,
  };
}

export async function loadFeedDays(con: DuckDBConnection, asOf: string, windowDays: number): Promise<CoopFeedDays[]> {
  const from = addDaysIso(asOf, -(windowDays - 1));
  const r = await con.runAndReadAll(`
    WITH sales AS (
      SELECT coop_id, list(DISTINCT CAST(business_date AS VARCHAR)) AS days, CAST(sum(net_amount_kwd) AS DOUBLE) AS kwd
      FROM wh.marts.fct_sales_daily
      WHERE business_date BETWEEN DATE ${sqlString(from)} AND DATE ${sqlString(asOf)} GROUP BY coop_id
    ), sales_flat AS (
      SELECT coop_id, list(CAST(business_date AS VARCHAR)) AS flat_days
      FROM (SELECT coop_id, business_date,
                   bool_and(prev_date = business_date - 1 AND quantity = prev_qty AND net_amount_kwd = prev_kwd) AS flat, count(*) AS n
            FROM (SELECT coop_id, business_date, quantity, net_amount_kwd,
                         lag(business_date) OVER w AS prev_date, lag(quantity) OVER w AS prev_qty, lag(net_amount_kwd) OVER w AS prev_kwd
                  FROM wh.marts.fct_sales_daily
                  WHERE business_date BETWEEN DATE ${sqlString(addDaysIso(from, -1))} AND DATE ${sqlString(asOf)}
                  WINDOW w AS (PARTITION BY site_id, product_id ORDER BY business_date))
            WHERE business_date >= DATE ${sqlString(from)}
            GROUP BY ALL)
      WHERE flat AND n >= ${FLAT_SALES_MIN_ROWS}
      GROUP BY coop_id
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
    SELECT c.coop_id, c.governorate_id, s.days, st.days, st.flat_days, s.kwd, sf.flat_days
    FROM wh.marts.dim_coop c
    LEFT JOIN sales s ON s.coop_id = c.coop_id
    LEFT JOIN sales_flat sf ON sf.coop_id = c.coop_id
    LEFT JOIN stock_days st ON st.coop_id = c.coop_id`);
  const list = (v: unknown): string[] => {
    if (v === null || v === undefined) return [];
    const items = (v as { items?: unknown[] }).items ?? (v as unknown[]);
    return Array.from(items as unknown[], String);
  };
  return r.getRows().map(([coopId, gov, sd, std, flat, kwd, flatSales]) => ({
    coopId: String(coopId),
    governorateId: gov === null ? null : String(gov),
    salesDays: list(sd),
    stockDays: list(std),
    flatStockDays: list(flat),
    salesKwd: kwd === null ? 0 : Number(kwd),
    flatSalesDays: list(flatSales),
  }));
}
