import { SALES_CONTRACT, type SalesLakeColumn } from '../../domain/feed-contracts';
import type { FeedSpec } from '../feeds';
import type { FeedRules } from '../validation-sql';
import { PRODUCT_RULE, productKey } from './shared';

/**
 * Hourly sales per branch and product (domain/feed-contracts.ts). Each field also answers to
 * spellings seen from the same vendors' systems beyond the contract's headers.
 */
export const SALES: FeedSpec = {
  feed: 'sales',
  fields: [
    { name: 'coop_id', aliases: ['coop_id', 'coop', 'رقم الجمعية', 'الجمعية'] },
    { name: 'branch_id', aliases: ['branch_id', 'site', 'site_id', 'branch', 'رقم الفرع', 'الفرع'] },
    { name: 'product_id', aliases: ['barcode', 'gtin', 'product_id', 'الباركود', 'باركود'] },
    { name: 'sale_hour', aliases: ['sale_hour', 'ts', 'timestamp'] },
    { name: 'sale_date', aliases: ['التاريخ', 'date', 'sale_date', 'business_date'] },
    { name: 'hour', aliases: ['الساعة', 'hour'] },
    { name: 'quantity', aliases: ['quantity', 'qty', 'الكمية'] },
    { name: 'amount_kwd', aliases: ['net_amount_kwd', 'amount_kwd', 'المبلغ', 'amount'] },
    { name: 'amount_fils', aliases: ['amount_fils', 'المبلغ بالفلس'] },
    { name: 'receipts', aliases: ['receipts', 'tickets', 'receipt_count', 'عدد الفواتير'] },
  ],
  required: [
    [['coop_id']],
    [['branch_id']],
    [['product_id']],
    [['sale_hour'], ['sale_date', 'hour']],
    [['quantity']],
    [['amount_kwd'], ['amount_fils']],
    [['receipts']],
  ],
  jsonKeys: [...SALES_CONTRACT.keysC],
};

/** Each landed column's value. */
const LANDED: Record<SalesLakeColumn, string> = {
  coop_id: 'f_coop_id',
  branch_id: 'f_branch_id',
  product_id: 'product_key',
  business_date: 'CAST(t_sale_hour AS DATE)',
  sale_hour: 't_sale_hour',
  quantity: 'CAST(t_qty AS DECIMAL(14,3))',
  net_amount_kwd: 't_amount',
  receipt_count: 'CAST(t_receipts AS INTEGER)',
};

export const SALES_RULES: FeedRules = {
  spec: SALES,
  required: [
    ['coop_id', 'coop_id'],
    ['branch_id', 'branch_id'],
    ['product_id', 'barcode'],
    ['time', 'sale hour or date'],
    ['hour_if_needed', 'hour'],
    ['quantity', 'quantity'],
    ['amount', 'amount'],
    ['receipts', 'receipts'],
  ],
  typed: [
    [
      `${productKey('f_product_id')} AS product_key`,
      'CASE WHEN pos_sale_hour IS NOT NULL THEN rabt_kuwait_timestamp(f_sale_hour) END AS t_ts',
      'rabt_date(f_sale_date) AS t_date',
      `CASE WHEN regexp_full_match(f_hour, '[0-9]{1,2}(:00(:00)?)?') THEN CAST(split_part(f_hour, ':', 1) AS INTEGER) END AS t_hour`,
      'rabt_decimal3(f_quantity) AS t_qty',
      `CASE WHEN pos_amount_kwd IS NOT NULL THEN rabt_decimal3(f_amount_kwd)
         ELSE CAST(CAST(rabt_integer(f_amount_fils) AS DECIMAL(18,0)) * 0.001 AS DECIMAL(18,3)) END AS t_amount`,
      'CASE WHEN pos_amount_kwd IS NOT NULL THEN f_amount_kwd ELSE f_amount_fils END AS f_amount',
      'CASE WHEN pos_sale_hour IS NOT NULL THEN f_sale_hour ELSE f_sale_date END AS f_time',
      `CASE WHEN pos_sale_hour IS NOT NULL THEN 'not needed' ELSE f_hour END AS f_hour_if_needed`,
      'rabt_integer(f_receipts) AS t_receipts',
    ],
    [
      `CASE WHEN pos_sale_hour IS NOT NULL THEN t_ts
         WHEN t_hour BETWEEN 0 AND 23 THEN t_date + to_hours(t_hour) END AS t_sale_hour`,
    ],
  ],
  joins: `LEFT JOIN ref_sites rs ON rs.site_id = t.f_branch_id
    LEFT JOIN ref_products rp ON rp.product_id = t.product_key`,
  rules: [
    { code: 'unknown_site', when: 'rs.site_id IS NULL', detail: `'site ' || f_branch_id || ' is not in ref_sites'` },
    {
      code: 'site_of_other_coop',
      when: 'rs.coop_id <> f_coop_id',
      detail: `'site ' || f_branch_id || ' belongs to co-op ' || rs.coop_id`,
    },
    {
      code: 'not_a_sales_site',
      when: `rs.site_type = 'warehouse'`,
      detail: `'site ' || f_branch_id || ' is a ' || rs.site_type || ', not a branch or main market'`,
    },
    PRODUCT_RULE,
    {
      code: 'bad_timestamp',
      when: `pos_sale_hour IS NOT NULL AND (t_ts IS NULL OR date_trunc('hour', t_ts) <> t_ts)`,
      detail: `'sale hour ''' || f_time || ''' is not an ISO timestamp at the start of an hour'`,
    },
    {
      code: 'bad_date',
      when: `(pos_sale_hour IS NULL AND t_date IS NULL) OR t_sale_hour < TIMESTAMP '2000-01-01' OR t_sale_hour >= TIMESTAMP '2100-01-01'`,
      detail: `'date ''' || f_time || ''' is not a date (ISO, dd/mm/yyyy or Excel serial) between 2000 and 2099'`,
    },
    {
      code: 'bad_hour',
      when: 'pos_sale_hour IS NULL AND t_sale_hour IS NULL',
      detail: `'hour ''' || f_hour || ''' is not 0–23'`,
    },
    {
      code: 'bad_quantity',
      when: 't_qty IS NULL OR TRY_CAST(t_qty AS DECIMAL(14,3)) IS NULL',
      detail: `'quantity ''' || f_quantity || ''' is not a number with at most 3 decimals'`,
    },
    { code: 'negative_quantity', when: 't_qty < 0', detail: `'quantity ' || f_quantity || ' is negative'` },
    {
      code: 'bad_amount',
      when: 't_amount IS NULL',
      detail: `'amount ''' || f_amount || ''' is not a number with at most 3 decimals'`,
    },
    { code: 'negative_amount', when: 't_amount < 0', detail: `'amount ' || f_amount || ' is negative'` },
    {
      code: 'bad_receipt_count',
      when: 't_receipts IS NULL OR t_receipts < 0 OR t_receipts > 2147483647',
      detail: `'receipt count ''' || f_receipts || ''' is not a whole number ≥ 0'`,
    },
  ],
  output: SALES_CONTRACT.lakeColumns.map((column): [string, string] => [column, LANDED[column]]),
  key: [...SALES_CONTRACT.key],
  duplicateDetail: 'same branch, product and hour as an earlier row of this file',
  dateColumn: 'business_date',
};
