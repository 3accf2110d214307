import ExcelJS from 'exceljs';
import { exportFileName, toCsv, toXlsx, type ExportColumn } from './table-export';

interface R {
  name: string;
  days: number | null;
}
const cols: ExportColumn<R>[] = [
  { header: 'الاسم', value: (r) => r.name },
  { header: 'days', value: (r) => r.days },
];

describe('toCsv', () => {
  it.each([
    [[{ name: 'الجهراء', days: 2.5 }], 'الجهراء,2.5'],
    [[{ name: 'a, "b"', days: null }], '"a, ""b""",'],
    [[{ name: '=HYPERLINK("x")', days: -1 }], `"'=HYPERLINK(""x"")",-1`],
    [[{ name: 'line\nbreak', days: 0 }], '"line\nbreak",0'],
  ])('%j', (rows, body) => {
    expect(toCsv(cols, rows)).toBe(`\uFEFFالاسم,days\r\n${body}\r\n`);
  });
});

describe('toXlsx', () => {
  it('writes a sheet exceljs can read back, right-to-left when asked', async () => {
    const bytes = await toXlsx(
      cols,
      [
        { name: 'حولي', days: 7.25 },
        { name: 'Ahmadi', days: null },
      ],
      'غرفة الأزمات',
      true,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('غرفة الأزمات');
    expect(ws?.views[0]?.rightToLeft).toBe(true);
    expect(ws?.getRow(1).values).toEqual([undefined, 'الاسم', 'days']);
    expect(ws?.getRow(2).values).toEqual([undefined, 'حولي', 7.25]);
    expect(ws?.rowCount).toBe(3);
  });
});

describe('exportFileName', () => {
  it.each([
    ['غرفة الأزمات', 'csv', 'غرفة-الأزمات-2025-06-30.csv'],
    ['Crisis room / co-ops', 'xlsx', 'Crisis-room-co-ops-2025-06-30.xlsx'],
    ['***', 'csv', 'rabt-2025-06-30.csv'],
  ] as const)('%s', (title, ext, expected) => {
    expect(exportFileName(title, ext, '2025-06-30')).toBe(expected);
  });
});
