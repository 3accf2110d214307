import JSZip from 'jszip';
import type { Cell, FeedTable } from './feed-table';
import { readFeedFile } from './read-feed';
import { FEED_CONTRACTS } from '../../domain/feed-contracts';
import { formatFeedXlsx, readFeedXlsx } from './xlsx-batch';

const TABLE: FeedTable = {
  feed: 'example',
  columns: [
    { name: 'coop_id', ar: 'رقم الجمعية', json: 'coop', type: 'text' },
    { name: 'day', ar: 'التاريخ', json: 'date', type: 'date' },
    { name: 'at', ar: 'الوقت', json: 'at', type: 'time' },
    { name: 'qty', ar: 'الكمية', json: 'qty', type: 'int' },
    { name: 'amount_kwd', ar: 'المبلغ', json: 'amount_fils', type: 'kwd' },
    { name: 'flag', ar: 'إشرافية', json: 'flag', type: 'bool' },
    { name: 'note', ar: 'البيان', json: 'note', type: 'text' },
  ],
};
const ROWS: Cell[][] = [
  ['C012', '2025-06-14', '2025-06-14T18:05', 42, -12500, true, 'a, "b" <c>'],
  ['C012', '2025-06-15', '2025-06-15T00:30', 0, 0, false, ''],
];

describe('formatFeedXlsx', () => {
  it('writes a workbook that reads back to the C values, numbers as numbers and dates as text', async () => {
    const rows = await readFeedXlsx(TABLE, await formatFeedXlsx(TABLE, ROWS, '2025-06-30'));
    expect(rows).toEqual([
      {
        coop: 'C012',
        date: '2025-06-14',
        at: '2025-06-14T15:05:00Z',
        qty: 42,
        amount_fils: -12500,
        flag: true,
        note: 'a, "b" <c>',
      },
      { coop: 'C012', date: '2025-06-15', at: '2025-06-14T21:30:00Z', qty: 0, amount_fils: 0, flag: false, note: '' },
    ]);
  });

  it('gives the same bytes for the same rows, with every zip entry dated the batch day', async () => {
    const first = await formatFeedXlsx(TABLE, ROWS, '2025-06-30');
    // A zip stamps entries with the clock; wait past its two-second resolution.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const again = await formatFeedXlsx(TABLE, ROWS, '2025-06-30');
    expect(again.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString().slice(0, 10)));
    expect(dates).toEqual(new Set(['2025-06-30']));
    expect((await formatFeedXlsx(TABLE, ROWS, '2025-07-31')).equals(first)).toBe(false);
  });

  it('writes the header row only when nothing happened', async () => {
    expect(await readFeedXlsx(TABLE, await formatFeedXlsx(TABLE, [], '2025-06-30'))).toEqual([]);
  });

  it('refuses a row with the wrong number of cells', async () => {
    await expect(formatFeedXlsx(TABLE, [['C012']], '2025-06-30')).rejects.toThrow(/1 cells, expected 7/);
  });

  it('reads a finance workbook as the other vendors read, with kwd amounts', async () => {
    const line: Cell[] = [
      'C012',
      'JE-C012-000001',
      '2025-06-14',
      '1110',
      'C012-M',
      12500,
      0,
      'DS-C012-M-20250614',
      '',
      'daily sales',
    ];
    expect(
      await readFeedFile(
        FEED_CONTRACTS.finance,
        await formatFeedXlsx(FEED_CONTRACTS.finance, [line], '2025-06-30'),
        'xlsx',
      ),
    ).toEqual([
      {
        coop_id: 'C012',
        entry_id: 'JE-C012-000001',
        entry_date: '2025-06-14',
        account_code: '1110',
        cost_center: 'C012-M',
        debit_kwd: '12.500',
        credit_kwd: '0.000',
        document_no: 'DS-C012-M-20250614',
        counterparty: '',
        description: 'daily sales',
      },
    ]);
  });
});
