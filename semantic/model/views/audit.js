/* global view, fct_sales_daily -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit`, {
    description: `Row-level sales lineage for auditors: every figure down to its mart row and its batches`,
    cubes: [
      {
        join_path: fct_sales_daily,
        includes: visible([
          `sales_daily_key`,
          `business_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `batch_count`,
          `batch_received_at`,
          `quantity`,
          `net_amount_kwd`,
          `receipt_count`,
          `row_count`,
        ]),
      },
      { join_path: fct_sales_daily.dim_coop, includes: [`coop_name_ar`, `coop_name_en`, `vendor`] },
      { join_path: fct_sales_daily.dim_site, includes: [`site_name_ar`, `site_name_en`, `site_type`] },
      { join_path: fct_sales_daily.dim_product, includes: [`product_name_ar`, `product_name_en`, `unit_price_kwd`] },
    ],
  });
}
