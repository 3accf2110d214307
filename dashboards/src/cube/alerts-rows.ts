import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import { kuwaitTime } from './kuwait-time';
import { cellText, bilingual } from './cells';

export type AlertSeverity = 'watch' | 'warning' | 'critical';

const SEVERITIES: readonly AlertSeverity[] = ['watch', 'warning', 'critical'];

/** One surge alert as the crisis room shows it, named in the reader's language. */
export interface AlertRow {
  id: string;
  governorateId: string;
  governorate: string;
  categoryId: string;
  category: string;
  isOpen: boolean;
  severity: AlertSeverity | null;
  peakSeverity: AlertSeverity | null;
  productIds: string[];
  /** Kuwait wall clock as Cube returns it ("2025-06-18T13:00:00.000"); null if unknown. */
  sinceAt: string | null;
  closedAt: string | null;
  expectedStockoutAt: string | null;
  /** Units sold in the last 24 h over the expected level: 2.5 means two and a half times. */
  ratio: number | null;
  peakRatio: number | null;
  hoursToStockout: number | null;
  coopsAffected: number | null;
  coopsTotal: number | null;
}

type Raw = Record<string, unknown>;

function severity(v: unknown): AlertSeverity | null {
  const s = cellText(v).toLowerCase();
  return (SEVERITIES as readonly string[]).includes(s) ? (s as AlertSeverity) : null;
}

/** Cube sends booleans as true/"true" (and DuckDB's through the driver sometimes as 1). */
function bool(v: unknown): boolean {
  return v === true || v === 1 || cellText(v).toLowerCase() === 'true' || cellText(v) === '1';
}

/** "id1,id2, id3" → ids in the model's order (most excess first), no blanks or repeats. */
export function parseProductIds(v: unknown): string[] {
  const seen = new Set<string>();
  for (const part of cellText(v).split(',')) {
    const id = part.trim();
    if (id) seen.add(id);
  }
  return [...seen];
}

/** Open first, then most severe, then furthest above the expected level, then soonest out of stock. */
export function compareAlerts(a: AlertRow, b: AlertRow): number {
  const rank = (s: AlertSeverity | null) => (s ? SEVERITIES.indexOf(s) : -1);
  const nullLast = (x: number | null, y: number | null, dir: 1 | -1) => {
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return dir * (x - y);
  };
  return (
    Number(b.isOpen) - Number(a.isOpen) ||
    rank(b.severity) - rank(a.severity) ||
    nullLast(a.ratio, b.ratio, -1) ||
    nullLast(a.hoursToStockout, b.hoursToStockout, 1) ||
    a.id.localeCompare(b.id)
  );
}

/** Cube's raw rows (rawData: a missing measure stays null, not 0) → alerts, most severe first. */
export function toAlertRows(raw: readonly Raw[], lang: Lang): AlertRow[] {
  return raw
    .map((r): AlertRow => {
      const governorateId = cellText(r['surge_alerts.governorate_id']);
      const categoryId = cellText(r['surge_alerts.category_id']);
      return {
        id: cellText(r['surge_alerts.alert_id']),
        governorateId,
        governorate: bilingual(r, 'surge_alerts.governorate_name', lang) || governorateId,
        categoryId,
        category: bilingual(r, 'surge_alerts.category_name', lang) || categoryId,
        isOpen: bool(r['surge_alerts.is_open']),
        severity: severity(r['surge_alerts.severity']),
        peakSeverity: severity(r['surge_alerts.peak_severity']),
        productIds: parseProductIds(r['surge_alerts.top_product_ids']),
        sinceAt: kuwaitTime(r, 'surge_alerts.since_at'),
        closedAt: kuwaitTime(r, 'surge_alerts.closed_at'),
        expectedStockoutAt: kuwaitTime(r, 'surge_alerts.expected_stockout_at'),
        ratio: toNumber(r['surge_alerts.ratio']),
        peakRatio: toNumber(r['surge_alerts.peak_ratio']),
        hoursToStockout: toNumber(r['surge_alerts.hours_to_stockout']),
        coopsAffected: toNumber(r['surge_alerts.coops_affected']),
        coopsTotal: toNumber(r['surge_alerts.coops_total']),
      };
    })
    .sort(compareAlerts);
}

/** Product names from the consumption view, in the reader's language, falling back to the other. */
export function toProductNames(raw: readonly Raw[], lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of raw) {
    const id = cellText(r['consumption.product_id']);
    const n = bilingual(r, 'consumption.product_name', lang);
    if (id && n) out.set(id, n);
  }
  return out;
}

/** An alert's products by name where known, else by id (a name still loading is not a reason to hide the product). */
export function alertProducts(row: AlertRow, names: ReadonlyMap<string, string>): string[] {
  return row.productIds.map((id) => names.get(id) ?? id);
}
