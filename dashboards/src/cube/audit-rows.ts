import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import type { AuditLevel } from './audit-queries';
import { cellText, bilingual } from './cells';

type Raw = Record<string, unknown>;

/** One row of the audit table at any level, with the price a buyer actually paid beside the list price. */
export interface AuditRow {
  id: string;
  name: string;
  /** Vendor (co-ops) or site type (branches): what tells rows of a level apart. */
  detail: string;
  quantity: number | null;
  amount: number | null;
  receipts: number | null;
  rows: number | null;
  listPrice: number | null;
  /** Amount ÷ quantity: what was charged per unit. */
  unitPrice: number | null;
  /** unitPrice ÷ listPrice − 1: how far above (or below) the list price. */
  deviation: number | null;
}

const PREFIX: Record<Exclude<AuditLevel, 'day' | 'rows'>, { key: string; detail: string }> = {
  coop: { key: 'audit.coop', detail: 'audit.vendor' },
  site: { key: 'audit.site', detail: 'audit.site_type' },
  product: { key: 'audit.product', detail: '' },
};

/** Rounded to the fils, so a price that matches the list shows a deviation of exactly zero. */
function perUnit(amount: number | null, quantity: number | null): number | null {
  if (amount === null || quantity === null || quantity === 0) return null;
  return Math.round((amount / quantity) * 1000) / 1000;
}

export function toAuditRows(raw: readonly Raw[], level: AuditLevel, lang: Lang): AuditRow[] {
  return raw.map((r) => {
    let id: string;
    let name: string;
    let detail = '';
    if (level === 'day' || level === 'rows') {
      const day = cellText(r['audit.business_date.day'] ?? r['audit.business_date']).slice(0, 10);
      id = level === 'rows' ? cellText(r['audit.sales_daily_key']) : day;
      name = day;
      if (level === 'rows') detail = `${cellText(r['audit.site_id'])} · ${cellText(r['audit.product_id'])}`;
    } else {
      const p = PREFIX[level];
      id = cellText(r[`${p.key}_id`]);
      name = bilingual(r, `${p.key}_name`, lang) || id;
      detail = p.detail ? cellText(r[p.detail]) : '';
    }
    const quantity = toNumber(r['audit.quantity']);
    const amount = toNumber(r['audit.net_amount_kwd']);
    const listPrice = toNumber(r['audit.unit_price_kwd']);
    const unitPrice = perUnit(amount, quantity);
    return {
      id,
      name,
      detail,
      quantity,
      amount,
      receipts: toNumber(r['audit.receipt_count']),
      rows: toNumber(r['audit.row_count']),
      listPrice,
      unitPrice,
      deviation: unitPrice !== null && listPrice ? unitPrice / listPrice - 1 : null,
    };
  });
}
