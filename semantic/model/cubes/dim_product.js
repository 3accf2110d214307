/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Products (GTIN-13) with their category and the essential-goods flag the crisis room watches.
cube(`dim_product`, {
  sql_table: `marts.dim_product`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    product_id: { sql: `product_id`, type: `string`, primary_key: true, public: true },
    product_name_en: { sql: `product_name_en`, type: `string` },
    product_name_ar: { sql: `product_name_ar`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    category_name_en: { sql: `category_name_en`, type: `string` },
    category_name_ar: { sql: `category_name_ar`, type: `string` },
    is_essential: { sql: `is_essential`, type: `boolean` },
    unit: { sql: `unit`, type: `string` },
    pack_size: { sql: `pack_size`, type: `number` },
    unit_price_kwd: {
      sql: `unit_price_kwd`,
      type: `number`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
  },
});
