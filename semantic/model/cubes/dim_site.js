/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Main markets, branches and warehouses of each co-op.
cube(`dim_site`, {
  sql_table: `marts.dim_site`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    site_id: { sql: `site_id`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_type: { sql: `site_type`, type: `string` },
    site_name_en: { sql: `site_name_en`, type: `string` },
    site_name_ar: { sql: `site_name_ar`, type: `string` },
    area_id: { sql: `area_id`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
  },
});
