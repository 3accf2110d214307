import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { installSqlFunctions } from './sql-functions';

let con: DuckDBConnection;
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  await installSqlFunctions(con);
});

async function value(sql: string, input: string | null): Promise<unknown> {
  const reader = await con.runAndReadAll(`SELECT CAST(${sql} AS VARCHAR) AS v FROM (SELECT CAST($1 AS VARCHAR) AS s)`, [
    input,
  ]);
  return reader.getRowObjectsJson()[0]!.v;
}

describe('rabt_latin_digits', () => {
  it.each([
    ['C001,3', 'C001,3'],
    ['١٢٣', '123'],
    ['۴۵', '45'],
    ['١٬٢٣٤٫٥', '1234.5'],
    ['الجمعية ١', 'الجمعية 1'],
    ['\u00a0فرع\u00a0١', ' فرع 1'],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_latin_digits(s)', input)).toBe(expected);
  });
});

describe('rabt_clean', () => {
  it.each([
    [' C001 ', 'C001'],
    ['   ', null],
    [null, null],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_clean(s)', input)).toBe(expected);
  });
});

describe('rabt_decimal3', () => {
  it.each([
    ['1.250', '1.250'],
    ['1,25', '1.250'],
    ['1,234.5', '1234.500'],
    ['1.234,5', '1234.500'],
    ['-3', '-3.000'],
    ['12', '12.000'],
    ['1.2345', null],
    ['1.2340', '1.234'],
    ['1e3', null],
    ['abc', null],
    ['', null],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_decimal3(rabt_clean(rabt_latin_digits(s)))', input)).toBe(expected);
  });
});

describe('rabt_integer', () => {
  it.each([
    ['3', '3'],
    ['3.0', '3'],
    ['٣', '3'],
    ['3.5', null],
    ['x', null],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_integer(rabt_clean(rabt_latin_digits(s)))', input)).toBe(expected);
  });
});

describe('rabt_date', () => {
  it.each([
    ['2025-06-14', '2025-06-14'],
    ['14/06/2025', '2025-06-14'],
    ['3/6/2025', '2025-06-03'],
    ['١٤/٠٦/٢٠٢٥', '2025-06-14'],
    ['14-06-2025', '2025-06-14'],
    ['45822', '2025-06-14'],
    ['31/02/2025', null],
    ['06/14/2025', null],
    ['1', null],
    ['99999', '2173-10-13'],
    ['2025-13-01', null],
    ['yesterday', null],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_date(rabt_clean(rabt_latin_digits(s)))', input)).toBe(expected);
  });
});

describe('rabt_kuwait_timestamp', () => {
  it.each([
    ['2025-06-14T18:00:00+03:00', '2025-06-14 18:00:00'],
    ['2025-06-14T15:00:00Z', '2025-06-14 18:00:00'],
    ['2025-06-14T22:00:00Z', '2025-06-15 01:00:00'],
    ['2025-06-14 18:00:00', '2025-06-14 18:00:00'],
    ['2025-06-14T18:00', '2025-06-14 18:00:00'],
    ['45822.75', '2025-06-14 18:00:00'],
    ['2025-06-14T25:00:00Z', null],
    ['14/06/2025 18:00', '2025-06-14 18:00:00'],
    ['31/06/2025 18:00', null],
    ['14/06/2025 24:10', null],
  ])('%j → %j', async (input, expected) => {
    expect(await value('rabt_kuwait_timestamp(rabt_clean(s))', input)).toBe(expected);
  });
});

describe('rabt_csv_cells', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['a,"1,5",,"x ""y"""', ',', ['a', '1,5', '', 'x "y"']],
    ['a,b,', ',', ['a', 'b', '']],
    ['a;"1;5";c', ';', ['a', '1;5', 'c']],
    // A quote inside an unquoted cell, text after a closing quote, a quote never closed:
    // the cell keeps all its text (and then fails its type), nothing after a quote is lost.
    ['a,1"x",c', ',', ['a', '1"x"', 'c']],
    ['a,b"c,d', ',', ['a', 'b"c', 'd']],
    ['a,"b"c,d', ',', ['a', '"b"c', 'd']],
    ['a,"1,5"x,d', ',', ['a', '"1,5"x', 'd']],
    ['a,"bc', ',', ['a', '"bc']],
    ['a\t2"\tc', '\t', ['a', '2"', 'c']],
  ])('%j', async (line, delim, cells) => {
    const reader = await con.runAndReadAll('SELECT rabt_csv_cells($1, $2) AS v', [line, delim]);
    expect(reader.getRowObjectsJson()[0]!.v).toEqual(cells);
  });
});

describe('rabt_has_formula', () => {
  it.each([
    ['C001,=HYPERLINK("http://x","y"),3', true],
    ['C001,"=HYPERLINK(""http://x"",""y"")",3', true],
    ['@SUM(A1),C001', true],
    ['C001, +cmd|calc', true],
    ['{"coop":"C003","site":"=1+1"}', true],
    ['C001,C001-M,6281234567890,2025-06-14T18:00:00+03:00,-3,1.000,1', false],
    ['C001,C001-M,6281234567890,14/06/2025,9,-١,"-1,5",1', false],
    ['{"coop":"C003","qty":-3,"ts":"2025-06-14T15:00:00Z"}', false],
  ])('%j → %j', async (input, expected) => {
    // As validation calls it: on the line after Arabic-Indic digits became ASCII.
    const reader = await con.runAndReadAll('SELECT rabt_has_formula(rabt_latin_digits($1)) AS v', [input]);
    expect(reader.getRowObjectsJson()[0]!.v).toBe(expected);
  });
});
