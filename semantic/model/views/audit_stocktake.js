/* global view, fct_stocktake_variance -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit_stocktake`, {
    description: `Stocktake count lines against the books for auditors, valued at cost, and the batch each came from`,
    cubes: [
      {
        join_path: fct_stocktake_variance,
        includes: visible([
          `stocktake_line_key`,
          `count_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `batch_id`,
          `batch_received_at`,
          `book_qty`,
          `counted_qty`,
          `variance_qty`,
          `variance_value_kwd`,
          `shrinkage_value_kwd`,
          `variance_share`,
          `line_count`,
        ]),
      },
      { join_path: fct_stocktake_variance.dim_coop, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: fct_stocktake_variance.dim_site, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: fct_stocktake_variance.dim_product, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });
}
