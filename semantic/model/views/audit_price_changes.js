/* global view, fct_price_changes -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit_price_changes`, {
    description: `Shelf price changes for auditors: price before and after, reason, how long it held, and the batch`,
    cubes: [
      {
        join_path: fct_price_changes,
        includes: visible([
          `price_change_key`,
          `effective_date`,
          `valid_until`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `reason`,
          `is_current`,
          `price_kwd`,
          `previous_price_kwd`,
          `change_kwd`,
          `change_share`,
          `batch_id`,
          `batch_received_at`,
          `change_count`,
          `increase_count`,
          `avg_price_kwd`,
          `avg_change_share`,
          `max_change_share`,
        ]),
      },
      { join_path: fct_price_changes.dim_coop, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: fct_price_changes.dim_site, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: fct_price_changes.dim_product, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });
}
