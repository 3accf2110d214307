import type { FeedSpec } from './feeds';

/**
 * The SQL that reads every line of the files in `ingest_files`, maps cells to the feed's
 * fields, types them and judges each row: `reason_code` NULL means the row lands, anything
 * else sends it to quarantine with `reason_detail` for a person. A few statements per
 * chunk of files, vectorised in DuckDB; the first failing rule names the reason.
 *
 * Inputs (temp tables): ingest_files(file_idx, batch_id, coop_id, business_date, is_json,
 * delim, header_row, header_cells, header_problem, pos_<field>…), the reference tables
 * (reference.ts), and the rows: either ingest_texts(file_idx, content), split here line by
 * line, or fast_rows(file_idx, rn, c_<field>…) with fast_firsts(file_idx, first_rn), cells
 * DuckDB's readers already split, in file order (fast-read.ts). Output: a temp table, `checked` by default (file_idx, source_row,
 * raw_text, reason_code, reason_detail, then the feed's landed columns).
 *
 * A feed is described by a `FeedRules` (feed-rules/*.ts): how its cells become typed
 * values, which reference tables it joins, its rules in order, what makes two rows of one
 * file duplicates, and the columns it lands.
 */

/** Rows longer than this are a broken export or an attack, not a feed line. */
export const MAX_ROW_CHARS = 4096;
/** quarantine keeps this much of an oversized row; enough to see what it was. */
export const MAX_RAW_TEXT_CHARS = 8192;

/** A value a row must have: its `f_` column and the name a person reads in the reason. */
export type Required = [column: string, label: string];

/** One rule: when `when` holds (and no earlier rule did), the row goes to quarantine as `code` with `detail`. */
export interface Rule {
  code: string;
  when: string;
  detail: string;
}

export interface FeedRules {
  spec: FeedSpec;
  /** Values a row must have, checked after the shape rules; `f_<column>` may be a derived one. */
  required: Required[];
  /** Steps of `expr AS name` over the `f_` cells, each step able to use the names of the ones before. */
  typed: string[][];
  /** LEFT JOINs to reference tables (alias.column is then usable in rules and output). */
  joins: string;
  /** The feed's rules after the common ones, in order. */
  rules: Rule[];
  /** Landed columns: `expr AS name`, in the contract's order (after batch_id, source_row). */
  output: [name: string, expr: string][];
  /** Landed columns that together identify a row: a valid row repeating an earlier one is a duplicate. */
  key: string[];
  /** What a person reads for a duplicate. */
  duplicateDetail: string;
  /** The landed column whose date is the row's `dt=` partition; null: the batch's business date (one file per batch). */
  dateColumn: string | null;
}

export const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export function positionColumns(spec: FeedSpec): string[] {
  return spec.fields.map((f) => `pos_${f.name}`);
}

/**
 * Every line of every file in the chunk, one row each. Materialised on its own: the files
 * table has a few hundred rows (one row group), so a single query would run on one thread
 * from its unnest onwards; a table of lines is scanned by every thread.
 */
export const LINES_SQL = `
CREATE OR REPLACE TEMP TABLE ingest_lines AS
SELECT file_idx, CAST(source_row AS INTEGER) AS source_row, rtrim(line, chr(13)) AS raw_text
FROM (
  SELECT file_idx, header_row, unnest(ls) AS line, generate_subscripts(ls, 1) AS source_row
  FROM (SELECT t.file_idx, f.header_row, string_split(t.content, chr(10)) AS ls FROM ingest_texts t JOIN ingest_files f USING (file_idx))
)
-- Empty lines are not rows; a line of spaces is, and fails as one with no values.
WHERE source_row > header_row AND line <> '' AND line <> chr(13)`;

function linesAndCells(spec: FeedSpec): string {
  const jsonPaths = spec.jsonKeys.map((k) => `'$.${k}'`).join(', ');
  // A line of plain ASCII without spaces has nothing to trim: skip trim() on its cells.
  const fieldCells = spec.fields
    .map(
      (f) =>
        `CASE WHEN plain THEN nullif(cells[pos_${f.name}], '') ELSE rabt_clean(cells[pos_${f.name}]) END AS f_${f.name}`,
    )
    .join(',\n      ');
  const positions = positionColumns(spec).join(', ');
  return `
  file_rows AS (
    SELECT l.file_idx, f.coop_id AS file_coop_id, f.is_json, f.delim, f.header_cells, f.header_problem,
      ${positionColumns(spec)
        .map((c) => `f.${c}`)
        .join(', ')}, l.source_row, l.raw_text
    FROM ingest_lines l JOIN ingest_files f USING (file_idx)
  ),
  with_cells AS (
    SELECT *,
      CASE
        WHEN length(raw_text) > ${MAX_ROW_CHARS} THEN NULL
        WHEN is_json THEN CASE WHEN json_valid(line) AND json_type(line) = 'OBJECT'
                          THEN json_extract_string(line, [${jsonPaths}]) END
        ELSE rabt_csv_cells(line, delim)
      END AS cells,
      coalesce(rabt_has_formula(line), false) AS has_formula,
      strlen(line) = length(line) AND NOT contains(line, ' ') AS plain
    FROM (SELECT *, rabt_latin_digits(raw_text) AS line FROM file_rows)
  ),
  fields AS (
    SELECT file_idx, source_row, raw_text, file_coop_id, is_json, header_cells, header_problem, has_formula, ${positions},
      len(cells) AS cell_count, cells IS NULL AS unparsed,
      ${fieldCells}
    FROM with_cells
  )`;
}

/** A cell as the line-by-line path cleans it: trimmed of spaces, empty as NULL. */
const cleanCell = (cell: string): string =>
  `CASE WHEN contains(${cell}, ' ') THEN nullif(trim(${cell}), '') ELSE nullif(${cell}, '') END`;

/**
 * The same \`fields\` as linesAndCells, from the cells DuckDB's readers split (fast-read.ts):
 * \`readerRows\` gives file_idx, rn (the row's place in its read) and c_<field>, and fast_firsts
 * each file's first rn. Every row there has the header's cell count, parsed, with Latin digits
 * and no formula-like cell (the file would not have been read this way otherwise).
 */
function readerCells(spec: FeedSpec, readerRows: string): string {
  return `
  fields AS (
    SELECT r.file_idx, CAST(r.rn - ff.first_rn + 1 + f.header_row AS INTEGER) AS source_row, CAST(NULL AS VARCHAR) AS raw_text, f.coop_id AS file_coop_id, f.is_json,
      f.header_cells, CAST(NULL AS VARCHAR) AS header_problem, false AS has_formula, ${positionColumns(spec)
        .map((c) => `f.${c}`)
        .join(', ')},
      f.header_cells AS cell_count, false AS unparsed,
      ${spec.fields.map((field) => `${cleanCell(`r.c_${field.name}`)} AS f_${field.name}`).join(',\n      ')}
    FROM (${readerRows}) r JOIN ingest_files f USING (file_idx) JOIN fast_firsts ff USING (file_idx)
  )`;
}

/** Rules every feed shares, ahead of the feed's own: the row's shape, its values, its co-op. */
function commonRules(required: Required[]): Rule[] {
  const missingList = required.map(([column, label]) => `CASE WHEN f_${column} IS NULL THEN '${label}' END`).join(', ');
  return [
    { code: 'missing_column', when: 'header_problem IS NOT NULL', detail: `'header lacks ' || header_problem` },
    {
      code: 'oversized_row',
      when: `length(raw_text) > ${MAX_ROW_CHARS}`,
      detail: `'row has ' || length(raw_text) || ' characters, more than ${MAX_ROW_CHARS}'`,
    },
    { code: 'malformed_json', when: 'is_json AND unparsed', detail: `'row is not a JSON object'` },
    {
      code: 'column_count_mismatch',
      when: 'NOT is_json AND cell_count <> header_cells',
      detail: `'row has ' || cell_count || ' cells, header has ' || header_cells`,
    },
    {
      code: 'formula_injection',
      when: 'has_formula',
      detail: `'a cell starts like a spreadsheet formula (=, +, -, @)'`,
    },
    {
      code: 'missing_value',
      when: required.map(([column]) => `f_${column} IS NULL`).join(' OR '),
      detail: `'no value for ' || concat_ws(', ', ${missingList})`,
    },
    { code: 'unknown_coop', when: 'rc.coop_id IS NULL', detail: `'co-op ' || f_coop_id || ' is not in ref_coops'` },
    {
      code: 'coop_mismatch',
      when: 'f_coop_id <> file_coop_id',
      detail: `'row is for co-op ' || f_coop_id || ' but the file is from ' || file_coop_id`,
    },
  ];
}

/**
 * The statements that fill `checked` for one feed: lines, then every row typed and judged
 * (reason and detail of its first failing rule, landed columns), then duplicates. An
 * aggregate finds the (rare) repeated keys and a join marks their later rows, much cheaper
 * than a window sorting every row.
 */
export function checkedStatements(
  rules: FeedRules,
  source: 'lines' | { readerRows: string } = 'lines',
  target = 'checked',
): string[] {
  const all = [...commonRules(rules.required), ...rules.rules];
  const typedSteps = rules.typed.map(
    (step, i) => `typed_${i + 1} AS (SELECT *, ${step.join(', ')} FROM ${i === 0 ? 'fields' : `typed_${i}`})`,
  );
  const lastTyped = rules.typed.length === 0 ? 'fields' : `typed_${rules.typed.length}`;
  const outputNames = rules.output.map(([name]) => name);
  // Reference rows ride along as struct columns, so rules, details and outputs name them the same way in both steps.
  const joinAliases = ['rc', ...[...rules.joins.matchAll(/JOIN\s+\w+\s+(\w+)\s+ON/gi)].map((m) => m[1]!)];
  // first_rule is computed in its own step: used by name in the same select list, DuckDB
  // would copy its whole CASE into every WHEN of the reason and the detail, evaluating
  // every rule (civil ID check digits, regexes) dozens of times a row.
  // The line-by-line path runs after the reader path in the same chunk: its own table name.
  const judgedTable = source === 'lines' ? 'judged_lines' : 'judged';
  const judged = `
CREATE OR REPLACE TEMP TABLE ${judgedTable} AS
WITH ${[source === 'lines' ? linesAndCells(rules.spec) : readerCells(rules.spec, source.readerRows), ...typedSteps].join(',\n  ')},
ruled AS (
  SELECT t.*, ${joinAliases.join(', ')},
    -- by number, since several rules may share a reason code.
    CASE ${all.map((r, i) => `WHEN ${r.when} THEN ${i + 1}`).join('\n      ')} END AS first_rule
  FROM ${lastTyped} t
  LEFT JOIN ref_coops rc ON rc.coop_id = t.f_coop_id
  ${rules.joins}
)
SELECT t.file_idx, t.source_row, t.raw_text,
  CASE t.first_rule ${all.map((r, i) => `WHEN ${i + 1} THEN '${r.code}'`).join(' ')} END AS first_reason,
  CASE t.first_rule ${all.map((r, i) => `WHEN ${i + 1} THEN ${r.detail}`).join('\n    ')} END AS first_detail,
  ${rules.output.map(([name, expr]) => `${expr} AS ${name}`).join(',\n  ')}
FROM ruled t`;
  const keyMatch = rules.key.map((k) => `d.${k} = j.${k}`).join(' AND ');
  const checked = `
CREATE OR REPLACE TEMP TABLE ${target} AS
WITH repeated AS (
    SELECT file_idx, ${rules.key.join(', ')}, min(source_row) AS first_row
    FROM ${judgedTable} WHERE first_reason IS NULL
    GROUP BY file_idx, ${rules.key.join(', ')} HAVING count(*) > 1
  ),
  deduplicated AS (
    SELECT j.*, d.first_row IS NOT NULL AND j.source_row <> d.first_row AS is_duplicate
    FROM ${judgedTable} j LEFT JOIN repeated d ON j.first_reason IS NULL AND d.file_idx = j.file_idx AND ${keyMatch}
  )
SELECT file_idx, source_row,
  CASE WHEN is_duplicate OR first_reason IS NOT NULL THEN left(raw_text, ${MAX_RAW_TEXT_CHARS}) END AS raw_text,
  CASE WHEN is_duplicate THEN 'duplicate_row' ELSE first_reason END AS reason_code,
  CASE WHEN is_duplicate THEN ${sqlText(rules.duplicateDetail)} ELSE first_detail END AS reason_detail,
  ${outputNames.join(', ')}
FROM deduplicated`;
  // The reader path keeps only \`judged\`: it lands files none of whose rows fails, so their
  // rows need no reason columns, and its duplicates are found by duplicateFilesSql.
  return source === 'lines'
    ? [LINES_SQL, judged, checked, `DROP TABLE ${judgedTable}`, 'DROP TABLE ingest_lines']
    : [judged];
}

/**
 * Files of \`judged\` in which a valid row may repeat the key of another. Grouped by the key's
 * hash, much cheaper than by its columns: a collision only sends a file line by line, where
 * duplicates are found by the key itself.
 */
export function duplicateFilesSql(rules: FeedRules): string {
  return `SELECT DISTINCT file_idx FROM (SELECT file_idx, hash(${rules.key.join(', ')}) AS key_hash FROM judged WHERE first_reason IS NULL)
    GROUP BY file_idx, key_hash HAVING count(*) > 1`;
}

/** \`judged\` rows as \`checked\` rows (every one of them lands). */
export function judgedAsChecked(rules: FeedRules): string {
  return `SELECT file_idx, source_row, raw_text, first_reason AS reason_code, first_detail AS reason_detail, ${rules.output.map(([name]) => name).join(', ')} FROM judged`;
}
