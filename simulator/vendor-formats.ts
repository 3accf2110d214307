/**
 * What each vendor's co-op system exports for the `sales` and `stock` feeds (docs/contracts.md).
 * Vendor B comes in two flavours seen in the field: the older Windows-1256 export with Latin
 * digits, and the newer "CSV UTF-8" export (with a byte order mark) that prints dates and
 * quantities in Arabic-Indic digits. Windows-1256 has no code points for Arabic-Indic digits,
 * so a file can only hold them when it is Unicode.
 */
import { SALES_CONTRACT, STOCK_CONTRACT } from '../domain/feed-contracts';
import { csvField } from './csv';
import { dayMonthYear, kuwaitHourToUtc, kuwaitHourWithOffset, toArabicIndicDigits } from './kuwait-time';
import { VendorBytes } from './vendor-bytes';

export type Vendor = 'A' | 'B' | 'C';

export interface VendorStyle {
  vendor: Vendor;
  /** Vendor B only: the UTF-8 export with Arabic-Indic digits instead of Windows-1256. */
  arabicIndicDigits: boolean;
  /** Vendor B only: amounts with a decimal comma (quoted, since the comma is the separator). */
  decimalComma: boolean;
}

const SALES_HEADER_A = SALES_CONTRACT.headerA.join(',');
const STOCK_HEADER_A = STOCK_CONTRACT.headerA.join(',');
const SALES_HEADER_B = SALES_CONTRACT.headerB.join(',');
const STOCK_HEADER_B = STOCK_CONTRACT.headerB.join(',');

/** `{"<key>":` for each of vendor C's keys, in the contract's order: a line is these and its values. */
const jsonKeyPrefixes = (keys: readonly string[]): string[] => keys.map((k, i) => `${i === 0 ? '{' : ','}"${k}":`);
const [C_COOP = '', C_SITE = '', C_GTIN = '', C_TS = '', C_QTY = '', C_AMOUNT = '', C_TICKETS = ''] = jsonKeyPrefixes(
  SALES_CONTRACT.keysC,
);
const [C_STOCK_COOP = '', C_STOCK_SITE = '', C_STOCK_GTIN = '', C_STOCK_DATE = '', C_ON_HAND = ''] = jsonKeyPrefixes(
  STOCK_CONTRACT.keysC,
);

/** Vendor C exports finance as an Excel workbook and everything else as JSON Lines. */
export function feedExtension(vendor: Vendor, feed = 'sales'): string {
  if (vendor !== 'C') return 'csv';
  return feed === 'finance' ? 'xlsx' : 'jsonl';
}

/** `000` … `999`: every sales line prints an amount. */
const FILS_DIGITS = Array.from({ length: 1000 }, (_, f) => String(f).padStart(3, '0'));

export function kwdFromFils(fils: number): string {
  if (!Number.isInteger(fils)) throw new Error(`amounts are whole fils, got ${fils}`);
  const abs = Math.abs(fils);
  const text = `${Math.floor(abs / 1000)}.${FILS_DIGITS[abs % 1000] as string}`;
  return fils < 0 ? `-${text}` : text;
}

function bAmount(style: VendorStyle, fils: number): string {
  const text = kwdFromFils(fils);
  return style.decimalComma ? csvField(text.replace('.', ',')) : text;
}

/** Arabic-Indic spellings of small counts, made once: most quantities and stock levels are small. */
const INDIC_INTS = Array.from({ length: 1000 }, (_, n) => toArabicIndicDigits(String(n)));

function bInt(style: VendorStyle, n: number): string {
  if (!style.arabicIndicDigits) return String(n);
  return n >= 0 && n < INDIC_INTS.length ? (INDIC_INTS[n] as string) : toArabicIndicDigits(String(n));
}

function bDigits(style: VendorStyle, text: string): string {
  return style.arabicIndicDigits ? toArabicIndicDigits(text) : text;
}

/** The 24 hour stamps of a day in a vendor's style, made when first needed (a file has thousands of lines). */
function hourStamps(vendor: Vendor, date: string): (hour: number) => string {
  const stamps: string[] = [];
  const make = vendor === 'A' ? kuwaitHourWithOffset : kuwaitHourToUtc;
  return (hour) => (stamps[hour] ??= make(date, hour));
}

/** One co-op's daily sales file, line by line as the simulation sells. */
export class SalesFile {
  rows = 0;
  private readonly out: VendorBytes;
  private readonly stamp: (hour: number) => string;
  private readonly dmy: string;

  constructor(
    private readonly style: VendorStyle,
    private readonly coopId: string,
    date: string,
  ) {
    this.out = new VendorBytes(style);
    this.stamp = hourStamps(style.vendor, date);
    this.dmy = bDigits(style, dayMonthYear(date));
    if (style.vendor === 'A') this.out.write(`${SALES_HEADER_A}\n`);
    else if (style.vendor === 'B') this.out.writeApart(`${SALES_HEADER_B}\r\n`);
  }

  add(siteId: string, gtin: string, hour: number, quantity: number, amountFils: number, receipts: number): void {
    const { style, coopId } = this;
    this.rows++;
    if (style.vendor === 'A') {
      this.out.write(
        `${coopId},${siteId},${gtin},${this.stamp(hour)},${quantity},${kwdFromFils(amountFils)},${receipts}\n`,
      );
    } else if (style.vendor === 'B') {
      this.out.write(
        `${coopId},${siteId},${gtin},${this.dmy},${hour},${bInt(style, quantity)},${bAmount(style, amountFils)},${receipts}\r\n`,
      );
    } else {
      this.out.write(
        `${C_COOP}"${coopId}"${C_SITE}"${siteId}"${C_GTIN}"${gtin}"${C_TS}"${this.stamp(hour)}"${C_QTY}${quantity}${C_AMOUNT}${amountFils}${C_TICKETS}${receipts}}\n`,
      );
    }
  }

  bytes(): Buffer {
    return this.out.bytes();
  }
}

/** One co-op's daily closing stock file. */
export class StockFile {
  rows = 0;
  private readonly out: VendorBytes;
  private readonly day: string;

  constructor(
    private readonly style: VendorStyle,
    private readonly coopId: string,
    date: string,
  ) {
    this.out = new VendorBytes(style);
    this.day = style.vendor === 'B' ? bDigits(style, dayMonthYear(date)) : date;
    if (style.vendor === 'A') this.out.write(`${STOCK_HEADER_A}\n`);
    else if (style.vendor === 'B') this.out.writeApart(`${STOCK_HEADER_B}\r\n`);
  }

  add(siteId: string, gtin: string, closing: number): void {
    const { style, coopId, day } = this;
    this.rows++;
    if (style.vendor === 'A') this.out.write(`${coopId},${siteId},${gtin},${day},${closing}\n`);
    else if (style.vendor === 'B') this.out.write(`${coopId},${siteId},${gtin},${day},${bInt(style, closing)}\r\n`);
    else
      this.out.write(
        `${C_STOCK_COOP}"${coopId}"${C_STOCK_SITE}"${siteId}"${C_STOCK_GTIN}"${gtin}"${C_STOCK_DATE}"${day}"${C_ON_HAND}${closing}}\n`,
      );
  }

  bytes(): Buffer {
    return this.out.bytes();
  }
}
