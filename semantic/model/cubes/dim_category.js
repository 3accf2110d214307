/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Product categories and whether the crisis room watches them as essential.
cube(`dim_category`, {
  sql_table: `marts.dim_category`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    category_id: { sql: `category_id`, type: `string`, primary_key: true, public: true },
    category_name_en: { sql: `category_name_en`, type: `string` },
    category_name_ar: { sql: `category_name_ar`, type: `string` },
    is_essential: { sql: `is_essential`, type: `boolean` },
  },
});
