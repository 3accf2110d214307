/* global cube, CUBE, dim_governorate -- Cube model globals: the compiler provides them */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Consumer co-operative societies; boards see only their own (coop_id is the security key).
cube(`dim_coop`, {
  sql_table: `marts.dim_coop`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
  },
  dimensions: {
    coop_id: { sql: `coop_id`, type: `string`, primary_key: true, public: true },
    coop_name_en: { sql: `coop_name_en`, type: `string` },
    coop_name_ar: { sql: `coop_name_ar`, type: `string` },
    area_id: { sql: `area_id`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
    vendor: { sql: `vendor`, type: `string` },
  },
  measures: {
    coop_count: { type: `count`, format: `number` },
  },
});
