import ExcelJS from 'exceljs';
import { xlsxToJsonLines } from './xlsx-to-json-lines';

async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const HEADER = ['coop', 'entry', 'date', 'debit_fils', 'counterparty', 'posted'];

describe('xlsxToJsonLines', () => {
  it.each([
    {
      case: 'numbers stay numbers, text stays text, an empty cell is no key',
      rows: [HEADER, ['C003', 'JE-1', '2025-06-01', 12500, null, true]],
      lines: [{ coop: 'C003', entry: 'JE-1', date: '2025-06-01', debit_fils: 12500, posted: true }],
    },
    {
      case: 'a date typed into Excel is that calendar day',
      rows: [HEADER, ['C003', 'JE-2', new Date('2025-06-14T00:00:00Z'), 0, 'S01', false]],
      lines: [{ coop: 'C003', entry: 'JE-2', date: '2025-06-14', debit_fils: 0, counterparty: 'S01', posted: false }],
    },
    {
      case: 'rich text and formula results are their plain values',
      rows: [
        HEADER,
        ['C003', { richText: [{ text: 'JE-' }, { text: '3' }] }, '2025-06-01', { formula: '1+1', result: 2 }, '', true],
      ],
      lines: [{ coop: 'C003', entry: 'JE-3', date: '2025-06-01', debit_fils: 2, counterparty: '', posted: true }],
    },
    { case: 'a header-only workbook is a batch without rows', rows: [HEADER], lines: [] },
  ])('$case', async ({ rows, lines }) => {
    const result = await xlsxToJsonLines(await workbook({ finance: rows }), 'finance');
    expect('text' in result).toBe(true);
    const text = (result as { text: string }).text;
    expect(text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(lines);
  });

  it('reads the one sheet of a workbook whatever its name, but needs the feed sheet among several', async () => {
    const single = await xlsxToJsonLines(
      await workbook({ Sheet1: [HEADER, ['C003', 'JE-1', '2025-06-01', 1, 'x', true]] }),
      'finance',
    );
    expect((single as { text: string }).text).toContain('"entry":"JE-1"');
    const several = await xlsxToJsonLines(await workbook({ Sheet1: [HEADER], Notes: [['hello']] }), 'finance');
    expect(several).toEqual({
      reasonCode: 'bad_xlsx',
      error: "workbook has no sheet named 'finance' (sheets: Sheet1, Notes)",
    });
  });

  it('refuses bytes that are not a workbook', async () => {
    const result = await xlsxToJsonLines(Buffer.from('PK\u0003\u0004 not really a zip'), 'finance');
    expect(result).toMatchObject({ reasonCode: 'bad_xlsx' });
  });
});
