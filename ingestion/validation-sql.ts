import type { FeedSpec } from './feeds';
import { SALES, STOCK } from './feeds';

/**
 * The SQL that reads every line of the files in `ingest_files`, maps cells to the feed's
 * fields, types them and judges each row: `reason_code` NULL means the row lands, anything
 * else sends it to quarantine with `reason_detail` for a person. One query per chunk of
 * files, vectorised in DuckDB; the first failing rule names the reason.
 *
 * Inputs (temp tables): ingest_files(file_idx, batch_id, coop_id, business_date, is_json,
 * delim, header_row, header_cells, header_problem, pos_<field>…, content) and the reference
 * tables ref_coops, ref_sites, ref_products. Output: temp table `checked`.
 */

/** Rows longer than this are a broken export or an attack, not a sales line. */
export const MAX_ROW_CHARS = 4096;
/** quarantine keeps this much of an oversized row; enough to see what it was. */
export const MAX_RAW_TEXT_CHARS = 8192;

export function positionColumns(spec: FeedSpec): string[] {
  return spec.fields.map((f) => `pos_${f.name}`);
}

function linesAndCells(spec: FeedSpec): string {
  const jsonPaths = spec.jsonKeys.map((k) => `'$.${k}'`).join(', ');
  const fieldCells = spec.fields.map((f) => `rabt_clean(cells[pos_${f.name}]) AS f_${f.name}`).join(',\n      ');
  const positions = positionColumns(spec).join(', ');
  return `
  file_rows AS (
    -- File metadata rides along the unnest instead of a join back to ingest_files.
    SELECT file_idx, file_coop_id, is_json, delim, header_cells, header_problem, ${positions},
      CAST(source_row AS INTEGER) AS source_row, rtrim(line, chr(13)) AS raw_text
    FROM (
      SELECT file_idx, coop_id AS file_coop_id, is_json, delim, header_row, header_cells, header_problem, ${positions},
        unnest(ls) AS line, generate_subscripts(ls, 1) AS source_row
      FROM (SELECT * EXCLUDE (content), string_split(content, chr(10)) AS ls FROM ingest_files)
    )
    -- Empty lines are not rows; a line of spaces is, and fails as one with no values.
    WHERE source_row > header_row AND line <> '' AND line <> chr(13)
  ),
  with_cells AS (
    SELECT *,
      CASE
        WHEN length(raw_text) > ${MAX_ROW_CHARS} THEN NULL
        WHEN is_json THEN CASE WHEN json_valid(line) AND json_type(line) = 'OBJECT'
                          THEN json_extract_string(line, [${jsonPaths}]) END
        ELSE rabt_csv_cells(line, delim)
      END AS cells,
      coalesce(rabt_has_formula(line), false) AS has_formula
    FROM (SELECT *, rabt_latin_digits(raw_text) AS line FROM file_rows)
  ),
  fields AS (
    SELECT file_idx, source_row, raw_text, file_coop_id, is_json, header_cells, header_problem, has_formula, ${positions},
      len(cells) AS cell_count, cells IS NULL AS unparsed,
      ${fieldCells}
    FROM with_cells
  )`;
}

/** GTINs exported through a spreadsheet lose their leading zeros; put them back. */
const productKey = (col: string): string => `CASE WHEN regexp_full_match(${col}, '[0-9]{8,12}') THEN lpad(${col}, 13, '0') ELSE ${col} END`;

/** A value a row must have: its `f_` column and the name a person reads in the reason. */
type Required = [column: string, label: string];

/** Rules every feed shares, ahead of the feed's own. */
function commonReasons(required: Required[]): string {
  const missing = required.map(([column]) => `f_${column} IS NULL`).join(' OR ');
  return `
      WHEN header_problem IS NOT NULL THEN 'missing_column'
      WHEN length(raw_text) > ${MAX_ROW_CHARS} THEN 'oversized_row'
      WHEN is_json AND unparsed THEN 'malformed_json'
      WHEN NOT is_json AND cell_count <> header_cells THEN 'column_count_mismatch'
      WHEN has_formula THEN 'formula_injection'
      WHEN ${missing} THEN 'missing_value'
      WHEN rc.coop_id IS NULL THEN 'unknown_coop'
      WHEN f_coop_id <> file_coop_id THEN 'coop_mismatch'`;
}

function commonDetails(required: Required[], siteField: string): string {
  const missingList = required.map(([column, label]) => `CASE WHEN f_${column} IS NULL THEN '${label}' END`).join(', ');
  return `
      WHEN 'missing_column' THEN 'header lacks ' || header_problem
      WHEN 'oversized_row' THEN 'row has ' || length(raw_text) || ' characters, more than ${MAX_ROW_CHARS}'
      WHEN 'malformed_json' THEN 'row is not a JSON object'
      WHEN 'column_count_mismatch' THEN 'row has ' || cell_count || ' cells, header has ' || header_cells
      WHEN 'formula_injection' THEN 'a cell starts like a spreadsheet formula (=, +, -, @)'
      WHEN 'missing_value' THEN 'no value for ' || concat_ws(', ', ${missingList})
      WHEN 'unknown_coop' THEN 'co-op ' || f_coop_id || ' is not in ref_coops'
      WHEN 'coop_mismatch' THEN 'row is for co-op ' || f_coop_id || ' but the file is from ' || file_coop_id
      WHEN 'unknown_site' THEN 'site ' || f_${siteField} || ' is not in ref_sites'
      WHEN 'site_of_other_coop' THEN 'site ' || f_${siteField} || ' belongs to co-op ' || site_coop
      WHEN 'unknown_product' THEN 'barcode ' || f_product_id || ' is not in ref_products'`;
}

export function salesCheckedSql(): string {
  const spec = SALES;
  const required: Required[] = [
    ['coop_id', 'coop_id'], ['branch_id', 'branch_id'], ['product_id', 'barcode'], ['time', 'sale hour or date'],
    ['hour_if_needed', 'hour'], ['quantity', 'quantity'], ['amount', 'amount'], ['receipts', 'receipts'],
  ];
  return `
CREATE OR REPLACE TEMP TABLE checked AS
WITH ${linesAndCells(spec)},
  typed AS (
    SELECT *,
      ${productKey('f_product_id')} AS product_key,
      CASE WHEN pos_sale_hour IS NOT NULL THEN rabt_kuwait_timestamp(f_sale_hour) END AS t_ts,
      rabt_date(f_sale_date) AS t_date,
      CASE WHEN regexp_full_match(f_hour, '[0-9]{1,2}(:00(:00)?)?') THEN CAST(split_part(f_hour, ':', 1) AS INTEGER) END AS t_hour,
      rabt_decimal3(f_quantity) AS t_qty,
      CASE WHEN pos_amount_kwd IS NOT NULL THEN rabt_decimal3(f_amount_kwd)
           ELSE CAST(CAST(rabt_integer(f_amount_fils) AS DECIMAL(18,0)) * 0.001 AS DECIMAL(18,3)) END AS t_amount,
      CASE WHEN pos_amount_kwd IS NOT NULL THEN f_amount_kwd ELSE f_amount_fils END AS f_amount,
      CASE WHEN pos_sale_hour IS NOT NULL THEN f_sale_hour ELSE f_sale_date END AS f_time,
      CASE WHEN pos_sale_hour IS NOT NULL THEN 'not needed' ELSE f_hour END AS f_hour_if_needed,
      rabt_integer(f_receipts) AS t_receipts
    FROM fields
  ),
  timed AS (
    SELECT *,
      CASE WHEN pos_sale_hour IS NOT NULL THEN t_ts
           WHEN t_hour BETWEEN 0 AND 23 THEN t_date + to_hours(t_hour) END AS t_sale_hour
    FROM typed
  ),
  judged AS (
    SELECT t.*, rs.coop_id AS site_coop, rs.site_type,
      CASE ${commonReasons(required)}
        WHEN rs.site_id IS NULL THEN 'unknown_site'
        WHEN rs.coop_id <> f_coop_id THEN 'site_of_other_coop'
        WHEN rs.site_type = 'warehouse' THEN 'not_a_sales_site'
        WHEN rp.product_id IS NULL THEN 'unknown_product'
        WHEN pos_sale_hour IS NOT NULL AND t_ts IS NULL THEN 'bad_timestamp'
        WHEN pos_sale_hour IS NOT NULL AND date_trunc('hour', t_ts) <> t_ts THEN 'bad_timestamp'
        WHEN pos_sale_hour IS NULL AND t_date IS NULL THEN 'bad_date'
        WHEN pos_sale_hour IS NULL AND t_sale_hour IS NULL THEN 'bad_hour'
        WHEN t_sale_hour < TIMESTAMP '2000-01-01' OR t_sale_hour >= TIMESTAMP '2100-01-01' THEN 'bad_date'
        WHEN t_qty IS NULL OR TRY_CAST(t_qty AS DECIMAL(14,3)) IS NULL THEN 'bad_quantity'
        WHEN t_qty < 0 THEN 'negative_quantity'
        WHEN t_amount IS NULL THEN 'bad_amount'
        WHEN t_amount < 0 THEN 'negative_amount'
        WHEN t_receipts IS NULL OR t_receipts < 0 OR t_receipts > 2147483647 THEN 'bad_receipt_count'
      END AS first_reason
    FROM timed t
    LEFT JOIN ref_coops rc ON rc.coop_id = t.f_coop_id
    LEFT JOIN ref_sites rs ON rs.site_id = t.f_branch_id
    LEFT JOIN ref_products rp ON rp.product_id = t.product_key
  ),
  deduplicated AS (
    SELECT *,
      CASE WHEN first_reason IS NULL AND row_number() OVER (
             PARTITION BY file_idx, first_reason IS NULL, f_branch_id, product_key, t_sale_hour ORDER BY source_row) > 1
           THEN 'duplicate_row' ELSE first_reason END AS reason_code
    FROM judged
  )
SELECT file_idx, source_row,
  CASE WHEN reason_code IS NULL THEN NULL ELSE left(raw_text, ${MAX_RAW_TEXT_CHARS}) END AS raw_text,
  reason_code,
  CASE reason_code ${commonDetails(required, 'branch_id')}
    WHEN 'not_a_sales_site' THEN 'site ' || f_branch_id || ' is a ' || site_type || ', not a branch or main market'
    WHEN 'bad_timestamp' THEN 'sale hour ''' || f_time || ''' is not an ISO timestamp at the start of an hour'
    WHEN 'bad_date' THEN 'date ''' || f_time || ''' is not a date (ISO, dd/mm/yyyy or Excel serial) between 2000 and 2099'
    WHEN 'bad_hour' THEN 'hour ''' || f_hour || ''' is not 0–23'
    WHEN 'bad_quantity' THEN 'quantity ''' || f_quantity || ''' is not a number with at most 3 decimals'
    WHEN 'negative_quantity' THEN 'quantity ' || f_quantity || ' is negative'
    WHEN 'bad_amount' THEN 'amount ''' || f_amount || ''' is not a number with at most 3 decimals'
    WHEN 'negative_amount' THEN 'amount ' || f_amount || ' is negative'
    WHEN 'bad_receipt_count' THEN 'receipt count ''' || f_receipts || ''' is not a whole number ≥ 0'
    WHEN 'duplicate_row' THEN 'same branch, product and hour as an earlier row of this file'
  END AS reason_detail,
  f_coop_id AS coop_id, f_branch_id AS branch_id, product_key AS product_id,
  CAST(t_sale_hour AS DATE) AS business_date, t_sale_hour AS sale_hour,
  CAST(t_qty AS DECIMAL(14,3)) AS quantity, t_amount AS net_amount_kwd, CAST(t_receipts AS INTEGER) AS receipt_count
FROM deduplicated`;
}

export function stockCheckedSql(): string {
  const spec = STOCK;
  const required: Required[] = [
    ['coop_id', 'coop_id'], ['site_id', 'site_id'], ['product_id', 'barcode'], ['stock_date', 'stock date'], ['closing_qty', 'closing quantity'],
  ];
  return `
CREATE OR REPLACE TEMP TABLE checked AS
WITH ${linesAndCells(spec)},
  typed AS (
    SELECT *,
      ${productKey('f_product_id')} AS product_key,
      rabt_date(f_stock_date) AS t_date,
      rabt_decimal3(f_closing_qty) AS t_qty
    FROM fields
  ),
  judged AS (
    SELECT t.*, rs.coop_id AS site_coop,
      CASE ${commonReasons(required)}
        WHEN rs.site_id IS NULL THEN 'unknown_site'
        WHEN rs.coop_id <> f_coop_id THEN 'site_of_other_coop'
        WHEN rp.product_id IS NULL THEN 'unknown_product'
        WHEN t_date IS NULL OR t_date < DATE '2000-01-01' OR t_date > DATE '2099-12-31' THEN 'bad_date'
        WHEN t_qty IS NULL OR TRY_CAST(t_qty AS DECIMAL(14,3)) IS NULL THEN 'bad_quantity'
        WHEN t_qty < 0 THEN 'negative_stock'
      END AS first_reason
    FROM typed t
    LEFT JOIN ref_coops rc ON rc.coop_id = t.f_coop_id
    LEFT JOIN ref_sites rs ON rs.site_id = t.f_site_id
    LEFT JOIN ref_products rp ON rp.product_id = t.product_key
  ),
  deduplicated AS (
    SELECT *,
      CASE WHEN first_reason IS NULL AND row_number() OVER (
             PARTITION BY file_idx, first_reason IS NULL, f_site_id, product_key, t_date ORDER BY source_row) > 1
           THEN 'duplicate_row' ELSE first_reason END AS reason_code
    FROM judged
  )
SELECT file_idx, source_row,
  CASE WHEN reason_code IS NULL THEN NULL ELSE left(raw_text, ${MAX_RAW_TEXT_CHARS}) END AS raw_text,
  reason_code,
  CASE reason_code ${commonDetails(required, 'site_id')}
    WHEN 'bad_date' THEN 'stock date ''' || f_stock_date || ''' is not a date (ISO, dd/mm/yyyy or Excel serial) between 2000 and 2099'
    WHEN 'bad_quantity' THEN 'closing quantity ''' || f_closing_qty || ''' is not a number with at most 3 decimals'
    WHEN 'negative_stock' THEN 'closing stock ' || f_closing_qty || ' is negative'
    WHEN 'duplicate_row' THEN 'same site, product and date as an earlier row of this file'
  END AS reason_detail,
  f_coop_id AS coop_id, f_site_id AS site_id, product_key AS product_id,
  t_date AS stock_date, CAST(t_qty AS DECIMAL(14,3)) AS closing_qty
FROM deduplicated`;
}

export interface FeedSql {
  spec: FeedSpec;
  checkedSql: () => string;
  /** Columns of a landed row after batch_id and source_row, in contract order, before ingested_at. */
  landedColumns: string[];
  /** The column whose date is the row's `dt=` partition. */
  dateColumn: string;
}

export const FEED_SQL: Record<string, FeedSql> = {
  sales: {
    spec: SALES,
    checkedSql: salesCheckedSql,
    landedColumns: ['coop_id', 'branch_id', 'product_id', 'business_date', 'sale_hour', 'quantity', 'net_amount_kwd', 'receipt_count'],
    dateColumn: 'business_date',
  },
  stock: {
    spec: STOCK,
    checkedSql: stockCheckedSql,
    landedColumns: ['coop_id', 'site_id', 'product_id', 'stock_date', 'closing_qty'],
    dateColumn: 'stock_date',
  },
};
