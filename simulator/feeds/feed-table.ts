/**
 * One description per feed, written three ways. Every feed after sales and stock is a list of
 * columns with its A header, B (Arabic) header, C key and value type; `formatFeed` turns rows
 * into the bytes that vendor's system exports (docs/contracts.md, "Other feeds").
 */
import { csvField } from '../csv';
import { dayMonthYear, toArabicIndicDigits } from '../kuwait-time';
import { encodeForVendor, kwdFromFils, type VendorStyle } from '../vendor-formats';

/** `kwd` values are integer fils; `time` values are Kuwait wall clock `YYYY-MM-DDTHH:MM`. */
export type ColumnType = 'text' | 'date' | 'time' | 'int' | 'kwd' | 'bool';
export type Cell = string | number | boolean;

export interface FeedColumn {
  a: string;
  b: string;
  c: string;
  type: ColumnType;
}

export interface FeedTable {
  feed: string;
  columns: readonly FeedColumn[];
}

/** Terse column lists: `[a, b, c, type]`. */
export function feedTable(feed: string, columns: ReadonlyArray<readonly [string, string, string, ColumnType]>): FeedTable {
  return { feed, columns: columns.map(([a, b, c, type]) => ({ a, b, c, type })) };
}

function utcFromKuwait(time: string): string {
  const ms = Date.parse(`${time}:00Z`) - 3 * 3_600_000;
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function cellA(type: ColumnType, v: Cell): string {
  switch (type) {
    case 'kwd': return kwdFromFils(v as number);
    case 'time': return `${String(v)}:00+03:00`;
    case 'bool': return v ? 'true' : 'false';
    default: return csvField(String(v));
  }
}

function cellB(style: VendorStyle, type: ColumnType, v: Cell): string {
  const digits = (text: string): string => (style.arabicIndicDigits ? toArabicIndicDigits(text) : text);
  switch (type) {
    case 'kwd': {
      const text = kwdFromFils(v as number);
      return style.decimalComma ? csvField(text.replace('.', ',')) : text;
    }
    case 'date': return digits(dayMonthYear(String(v)));
    case 'time': return digits(`${dayMonthYear(String(v).slice(0, 10))} ${String(v).slice(11, 16)}`);
    case 'int': return digits(String(v));
    case 'bool': return v ? 'نعم' : 'لا';
    default: return csvField(String(v));
  }
}

function cellC(type: ColumnType, v: Cell): string {
  switch (type) {
    case 'kwd':
    case 'int': return String(v);
    case 'bool': return v ? 'true' : 'false';
    case 'time': return JSON.stringify(utcFromKuwait(String(v)));
    default: return JSON.stringify(String(v));
  }
}

/** The text of one batch: rows are cell arrays in the table's column order. */
export function formatFeedText(table: FeedTable, style: VendorStyle, rows: readonly (readonly Cell[])[]): string {
  const { columns } = table;
  const check = (row: readonly Cell[]): void => {
    if (row.length !== columns.length) throw new Error(`${table.feed}: row has ${row.length} cells, expected ${columns.length}`);
  };
  if (style.vendor === 'C') {
    let out = '';
    for (const row of rows) {
      check(row);
      out += `{${columns.map((col, i) => `"${col.c}":${cellC(col.type, row[i] as Cell)}`).join(',')}}\n`;
    }
    return out;
  }
  const eol = style.vendor === 'B' ? '\r\n' : '\n';
  const lines = [columns.map((col) => (style.vendor === 'B' ? col.b : col.a)).join(',')];
  for (const row of rows) {
    check(row);
    lines.push(columns.map((col, i) => (style.vendor === 'B' ? cellB(style, col.type, row[i] as Cell) : cellA(col.type, row[i] as Cell))).join(','));
  }
  return `${lines.join(eol)}${eol}`;
}

export function formatFeed(table: FeedTable, style: VendorStyle, rows: readonly (readonly Cell[])[]): Buffer {
  return encodeForVendor(style, formatFeedText(table, style, rows));
}
