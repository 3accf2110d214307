import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import type { FeedSpec } from './feeds';
import { sqlString } from './partitioned-copy';
import { checkedStatements, MAX_ROW_CHARS, type FeedRules } from './validation-sql';

/**
 * Most files co-ops send are clean: one row a line, every value well formed. For those,
 * DuckDB's own CSV and JSON readers split the cells (C++, vectorised) far faster than
 * splitting lines in SQL, and the rows still get the same typing and rules. A file goes this
 * way only when the readers' output is provably the same as the line-by-line path's:
 *
 * - the header (if any) is the first line and no line is blank, so the n-th row read is
 *   line n + header; a row the reader skips (bad quoting, wrong cell count, bad JSON) or a
 *   quoted line break shows as a row count that differs from the line count, and the whole
 *   file is then judged line by line instead;
 * - no line is longer than MAX_ROW_CHARS (oversized rows are judged on their raw text);
 * - no line holds anything the formula rule could match (scanBytes reads its pattern so
 *   that it finds at least what the rule would);
 * - Arabic-Indic digits, the Arabic separators and no-break spaces are turned into ASCII here,
 *   character for character as `rabt_latin_digits` does per line on the other path.
 *
 * After judging, a file with any row that fails a rule or repeats a key is judged again line
 * by line, where quarantined rows keep their raw text: this path only ever lands files whose
 * every row lands.
 */

const TO_LATIN = new Map<string, string>([
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((c, i): [string, string] => [c, String(i)]),
  ...[...'۰۱۲۳۴۵۶۷۸۹'].map((c, i): [string, string] => [c, String(i)]),
  ['٫', '.'],
  ['\u00a0', ' '],
  ['٬', ''],
]);
const NOT_LATIN = /[٠-٩۰-۹٫\u00a0٬]/g;

/** Arabic-Indic digits, separators and no-break spaces as ASCII, as rabt_latin_digits does. */
export const latinDigits = (text: string): string => text.replace(NOT_LATIN, (c) => TO_LATIN.get(c) ?? c);

export type ByteEncoding = 'utf-8' | 'windows-1256';

export type ScanResult = { ok: { lines: number; needsLatin: boolean } } | { no: string };

const NL = 10;
const CR = 13;
const QUOTE = 34;
const isCellStart = (b: number): boolean => b === 44 || b === 59 || b === 9 || b === 58 || b === 91; // , ; tab : [
const isSpace = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);
const isTrigger = (b: number): boolean => b === 61 || b === 64; // = @
const isSign = (b: number): boolean => b === 43 || b === 45; // + -
const isNumberStart = (b: number): boolean => (b >= 48 && b <= 57) || b === 46 || b === 44 || b === 32; // 0-9 . , space

/**
 * One pass over a file's bytes (UTF-8 or Windows-1256: both keep ASCII as is) that says
 * whether DuckDB's readers may take it: its lines (a blank one or one longer than
 * MAX_ROW_CHARS bytes sends the file line by line), and whether any cell could start like a
 * formula. The formula check is rabt_has_formula's pattern, `(^|[,;\t:[])\s*"?([=@]|[+-][^0-9., ])`,
 * read conservatively: a non-ASCII byte where the pattern allows spaces or its quote is
 * skipped as if it were one (a no-break space becomes a space, the Arabic thousands separator
 * disappears), and a sign followed by a non-ASCII byte counts. So it finds at least every line
 * the rule would, and such a file goes line by line, where the rule decides.
 */
export function scanBytes(bytes: Uint8Array, encoding: ByteEncoding): ScanResult {
  const n = bytes.length;
  let lines = 0;
  let lineStart = 0;
  let state = 1; // 0 inside a cell, 1 where a cell may start (spaces allowed), 2 after its opening quote
  let needsLatin = false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === NL) {
      const end = i > lineStart && bytes[i - 1] === CR ? i - 1 : i;
      if (end === lineStart) return { no: 'a blank line' };
      if (end - lineStart > MAX_ROW_CHARS) return { no: 'an oversized line' };
      lines++;
      lineStart = i + 1;
      state = 1;
      continue;
    }
    if (b >= 0x80) {
      if (encoding === 'windows-1256') {
        if (b === 0xa0) needsLatin = true;
      } else if (b === 0xc2 && bytes[i + 1] === 0xa0) {
        needsLatin = true;
      } else if (b === 0xd9) {
        const c = bytes[i + 1]!;
        if ((c >= 0xa0 && c <= 0xa9) || c === 0xab || c === 0xac) needsLatin = true;
      } else if (b === 0xdb) {
        const c = bytes[i + 1]!;
        if (c >= 0xb0 && c <= 0xb9) needsLatin = true;
      }
      continue; // a cell goes on; where one may start, the byte may become a space or nothing
    }
    if (state !== 0) {
      if (state === 1 && isSpace(b)) continue;
      if (state === 1 && b === QUOTE) {
        state = 2;
        continue;
      }
      if (isTrigger(b)) return { no: 'a cell that may be a formula' };
      if (isSign(b)) {
        const next = i + 1 < n ? bytes[i + 1]! : NL;
        if (!isNumberStart(next)) return { no: 'a cell that may be a formula' };
      }
    }
    state = isCellStart(b) ? 1 : 0;
  }
  if (lineStart < n) {
    const end = bytes[n - 1] === CR ? n - 1 : n;
    if (end === lineStart) return { no: 'a blank line' };
    if (end - lineStart > MAX_ROW_CHARS) return { no: 'an oversized line' };
    lines++;
  }
  return { ok: { lines, needsLatin } };
}

/** Windows-1256 bytes straight to UTF-8 bytes through a table made from iconv-lite's mapping. */
let cp1256Table: Uint8Array[] | null = null;
export function windows1256ToUtf8(bytes: Uint8Array): Buffer {
  cp1256Table ??= Array.from(
    { length: 256 },
    (_, b) => new Uint8Array(Buffer.from(iconv.decode(Buffer.from([b]), 'windows-1256'), 'utf8')),
  );
  const table = cp1256Table;
  const out = Buffer.allocUnsafe(bytes.length * 3);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[o++] = b;
    } else {
      const seq = table[b]!;
      for (let k = 0; k < seq.length; k++) out[o++] = seq[k]!;
    }
  }
  return out.subarray(0, o);
}

export interface FastReadable {
  /** Rows the reader must return: the lines after the header. */
  rows: number;
  /** The UTF-8 bytes the reader reads, digits already Latin; null: the inbox file as it is. */
  bytes: Buffer | null;
}

/** What judgeWithReaders needs of a prepared file. */
export interface ReaderFile {
  isJson: boolean;
  delimiter: string;
  headerCells: number | null;
  positions: Record<string, number>;
  fast: FastReadable | null;
  direct: { path: string } | null;
}

/**
 * Types and judges the files at `indices` into temp table \`judged\` (validation-sql.ts), their
 * cells split by DuckDB's CSV / JSON readers: one read per group of files with the same
 * layout, inserted in turn into one table. \`rn\` counts its rows in the order the groups, their
 * files and their lines were read (the table's rowid + 1), so file k's first row is 1 + the
 * rows of the files before it, and its row j is line header + j; fast_firsts holds that first \`rn\`.
 * The caller checks each file's count and first and last line against what it expects: a
 * file read short shifts the numbers of the files after it, which then fail that check too.
 * A file that is not the inbox file as is (decoded, translated, or from a workbook) is
 * written as UTF-8 into \`stagingDir\` first. Returns the files a reader refused outright.
 */
export async function judgeWithReaders(
  con: DuckDBConnection,
  rules: FeedRules,
  files: ReaderFile[],
  indices: number[],
  stagingDir: string,
): Promise<number[]> {
  const { spec } = rules;
  const groups = new Map<string, number[]>();
  for (const idx of indices) {
    const file = files[idx]!;
    const key = JSON.stringify([file.isJson, file.delimiter, file.headerCells, file.positions]);
    groups.set(key, [...(groups.get(key) ?? []), idx]);
  }
  mkdirSync(stagingDir, { recursive: true });
  const pathOf = new Map<number, string>();
  for (const idx of indices) {
    const file = files[idx]!;
    if (file.direct !== null) {
      pathOf.set(idx, file.direct.path);
    } else {
      const path = join(stagingDir, `${idx}.${file.isJson ? 'jsonl' : 'csv'}`);
      writeFileSync(path, file.fast!.bytes!);
      pathOf.set(idx, path);
    }
  }
  const refused: number[] = [];
  let remaining = [...groups.values()];
  for (;;) {
    remaining = remaining.filter((group) => group.length > 0);
    const firsts: string[] = [];
    let next = 1;
    for (const group of remaining) {
      for (const idx of group) {
        firsts.push(`(${idx}, ${next})`);
        next += files[idx]!.fast!.rows;
      }
    }
    await con.run('CREATE OR REPLACE TEMP TABLE fast_firsts (file_idx INTEGER, first_rn BIGINT)');
    if (firsts.length > 0) await con.run(`INSERT INTO fast_firsts VALUES ${firsts.join(', ')}`);
    const failure = await readIntoFastRows(con, spec, files, remaining, pathOf);
    if (failure !== null) {
      // Some breakage stops a reader even with ignore_errors (e.g. "the CSV Parser state
      // machine reached an invalid state"). It names the file: that one goes line by line,
      // the rest are read again.
      const culprit = indices.find(
        (idx) =>
          !refused.includes(idx) &&
          (failure.includes(`file = ${pathOf.get(idx)!}\n`) || failure.includes(`"${pathOf.get(idx)!}"`)),
      );
      if (culprit === undefined) {
        refused.push(...remaining.flat());
        remaining = [];
      } else {
        refused.push(culprit);
        remaining = remaining.map((group) => group.filter((idx) => idx !== culprit));
      }
      continue;
    }
    for (const statement of checkedStatements(rules, { readerRows: 'SELECT *, rowid + 1 AS rn FROM fast_rows' }))
      await con.run(statement);
    await con.run('DROP TABLE fast_rows');
    return refused;
  }
}

/**
 * Fills temp table fast_rows (file_idx, c_<field>…) with one read per group, in turn. rn is
 * the row's place there: with insertion order preserved (ingest.ts), an insert keeps its
 * reader's order while both threads parse, and a materialised table's rowid stands for that
 * order (duckdb.org/docs/stable/sql/dialect/order_preservation), running on across the
 * groups' inserts in the order fast_firsts counted them. A window (row_number() OVER ())
 * would give the same numbers on one thread. Returns the error of a read that failed, else null.
 */
async function readIntoFastRows(
  con: DuckDBConnection,
  spec: FeedSpec,
  files: ReaderFile[],
  groups: number[][],
  pathOf: Map<number, string>,
): Promise<string | null> {
  await con.run(
    `CREATE OR REPLACE TEMP TABLE fast_rows (file_idx INTEGER, ${spec.fields.map((f) => `c_${f.name} VARCHAR`).join(', ')})`,
  );
  for (const group of groups) {
    try {
      await con.run(
        `INSERT INTO fast_rows ${readSelect(
          spec,
          files[group[0]!]!,
          group.map((idx) => pathOf.get(idx)!),
          group,
        )}`,
      );
    } catch (error) {
      return (error as Error).message;
    }
  }
  return null;
}

/** One read of a group of files with the same layout, in the reader's order: file_idx, c_<field>… */
function readSelect(spec: FeedSpec, first: ReaderFile, paths: string[], group: number[]): string {
  const list = `[${paths.map(sqlString).join(', ')}]`;
  let source: string;
  let cellOf: (field: string) => string;
  if (first.isJson) {
    const keys = spec.jsonKeys.map((k) => `${sqlString(k)}: 'VARCHAR'`).join(', ');
    source = `read_json(${list}, format = 'newline_delimited', columns = {${keys}}, ignore_errors = true)`;
    cellOf = (field) => {
      const pos = first.positions[field];
      return pos === undefined ? 'CAST(NULL AS VARCHAR)' : `"${spec.jsonKeys[pos - 1]!}"`;
    };
  } else {
    const columns = Array.from({ length: first.headerCells ?? 0 }, (_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ');
    source = `read_csv(${list}, header = true, auto_detect = false, delim = ${sqlString(first.delimiter)}, quote = '"', escape = '"',
      columns = {${columns}}, strict_mode = true, ignore_errors = true, null_padding = false)`;
    cellOf = (field) => {
      const pos = first.positions[field];
      return pos === undefined ? 'CAST(NULL AS VARCHAR)' : `c${pos}`;
    };
  }
  return `SELECT CAST(([${group.join(', ')}])[CAST(file_index AS BIGINT) + 1] AS INTEGER) AS file_idx,
      ${spec.fields.map((f) => `${cellOf(f.name)} AS c_${f.name}`).join(', ')}
    FROM ${source}`;
}
