/**
 * One description per feed, written three ways. Every feed after sales and stock is a list of
 * columns with its A header, B (Arabic) header, C key and value type (domain/feed-contracts.ts);
 * `formatFeed` turns rows into the bytes that vendor's system exports.
 */
import type { FeedColumn, FeedColumnType } from '../../domain/feed-contracts';
import { csvField } from '../csv';
import { dayMonthYear, toArabicIndicDigits } from '../kuwait-time';
import { VendorBytes } from '../vendor-bytes';
import { kwdFromFils, type VendorStyle } from '../vendor-formats';

/** A row's values: `kwd` values are integer fils; `time` values are Kuwait wall clock `YYYY-MM-DDTHH:MM`. */
export type Cell = string | number | boolean;

/** Which columns a batch has, in order: a feed's contract (domain/feed-contracts.ts), or a test's own. */
export interface FeedTable {
  feed: string;
  columns: readonly FeedColumn[];
}

function utcFromKuwait(time: string): string {
  const ms = Date.parse(`${time}:00Z`) - 3 * 3_600_000;
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function cellA(type: FeedColumnType, v: Cell): string {
  switch (type) {
    case 'kwd':
      return kwdFromFils(v as number);
    case 'time':
      return `${String(v)}:00+03:00`;
    case 'bool':
      return v ? 'true' : 'false';
    default:
      return csvField(String(v));
  }
}

function digitsB(style: VendorStyle, text: string): string {
  return style.arabicIndicDigits ? toArabicIndicDigits(text) : text;
}

function cellB(style: VendorStyle, type: FeedColumnType, v: Cell): string {
  switch (type) {
    case 'kwd': {
      const text = kwdFromFils(v as number);
      return style.decimalComma ? csvField(text.replace('.', ',')) : text;
    }
    case 'date':
      return digitsB(style, dayMonthYear(String(v)));
    case 'time':
      return digitsB(style, `${dayMonthYear(String(v).slice(0, 10))} ${String(v).slice(11, 16)}`);
    case 'int':
      return digitsB(style, String(v));
    case 'bool':
      return v ? 'نعم' : 'لا';
    default:
      return csvField(String(v));
  }
}

function cellC(type: FeedColumnType, v: Cell): string {
  switch (type) {
    case 'kwd':
    case 'int':
      return String(v);
    case 'bool':
      return v ? 'true' : 'false';
    case 'time':
      return JSON.stringify(utcFromKuwait(String(v)));
    default:
      return JSON.stringify(String(v));
  }
}

function checkRow(table: FeedTable, row: readonly Cell[]): void {
  if (row.length !== table.columns.length)
    throw new Error(`${table.feed}: row has ${row.length} cells, expected ${table.columns.length}`);
}

/** Writes one batch line by line: the header apart (Arabic in B), then one line per row. */
function writeFeed(
  table: FeedTable,
  style: VendorStyle,
  rows: readonly (readonly Cell[])[],
  write: (text: string, apart: boolean) => void,
): void {
  const { columns } = table;
  if (style.vendor === 'C') {
    for (const row of rows) {
      checkRow(table, row);
      let line = '{';
      for (let i = 0; i < columns.length; i++) {
        const col = columns[i] as FeedColumn;
        line += `${i === 0 ? '' : ','}"${col.json}":${cellC(col.type, row[i] as Cell)}`;
      }
      write(`${line}}\n`, false);
    }
    return;
  }
  const isB = style.vendor === 'B';
  const eol = isB ? '\r\n' : '\n';
  write(columns.map((col) => (isB ? col.ar : col.name)).join(',') + eol, true);
  for (const row of rows) {
    checkRow(table, row);
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const type = (columns[i] as FeedColumn).type;
      const cell = row[i] as Cell;
      line += `${i === 0 ? '' : ','}${isB ? cellB(style, type, cell) : cellA(type, cell)}`;
    }
    write(line + eol, false);
  }
}

/** The text of one batch: rows are cell arrays in the table's column order. */
export function formatFeedText(table: FeedTable, style: VendorStyle, rows: readonly (readonly Cell[])[]): string {
  const lines: string[] = [];
  writeFeed(table, style, rows, (text) => lines.push(text));
  return lines.join('');
}

/** The bytes of one batch as the vendor's system exports it. */
export function formatFeed(table: FeedTable, style: VendorStyle, rows: readonly (readonly Cell[])[]): Buffer {
  const out = new VendorBytes(style);
  writeFeed(table, style, rows, (text, apart) => (apart ? out.writeApart(text) : out.write(text)));
  return out.bytes();
}
