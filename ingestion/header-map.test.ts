import { SALES, STOCK } from './feeds';
import { detectDelimiter, mapHeader, splitCsvLine } from './header-map';

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['a,"1,5",,"say ""hi"""', ',', ['a', '1,5', '', 'say "hi"']],
    ['a;b;"c;d"', ';', ['a', 'b', 'c;d']],
    ['', ',', ['']],
  ])('splits %j', (line, delimiter, cells) => {
    expect(splitCsvLine(line, delimiter)).toEqual(cells);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['coop_id,site_id,barcode', ','],
    ['coop_id;site_id;barcode', ';'],
    ['coop_id\tsite_id\tbarcode', '\t'],
    ['coop_id', ','],
  ])('finds the delimiter of %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('mapHeader', () => {
  it('maps vendor A English sales headers', () => {
    const map = mapHeader(
      ['coop_id', 'branch_id', 'barcode', 'sale_hour', 'quantity', 'net_amount_kwd', 'receipts'],
      SALES,
    );
    expect(map.positions).toEqual({
      coop_id: 1,
      branch_id: 2,
      product_id: 3,
      sale_hour: 4,
      quantity: 5,
      amount_kwd: 6,
      receipts: 7,
    });
    expect(map.missing).toEqual([]);
  });

  it('maps vendor B Arabic sales headers, whatever their order and letter forms', () => {
    const map = mapHeader(
      ['الكمية', 'رقم الجمعية', ' رقم الفرع ', 'الباركود', 'التاريخ', 'الساعة', 'المبلغ', 'عدد الفواتير', 'ملاحظات'],
      SALES,
    );
    expect(map.positions).toEqual({
      quantity: 1,
      coop_id: 2,
      branch_id: 3,
      product_id: 4,
      sale_date: 5,
      hour: 6,
      amount_kwd: 7,
      receipts: 8,
    });
    expect(map.unknown).toEqual(['ملاحظات']);
    expect(map.missing).toEqual([]);
  });

  it('names the required fields a header lacks', () => {
    const map = mapHeader(['coop_id', 'barcode', 'sale_date', 'quantity', 'receipts'], SALES);
    expect(map.missing).toEqual(['branch_id', 'sale_hour or sale_date+hour', 'amount_kwd or amount_fils']);
  });

  it('maps vendor B Arabic stock headers', () => {
    const map = mapHeader(['رقم الجمعية', 'رقم الموقع', 'الباركود', 'التاريخ', 'الرصيد'], STOCK);
    expect(map.positions).toEqual({ coop_id: 1, site_id: 2, product_id: 3, stock_date: 4, closing_qty: 5 });
  });

  it('keeps the first of two cells naming the same field', () => {
    const map = mapHeader(['coop_id', 'site_id', 'barcode', 'stock_date', 'closing_qty', 'quantity'], STOCK);
    expect(map.positions.closing_qty).toBe(5);
  });
});
