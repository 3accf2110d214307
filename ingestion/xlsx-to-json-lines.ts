import ExcelJS from 'exceljs';

export type XlsxConversion = { text: string } | { error: string; reasonCode: string };

type Scalar = string | number | boolean;

/** The plain value behind an exceljs cell value (rich text, formula results, hyperlinks, dates). */
function plainValue(value: ExcelJS.CellValue): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A vendor that types a date into Excel instead of text still means that calendar day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return null;
}

/**
 * Vendor C sends finance as a workbook (docs/contracts.md): one sheet named after the feed,
 * row 1 the C keys, then one row per line. Turned into the JSON Lines vendor C sends for every
 * other feed, so the same validation and landing apply to both: a workbook is only a container.
 */
export async function xlsxToJsonLines(bytes: Buffer, sheetName: string): Promise<XlsxConversion> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return { reasonCode: 'bad_xlsx', error: `file is not a readable Excel workbook (${(err as Error).message})` };
  }
  const sheet =
    workbook.getWorksheet(sheetName) ?? (workbook.worksheets.length === 1 ? workbook.worksheets[0] : undefined);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => s.name).join(', ') || 'none';
    return { reasonCode: 'bad_xlsx', error: `workbook has no sheet named '${sheetName}' (sheets: ${names})` };
  }
  const lines: string[] = [];
  let keys: (string | null)[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(plainValue);
    if (keys === null) {
      keys = cells.map((cell) => (cell === null ? null : String(cell).trim()));
      return;
    }
    const record: Record<string, Scalar> = {};
    keys.forEach((key, i) => {
      const cell = cells[i];
      if (key && cell !== null && cell !== undefined) record[key] = cell;
    });
    lines.push(JSON.stringify(record));
  });
  return { text: lines.join('\n') };
}
