/**
 * What each vendor's co-op system exports for the `sales` and `stock` feeds (docs/contracts.md).
 * Vendor B comes in two flavours seen in the field: the older Windows-1256 export with Latin
 * digits, and the newer "CSV UTF-8" export (with a byte order mark) that prints dates and
 * quantities in Arabic-Indic digits. Windows-1256 has no code points for Arabic-Indic digits,
 * so a file can only hold them when it is Unicode.
 */
import iconv from 'iconv-lite';
import { csvField } from './csv';
import { dayMonthYear, kuwaitHourToUtc, kuwaitHourWithOffset, toArabicIndicDigits } from './kuwait-time';

export type Vendor = 'A' | 'B' | 'C';

export interface VendorStyle {
  vendor: Vendor;
  /** Vendor B only: the UTF-8 export with Arabic-Indic digits instead of Windows-1256. */
  arabicIndicDigits: boolean;
  /** Vendor B only: amounts with a decimal comma (quoted, since the comma is the separator). */
  decimalComma: boolean;
}

export interface SalesLine {
  siteId: string;
  gtin: string;
  hour: number;
  quantity: number;
  amountFils: number;
  receipts: number;
}

export interface StockLine {
  siteId: string;
  gtin: string;
  closing: number;
}

export const SALES_HEADER_A = 'coop_id,branch_id,barcode,sale_hour,quantity,net_amount_kwd,receipts';
export const STOCK_HEADER_A = 'coop_id,site_id,barcode,stock_date,closing_qty';
export const SALES_HEADER_B = 'رقم الجمعية,رقم الفرع,الباركود,التاريخ,الساعة,الكمية,المبلغ,عدد الفواتير';
export const STOCK_HEADER_B = 'رقم الجمعية,رقم الموقع,الباركود,التاريخ,الرصيد';

export function feedExtension(vendor: Vendor): string {
  return vendor === 'C' ? 'jsonl' : 'csv';
}

export function kwdFromFils(fils: number): string {
  const sign = fils < 0 ? '-' : '';
  const abs = Math.abs(fils);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

function bAmount(style: VendorStyle, fils: number): string {
  const text = kwdFromFils(fils);
  return style.decimalComma ? csvField(text.replace('.', ',')) : text;
}

function bDigits(style: VendorStyle, text: string): string {
  return style.arabicIndicDigits ? toArabicIndicDigits(text) : text;
}

export function formatSales(style: VendorStyle, coopId: string, date: string, lines: readonly SalesLine[]): string {
  const out: string[] = [];
  if (style.vendor === 'A') {
    out.push(SALES_HEADER_A);
    for (const l of lines) {
      out.push(`${coopId},${l.siteId},${l.gtin},${kuwaitHourWithOffset(date, l.hour)},${l.quantity},${kwdFromFils(l.amountFils)},${l.receipts}`);
    }
  } else if (style.vendor === 'B') {
    out.push(SALES_HEADER_B);
    const dmy = bDigits(style, dayMonthYear(date));
    for (const l of lines) {
      out.push(`${coopId},${l.siteId},${l.gtin},${dmy},${l.hour},${bDigits(style, String(l.quantity))},${bAmount(style, l.amountFils)},${l.receipts}`);
    }
  } else {
    for (const l of lines) {
      out.push(`{"coop":"${coopId}","site":"${l.siteId}","gtin":"${l.gtin}","ts":"${kuwaitHourToUtc(date, l.hour)}","qty":${l.quantity},"amount_fils":${l.amountFils},"tickets":${l.receipts}}`);
    }
  }
  return out.length === 0 ? '' : `${out.join(style.vendor === 'B' ? '\r\n' : '\n')}${style.vendor === 'B' ? '\r\n' : '\n'}`;
}

export function formatStock(style: VendorStyle, coopId: string, date: string, lines: readonly StockLine[]): string {
  const out: string[] = [];
  if (style.vendor === 'A') {
    out.push(STOCK_HEADER_A);
    for (const l of lines) out.push(`${coopId},${l.siteId},${l.gtin},${date},${l.closing}`);
  } else if (style.vendor === 'B') {
    out.push(STOCK_HEADER_B);
    const dmy = bDigits(style, dayMonthYear(date));
    for (const l of lines) out.push(`${coopId},${l.siteId},${l.gtin},${dmy},${bDigits(style, String(l.closing))}`);
  } else {
    for (const l of lines) out.push(`{"coop":"${coopId}","site":"${l.siteId}","gtin":"${l.gtin}","date":"${date}","on_hand":${l.closing}}`);
  }
  return out.length === 0 ? '' : `${out.join(style.vendor === 'B' ? '\r\n' : '\n')}${style.vendor === 'B' ? '\r\n' : '\n'}`;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes a vendor's system writes for a text export. */
export function encodeForVendor(style: VendorStyle, text: string): Buffer {
  if (style.vendor !== 'B') return Buffer.from(text, 'utf8');
  if (style.arabicIndicDigits) return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
  return iconv.encode(text, 'windows-1256');
}
