import type { DuckDBConnection } from '@duckdb/node-api';
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { sqlString } from '../duck';
import { addDaysIso } from '../dates';
import { hasMart } from '../warehouse';
import type { Anomaly } from './anomaly';

/** Stocktakes are monthly: three of them say more than the anomaly window's one. */
export const SHRINKAGE_WINDOW_DAYS = 95;

export interface CountLine {
  coopId: string;
  governorateId: string | null;
  siteId: string;
  productId: string;
  categoryId: string;
  date: string;
  book: number;
  counted: number;
  unitPriceKwd: number;
}

export interface ShrinkageOptions {
  /** how far (robust z) above peers a product's loss per count must be */
  minZ?: number;
  /** fewest units lost over the window for a product to count */
  minUnits?: number;
}

interface Line {
  coopId: string;
  governorateId: string | null;
  siteId: string;
  productId: string;
  categoryId: string;
  counts: number;
  lost: number;
  first: string;
  last: string;
  unitPriceKwd: number;
}

/**
 * Stocktake shrinkage out of line with peers: per site and product, the units the count
 * found missing from the book (book − counted when positive), per count, set against the
 * same product at every other site (median and MAD; the scale never drops below one unit,
 * the size of an honest miscount). Products far above their peers make one case per site,
 * scored like price gouging (the median z grown with √products), with the lost goods at
 * retail price at stake. The site's loss rate in those products' categories against the
 * categories' median is in the detail.
 */
export function findShrinkage(lines: CountLine[], options: ShrinkageOptions = {}): Anomaly[] {
  const minZ = options.minZ ?? 4;
  const minUnits = options.minUnits ?? 3;
  const bySiteProduct = new Map<string, Line>();
  for (const c of lines) {
    const key = `${c.siteId}|${c.productId}`;
    let l = bySiteProduct.get(key);
    if (!l) bySiteProduct.set(key, (l = { ...c, counts: 0, lost: 0, first: c.date, last: c.date }));
    l.counts++;
    l.lost += Math.max(0, c.book - c.counted);
    if (c.date < l.first) l.first = c.date;
    if (c.date > l.last) l.last = c.date;
  }
  const byProduct = new Map<string, Line[]>();
  for (const l of bySiteProduct.values()) byProduct.set(l.productId, [...(byProduct.get(l.productId) ?? []), l]);

  const flagged = new Map<string, { line: Line; z: number; peer: number }[]>();
  for (const peers of byProduct.values()) {
    if (peers.length < 3) continue;
    const rates = peers.map((l) => l.lost / l.counts);
    const mid = median(rates);
    const scale = Math.max(1.4826 * medianAbsoluteDeviation(rates), 1);
    for (const l of peers) {
      const z = (l.lost / l.counts - mid) / scale;
      if (z < minZ || l.lost < minUnits) continue;
      flagged.set(l.siteId, [...(flagged.get(l.siteId) ?? []), { line: l, z, peer: mid }]);
    }
  }

  // Category context: the site's loss per count in a category against all sites'.
  const catRate = new Map<string, Map<string, { lost: number; counts: number }>>();
  for (const l of bySiteProduct.values()) {
    let m = catRate.get(l.categoryId);
    if (!m) catRate.set(l.categoryId, (m = new Map()));
    const r = m.get(l.siteId) ?? { lost: 0, counts: 0 };
    r.lost += l.lost;
    r.counts += l.counts;
    m.set(l.siteId, r);
  }
  const categoryNote = (siteId: string, categoryId: string): string => {
    const m = catRate.get(categoryId);
    const own = m?.get(siteId);
    if (!m || !own) return '';
    const mid = median([...m.values()].map((r) => r.lost / r.counts));
    return `${categoryId} ${(own.lost / own.counts).toFixed(2)} vs ${mid.toFixed(2)} units per count`;
  };

  const out: Anomaly[] = [];
  for (const [siteId, list] of flagged) {
    list.sort((a, b) => b.z - a.z || a.line.productId.localeCompare(b.line.productId));
    const first = (list[0] as (typeof list)[number]).line;
    const zs = list.map((f) => f.z);
    const lost = list.reduce((a, f) => a + f.line.lost, 0);
    const counts = list.reduce((a, f) => a + f.line.counts, 0);
    const categories = [...new Set(list.map((f) => f.line.categoryId))].sort();
    out.push({
      kind: 'stocktake_shrinkage',
      coopId: first.coopId,
      governorateId: first.governorateId,
      siteId,
      productId: list.length === 1 ? first.productId : null,
      startDate: list.reduce((a, f) => (f.line.first < a ? f.line.first : a), first.first),
      endDate: list.reduce((a, f) => (f.line.last > a ? f.line.last : a), first.last),
      score: median(zs) * Math.sqrt(list.length),
      valueAtStakeKwd: list.reduce((a, f) => a + f.line.lost * f.line.unitPriceKwd, 0),
      observed: lost / counts,
      expected: list.reduce((a, f) => a + f.peer * f.line.counts, 0) / counts,
      detail: `${lost} units missing at count in ${list.length} products (${list.map((f) => f.line.productId).join(' ')}); ${categories.map((c) => categoryNote(siteId, c)).join('; ')}`,
    });
  }
  return out;
}

/** Stocktake lines (fct_stocktake_variance: the latest count of current batches) over the window ending at asOf, with keys and prices. */
export async function loadCountLines(
  con: DuckDBConnection,
  asOf: string,
  days = SHRINKAGE_WINDOW_DAYS,
): Promise<CountLine[]> {
  if (!(await hasMart(con, 'fct_stocktake_variance'))) return [];
  const r = await con.runAndReadAll(`
    SELECT t.coop_id, st.governorate_id, t.site_id, t.product_id, p.category_id, CAST(t.count_date AS VARCHAR),
           CAST(t.book_qty AS DOUBLE), CAST(t.counted_qty AS DOUBLE), CAST(p.unit_price_kwd AS DOUBLE)
    FROM wh.marts.fct_stocktake_variance t
    JOIN wh.marts.dim_site st ON st.site_id = t.site_id
    JOIN wh.marts.dim_product p ON p.product_id = t.product_id
    WHERE t.count_date BETWEEN DATE ${sqlString(addDaysIso(asOf, -(days - 1)))} AND DATE ${sqlString(asOf)}`);
  return r.getRows().map(([coopId, gov, siteId, productId, cat, d, book, counted, price]) => ({
    coopId: String(coopId),
    governorateId: gov === null ? null : String(gov),
    siteId: String(siteId),
    productId: String(productId),
    categoryId: String(cat),
    date: String(d),
    book: Number(book),
    counted: Number(counted),
    unitPriceKwd: Number(price),
  }));
}
