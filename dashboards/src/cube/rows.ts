import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import type { DrillLevel } from './queries';
import { cellText, bilingual } from './cells';

/** One row of the cover chart, named in the reader's language, numbers already parsed. */
export interface CoverRow {
  id: string;
  name: string;
  daysOfCover: number | null;
  stockOnHand: number | null;
  demandPerDay: number | null;
}

/** A unit of the drill with how many of its counts (site × product) are stale: a stock feed that stopped. */
export interface CoverUnitRow extends CoverRow {
  staleCounts: number;
  counts: number;
}

type Raw = Record<string, unknown>;

const PREFIX: Record<DrillLevel, string> = {
  governorate: 'crisis_now.governorate',
  coop: 'crisis_now.coop',
  site: 'crisis_now.site',
};

function coverNumbers(r: Raw): Pick<CoverRow, 'daysOfCover' | 'stockOnHand' | 'demandPerDay'> {
  return {
    daysOfCover: toNumber(r['crisis_now.days_of_cover']),
    stockOnHand: toNumber(r['crisis_now.stock_on_hand']),
    demandPerDay: toNumber(r['crisis_now.demand_per_day']),
  };
}

/** Cube's raw rows (rawData, not tablePivot, which turns a null measure into 0) → CoverUnitRow, falling back to the other language, then the id, for a name. */
export function toCoverRows(raw: readonly Raw[], level: DrillLevel, lang: Lang): CoverUnitRow[] {
  const p = PREFIX[level];
  return raw.map((r) => {
    const id = cellText(r[`${p}_id`]);
    return {
      id,
      name: bilingual(r, `${p}_name`, lang) || id,
      ...coverNumbers(r),
      staleCounts: toNumber(r['crisis_now.stale_count']) ?? 0,
      counts: toNumber(r['crisis_now.site_products']) ?? 0,
    };
  });
}

/** Whether any count behind the row is stale. */
export const isStale = (row: CoverUnitRow): boolean => row.staleCounts > 0;

export interface EssentialRow extends CoverRow {
  category: string;
}

export function toEssentialRows(raw: readonly Raw[], lang: Lang): EssentialRow[] {
  return raw.map((r) => {
    const id = cellText(r['crisis_now.product_id']);
    return {
      id,
      name: bilingual(r, `crisis_now.product_name`, lang) || id,
      category: bilingual(r, `crisis_now.category_name`, lang),
      ...coverNumbers(r),
    };
  });
}

/** Velocity rows (product × day) → one ordered series of quantities per product. */
export function toSparkSeries(raw: readonly Raw[]): Map<string, number[]> {
  const byProduct = new Map<string, Map<string, number>>();
  const days = new Set<string>();
  for (const r of raw) {
    const product = cellText(r['consumption.product_id']);
    const day = cellText(r['consumption.business_date.day'] ?? r['consumption.business_date']).slice(0, 10);
    if (!product || !day) continue;
    days.add(day);
    let m = byProduct.get(product);
    if (!m) byProduct.set(product, (m = new Map()));
    m.set(day, (m.get(day) ?? 0) + (toNumber(r['consumption.quantity']) ?? 0));
  }
  // A day with no sales is a real zero, not a gap: fill it so every sparkline has the same x.
  const ordered = [...days].sort();
  const out = new Map<string, number[]>();
  for (const [product, m] of byProduct)
    out.set(
      product,
      ordered.map((d) => m.get(d) ?? 0),
    );
  return out;
}
