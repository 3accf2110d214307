import { csvLine, parseCsv, parseCsvRecords } from './csv';

describe('csv', () => {
  it.each([
    [['a', 'b'], 'a,b'],
    [['x,y', 'he said "hi"'], '"x,y","he said ""hi"""'],
    [[1, null, true], '1,,true'],
  ])('csvLine(%j) is %s', (values, line) => {
    expect(csvLine(values)).toBe(line);
  });

  it('round-trips quoted fields, Arabic text and CRLF', () => {
    const text = `${csvLine(['id', 'name'])}\r\n${csvLine(['1', 'جمعية, "كيفان"'])}\r\n`;
    expect(parseCsv(text)).toEqual([
      ['id', 'name'],
      ['1', 'جمعية, "كيفان"'],
    ]);
  });

  it('checks the header and field counts', () => {
    expect(parseCsvRecords('a,b\n1,2\n', ['a', 'b'], 't')).toEqual([{ a: '1', b: '2' }]);
    expect(() => parseCsvRecords('a,c\n1,2\n', ['a', 'b'], 't')).toThrow(/header/);
    expect(() => parseCsvRecords('a,b\n1\n', ['a', 'b'], 't')).toThrow(/line 2/);
    expect(() => parseCsv('"open')).toThrow(/quoted/);
  });
});
