import { STOCK_CONTRACT, type StockLakeColumn } from '../../domain/feed-contracts';
import type { FeedSpec } from '../feeds';
import type { FeedRules } from '../validation-sql';
import { PRODUCT_RULE, productKey } from './shared';

/**
 * Daily closing stock per site and product (domain/feed-contracts.ts). Each field also answers
 * to spellings seen from the same vendors' systems beyond the contract's headers.
 */
export const STOCK: FeedSpec = {
  feed: 'stock',
  fields: [
    { name: 'coop_id', aliases: ['coop_id', 'coop', 'رقم الجمعية', 'الجمعية'] },
    { name: 'site_id', aliases: ['site_id', 'site', 'branch_id', 'رقم الموقع', 'الموقع', 'رقم الفرع'] },
    { name: 'product_id', aliases: ['barcode', 'gtin', 'product_id', 'الباركود', 'باركود'] },
    { name: 'stock_date', aliases: ['stock_date', 'date', 'التاريخ'] },
    { name: 'closing_qty', aliases: ['closing_qty', 'on_hand', 'qty', 'quantity', 'الرصيد', 'الكمية'] },
  ],
  required: [[['coop_id']], [['site_id']], [['product_id']], [['stock_date']], [['closing_qty']]],
  jsonKeys: [...STOCK_CONTRACT.keysC],
};

/** Each landed column's value. */
const LANDED: Record<StockLakeColumn, string> = {
  coop_id: 'f_coop_id',
  site_id: 'f_site_id',
  product_id: 'product_key',
  stock_date: 't_date',
  closing_qty: 'CAST(t_qty AS DECIMAL(14,3))',
};

export const STOCK_RULES: FeedRules = {
  spec: STOCK,
  required: [
    ['coop_id', 'coop_id'],
    ['site_id', 'site_id'],
    ['product_id', 'barcode'],
    ['stock_date', 'stock date'],
    ['closing_qty', 'closing quantity'],
  ],
  typed: [
    [
      `${productKey('f_product_id')} AS product_key`,
      'rabt_date(f_stock_date) AS t_date',
      'rabt_decimal3(f_closing_qty) AS t_qty',
    ],
  ],
  joins: `LEFT JOIN ref_sites rs ON rs.site_id = t.f_site_id
    LEFT JOIN ref_products rp ON rp.product_id = t.product_key`,
  rules: [
    { code: 'unknown_site', when: 'rs.site_id IS NULL', detail: `'site ' || f_site_id || ' is not in ref_sites'` },
    {
      code: 'site_of_other_coop',
      when: 'rs.coop_id <> f_coop_id',
      detail: `'site ' || f_site_id || ' belongs to co-op ' || rs.coop_id`,
    },
    PRODUCT_RULE,
    {
      code: 'bad_date',
      when: `t_date IS NULL OR t_date < DATE '2000-01-01' OR t_date > DATE '2099-12-31'`,
      detail: `'stock date ''' || f_stock_date || ''' is not a date (ISO, dd/mm/yyyy or Excel serial) between 2000 and 2099'`,
    },
    {
      code: 'bad_quantity',
      when: 't_qty IS NULL OR TRY_CAST(t_qty AS DECIMAL(14,3)) IS NULL',
      detail: `'closing quantity ''' || f_closing_qty || ''' is not a number with at most 3 decimals'`,
    },
    { code: 'negative_stock', when: 't_qty < 0', detail: `'closing stock ' || f_closing_qty || ' is negative'` },
  ],
  output: STOCK_CONTRACT.lakeColumns.map((column): [string, string] => [column, LANDED[column]]),
  key: [...STOCK_CONTRACT.key],
  duplicateDetail: 'same site, product and date as an earlier row of this file',
  dateColumn: 'stock_date',
};
