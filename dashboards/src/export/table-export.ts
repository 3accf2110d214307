/** A column as exported: raw values, headers in the reader's language. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote anything a spreadsheet could misread; a leading = + - @ is a formula in Excel, so neutralise it.
  const safe = /^[=+\-@]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens Arabic text as Arabic. */
export function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook (one sheet, right-to-left in Arabic) as bytes. exceljs loads only when asked. */
export async function toXlsx<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  sheetName: string,
  rtl: boolean,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || 'Sheet1', { views: [{ rightToLeft: rtl }] });
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, c.header.length + 4));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Safe file names from a page title: letters (any script), digits and dashes. */
export function exportFileName(title: string, ext: 'csv' | 'xlsx', day: string): string {
  const base =
    title
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'rabt';
  return `${base}-${day}.${ext}`;
}
