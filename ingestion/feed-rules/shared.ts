import type { Rule } from '../validation-sql';

/** GTINs exported through a spreadsheet lose their leading zeros; put them back. */
export const productKey = (col: string): string =>
  `CASE WHEN regexp_full_match(${col}, '[0-9]{8,12}') THEN lpad(${col}, 13, '0') ELSE ${col} END`;

/** Needs `LEFT JOIN ref_products rp ON rp.product_id = t.product_key`. */
export const PRODUCT_RULE: Rule = {
  code: 'unknown_product',
  when: 'rp.product_id IS NULL',
  detail: `'barcode ' || f_product_id || ' is not in ref_products'`,
};
