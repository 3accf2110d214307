/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Kuwait's six governorates (ISO 3166-2 ids), the top of every regional drill.
cube(`dim_governorate`, {
  sql_table: `marts.dim_governorate`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    governorate_id: { sql: `governorate_id`, type: `string`, primary_key: true, public: true },
    governorate_name_en: { sql: `governorate_name_en`, type: `string` },
    governorate_name_ar: { sql: `governorate_name_ar`, type: `string` },
  },
});
