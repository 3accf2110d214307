import iconv from 'iconv-lite';
import { formatFeed, formatFeedText, type Cell, type FeedTable } from './feed-table';
import { readFeed } from './read-feed';
import type { VendorStyle } from '../vendor-formats';

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
const ROW: Cell[] = ['C001', '2025-06-14', '2025-06-14T18:05', 42, -12500, true, 'a, "b"'];
const style = (vendor: 'A' | 'B' | 'C', arabicIndicDigits = false, decimalComma = false): VendorStyle => ({
  vendor,
  arabicIndicDigits,
  decimalComma,
});

describe('formatFeedText', () => {
  it.each([
    [
      'A',
      style('A'),
      'coop_id,day,at,qty,amount_kwd,flag,note\nC001,2025-06-14,2025-06-14T18:05:00+03:00,42,-12.500,true,"a, ""b"""\n',
    ],
    [
      'B Windows-1256',
      style('B', false, true),
      'رقم الجمعية,التاريخ,الوقت,الكمية,المبلغ,إشرافية,البيان\r\nC001,14/06/2025,14/06/2025 18:05,42,"-12,500",نعم,"a, ""b"""\r\n',
    ],
    [
      'B UTF-8',
      style('B', true),
      'رقم الجمعية,التاريخ,الوقت,الكمية,المبلغ,إشرافية,البيان\r\nC001,١٤/٠٦/٢٠٢٥,١٤/٠٦/٢٠٢٥ ١٨:٠٥,٤٢,-12.500,نعم,"a, ""b"""\r\n',
    ],
    [
      'C',
      style('C'),
      '{"coop":"C001","date":"2025-06-14","at":"2025-06-14T15:05:00Z","qty":42,"amount_fils":-12500,"flag":true,"note":"a, \\"b\\""}\n',
    ],
  ])('writes vendor %s', (_, s, expected) => {
    expect(formatFeedText(TABLE, s, [ROW])).toBe(expected);
  });

  it('writes a header-only CSV and an empty JSON Lines batch when nothing happened', () => {
    expect(formatFeedText(TABLE, style('A'), [])).toBe('coop_id,day,at,qty,amount_kwd,flag,note\n');
    expect(formatFeedText(TABLE, style('C'), [])).toBe('');
  });

  it('refuses a row that does not fit the table', () => {
    expect(() => formatFeedText(TABLE, style('A'), [['C001']])).toThrow(/1 cells, expected 7/);
  });

  it.each([
    ['A', style('A'), 'csv'],
    ['B Windows-1256 decimal comma', style('B', false, true), 'csv'],
    ['B UTF-8 BOM', style('B', true), 'csv'],
    ['C', style('C'), 'jsonl'],
  ])('reads vendor %s back to the A values', (_, s, ext) => {
    const bytes = formatFeed(TABLE, s, [ROW]);
    expect(readFeed(TABLE, bytes, ext)).toEqual([
      {
        coop_id: 'C001',
        day: '2025-06-14',
        at: '2025-06-14T18:05:00+03:00',
        qty: '42',
        amount_kwd: '-12.500',
        flag: 'true',
        note: 'a, "b"',
      },
    ]);
  });

  it('encodes the older vendor B export in Windows-1256 and the newer with a BOM', () => {
    const old = formatFeed(TABLE, style('B'), [ROW]);
    expect(iconv.decode(old, 'windows-1256').startsWith('رقم الجمعية')).toBe(true);
    expect([...formatFeed(TABLE, style('B', true), [ROW]).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
