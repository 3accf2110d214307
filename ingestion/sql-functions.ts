import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * SQL macros that turn a vendor's text cell into a typed value, vectorised inside DuckDB
 * so millions of rows never pass through JavaScript one by one. Each returns NULL for text
 * it cannot read; the validation query turns that NULL into a reason code.
 */
// No-break spaces become spaces (so trim() takes them); translate() deletes characters with
// no counterpart, so the Arabic thousands separator, last, goes.
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫\u00a0٬';
const LATIN_DIGITS = '01234567890123456789. ';

/** The delimiters a header may use (header-map.ts), as SQL and as RE2 text. */
const CSV_DELIMITERS = [
  { sql: "','", re: ',' },
  { sql: "';'", re: ';' },
  { sql: 'chr(9)', re: '\\t' },
];

/**
 * Vendor B quotes every cell with a decimal comma ("1,250"). When each quoted cell is
 * whole (quotes only at its edges, none escaped inside), splitting the line at its quotes
 * alternates outside and inside text, so the delimiters inside can be masked (chr(31)),
 * the line split plainly and the mask undone: the same cells as the general regex parser
 * at a third of its cost.
 */
const simpleQuotedLine = (re: string): string =>
  `regexp_full_match(line, '([^"${re}\\x1f]*|"[^"\\x1f]*")(${re}([^"${re}\\x1f]*|"[^"\\x1f]*"))*')`;
const splitSimpleQuoted = (sql: string): string =>
  `list_transform(string_split(array_to_string(list_transform(string_split(line, '"'),
       (s, i) -> CASE WHEN i % 2 = 0 THEN replace(s, ${sql}, chr(31)) ELSE s END), ''), ${sql}), c -> replace(c, chr(31), ${sql}))`;

/**
 * Kuwait has kept UTC+3 without daylight saving since 1950 and rows before 2000 are refused,
 * so a fixed offset gives the wall-clock time; AT TIME ZONE 'Asia/Kuwait' (ICU) cost six
 * times as much per row.
 */
const KUWAIT_OFFSET_MICROS = 3 * 3600 * 1_000_000;

const CIVIL_ID_WEIGHTS = [2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export const SQL_FUNCTIONS = [
  // Arabic-Indic digits to ASCII, no-break spaces to spaces. translate() costs microseconds
  // a call, so pure-ASCII text (bytes = characters, the common case) skips it; applied once
  // per line, not per cell.
  `CREATE OR REPLACE MACRO rabt_latin_digits(s) AS
     CASE WHEN strlen(s) = length(s) THEN s ELSE translate(s, '${ARABIC_DIGITS}', '${LATIN_DIGITS}') END`,

  // A cell without surrounding spaces, empty as NULL.
  `CREATE OR REPLACE MACRO rabt_clean(s) AS NULLIF(trim(s), '')`,

  // A decimal in plain form ('1234.5'), accepting a decimal comma ('1,5') and thousands
  // separators either way round ('1,234.5', '1.234,5'). A lone comma is a decimal comma:
  // vendor B writes '1,250' for 1.250 KWD.
  `CREATE OR REPLACE MACRO rabt_decimal_text(s) AS CASE
     WHEN regexp_full_match(s, '[+-]?[0-9]+(\\.[0-9]+)?') THEN s
     WHEN regexp_full_match(s, '[+-]?[0-9]+,[0-9]+') THEN replace(s, ',', '.')
     WHEN regexp_full_match(s, '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?') THEN replace(s, ',', '')
     WHEN regexp_full_match(s, '[+-]?[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+') THEN replace(replace(s, '.', ''), ',', '.')
   END`,

  // A decimal with at most three places (fils), else NULL rather than silently rounded.
  // Plain '12.345' takes the first branch with a single regex test.
  `CREATE OR REPLACE MACRO rabt_decimal3(s) AS CASE
     WHEN regexp_full_match(s, '[+-]?[0-9]{1,15}(\\.[0-9]{1,3})?') THEN CAST(s AS DECIMAL(18,3))
     WHEN regexp_full_match(rabt_decimal_text(s), '[+-]?[0-9]{1,15}(\\.[0-9]{1,3})?0*')
     THEN TRY_CAST(rabt_decimal_text(s) AS DECIMAL(18,3)) END`,

  // A whole number; '3.0' from a JSON writer counts, '3.5' does not.
  `CREATE OR REPLACE MACRO rabt_integer(s) AS CASE
     WHEN regexp_full_match(s, '[+-]?[0-9]{1,12}') THEN CAST(s AS BIGINT)
     WHEN regexp_full_match(rabt_decimal_text(s), '[+-]?[0-9]{1,12}(\\.0+)?')
     THEN TRY_CAST(TRY_CAST(rabt_decimal_text(s) AS DECIMAL(18,3)) AS BIGINT) END`,

  // ISO (2025-06-14), dd/mm/yyyy (14/06/2025, also with - or .), or an Excel serial day
  // number (45822). Plain expressions, no subquery, so DuckDB keeps it vectorised; the
  // plausible-range check is the validation query's.
  `CREATE OR REPLACE MACRO rabt_date(s) AS CASE
       WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') THEN TRY_CAST(s AS DATE)
       WHEN regexp_full_match(s, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN CAST(try_strptime(s, '%d/%m/%Y') AS DATE)
       WHEN regexp_full_match(s, '[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}') THEN CAST(try_strptime(s, '%d-%m-%Y') AS DATE)
       WHEN regexp_full_match(s, '[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}') THEN CAST(try_strptime(s, '%d.%m.%Y') AS DATE)
       WHEN regexp_full_match(s, '[0-9]{5}(\\.0+)?') THEN CAST(DATE '1899-12-30' + CAST(floor(CAST(s AS DOUBLE)) AS INTEGER) AS DATE)
     END`,

  // A timestamp as Kuwait wall-clock time: with an offset or Z it is converted, without
  // one (ISO, or vendor B's dd/mm/yyyy hh:mm) it already is Kuwait time; an Excel serial
  // with a day fraction is Kuwait time too.
  `CREATE OR REPLACE MACRO rabt_kuwait_timestamp(s) AS CASE
       WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)? ?(Z|[+-][0-9]{2}(:?[0-9]{2})?)')
         THEN make_timestamp(epoch_us(TRY_CAST(s AS TIMESTAMPTZ)) + ${KUWAIT_OFFSET_MICROS})
       WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?')
         THEN TRY_CAST(s AS TIMESTAMP)
       WHEN regexp_full_match(s, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?')
         THEN CAST(coalesce(try_strptime(s, '%d/%m/%Y %H:%M:%S'), try_strptime(s, '%d/%m/%Y %H:%M')) AS TIMESTAMP)
       WHEN regexp_full_match(s, '[0-9]{5}(\\.[0-9]+)?')
         THEN TIMESTAMP '1899-12-30 00:00:00' + to_seconds(CAST(round(CAST(s AS DOUBLE) * 86400) AS BIGINT))
     END`,

  // Splits a CSV line into cells, honouring double quotes only when the line has any (the
  // common case is a plain split). Quoted cells lose their quotes and "" becomes ". A cell
  // quoted wrongly (a quote inside it, text after its closing quote, a quote never closed)
  // keeps all its text up to the next delimiter, so it fails its type rather than landing cut.
  `CREATE OR REPLACE MACRO rabt_csv_cells(line, delim) AS CASE
     WHEN NOT contains(line, '"') THEN string_split(line, delim)
     ${CSV_DELIMITERS.map(({ sql, re }) => `WHEN delim = ${sql} AND ${simpleQuotedLine(re)} THEN ${splitSimpleQuoted(sql)}`).join('\n     ')}
     ELSE list_transform(
       CASE delim
         ${CSV_DELIMITERS.map(({ sql, re }) => `WHEN ${sql} THEN regexp_extract_all(line, '(?:^|${re})("(?:[^"]|"")*"[^${re}]*|[^${re}]*)', 1)`).join('\n         ')}
       END,
       c -> CASE WHEN length(c) >= 2 AND starts_with(c, '"') AND ends_with(c, '"') THEN replace(c[2:-2], '""', '"') ELSE c END)
   END`,

  // A Kuwaiti civil ID: 12 digits, century 2 or 3, a birth month and day, and the check
  // digit 11 − (Σ digit × weight mod 11) with weights 2 1 6 3 7 9 10 5 8 4 2.
  `CREATE OR REPLACE MACRO rabt_civil_id_ok(s) AS coalesce(
     regexp_full_match(s, '[23][0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{5}')
     AND 11 - ((${CIVIL_ID_WEIGHTS.map((w, i) => `${w} * TRY_CAST(s[${i + 1}] AS INTEGER)`).join(' + ')}) % 11) = TRY_CAST(s[12] AS INTEGER),
     false)`,

  // A line with a cell a spreadsheet would run as a formula when an auditor opens an export
  // (=HYPERLINK…, @SUM…, +cmd…): a cell, quoted or not, JSON value included, starting with
  // = or @, or with + or - not followed by a number. One regex over the whole line, after
  // rabt_latin_digits: with only ASCII digits to exclude the regex runs about 2.5× faster.
  `CREATE OR REPLACE MACRO rabt_has_formula(line) AS
     regexp_matches(line, '(^|[,;\\t:\\[])\\s*"?([=@]|[+-][^0-9., ])')`,
];

export async function installSqlFunctions(con: DuckDBConnection): Promise<void> {
  for (const sql of SQL_FUNCTIONS) await con.run(sql);
}
