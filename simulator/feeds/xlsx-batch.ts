/**
 * Vendor C's finance export: an Excel workbook (XLSX) instead of JSON Lines. One sheet named
 * after the feed; the first row holds the C keys, then one row per line. Amounts (`…_fils`) and
 * counts are numbers; dates and times are text as in the JSON Lines (`2025-06-14`, UTC
 * `2025-06-14T15:05:00Z`), because the vendor's system exports them as text; everything else
 * is text. A batch with nothing in it is a workbook with the header row only.
 *
 * Written with exceljs's streaming writer (no styles, no shared strings: fast and plain). A
 * zip records each entry's modification time, so the workbook is then re-packed with JSZip
 * (what exceljs itself zips with) with every entry dated the batch day: the same rows give
 * the same bytes.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, FeedTable } from './feed-table';

/** The C value of a cell as an Excel value. */
function xlsxValue(type: FeedTable['columns'][number]['type'], v: Cell): string | number | boolean {
  switch (type) {
    case 'kwd':
    case 'int':
      return Number(v);
    case 'bool':
      return Boolean(v);
    case 'time':
      return `${new Date(Date.parse(`${String(v)}:00Z`) - 3 * 3_600_000).toISOString().slice(0, 19)}Z`;
    default:
      return String(v);
  }
}

export async function formatFeedXlsx(
  table: FeedTable,
  rows: readonly (readonly Cell[])[],
  batchDate: string,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const stamp = new Date(`${batchDate}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.creator = 'co-op system (vendor C)';
  const sheet = workbook.addWorksheet(table.feed);
  sheet.addRow(table.columns.map((c) => c.json)).commit();
  for (const row of rows) {
    if (row.length !== table.columns.length)
      throw new Error(`${table.feed}: row has ${row.length} cells, expected ${table.columns.length}`);
    sheet.addRow(table.columns.map((c, i) => xlsxValue(c.type, row[i] as Cell))).commit();
  }
  sheet.commit();
  await workbook.commit();
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  for (const entry of Object.values(zip.files)) entry.date = stamp;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Reads a workbook written by `formatFeedXlsx` back into rows of C values, keys checked. */
export async function readFeedXlsx(
  table: FeedTable,
  bytes: Buffer,
): Promise<Array<Record<string, string | number | boolean>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(table.feed);
  if (!sheet) throw new Error(`${table.feed}: workbook has no sheet named ${table.feed}`);
  const values: Array<Array<string | number | boolean>> = [];
  sheet.eachRow((row) => values.push((row.values as Array<string | number | boolean>).slice(1)));
  const [header, ...rows] = values;
  const keys = table.columns.map((c) => c.json);
  if (header?.join(',') !== keys.join(','))
    throw new Error(`${table.feed}: header ${header?.join(',') ?? ''} is not the contract's`);
  return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? ''])));
}
