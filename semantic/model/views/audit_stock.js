/* global view, fct_stock_daily -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit_stock`, {
    description: `Row-level stock lineage for auditors: each closing count and the batch it came from`,
    cubes: [
      {
        join_path: fct_stock_daily,
        includes: visible([
          `stock_daily_key`,
          `stock_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `is_latest`,
          `batch_id`,
          `batch_received_at`,
          `stock_on_hand`,
          `demand_per_day`,
          `days_of_cover`,
          `row_count`,
        ]),
      },
      { join_path: fct_stock_daily.dim_coop, includes: [`coop_name_ar`, `coop_name_en`, `vendor`] },
      { join_path: fct_stock_daily.dim_site, includes: [`site_name_ar`, `site_name_en`, `site_type`] },
      { join_path: fct_stock_daily.dim_product, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });
}
