/* global view, fct_deliveries -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit_deliveries`, {
    description: `Supplier delivery lines for auditors: each line, its invoice and the batch it came from`,
    cubes: [
      {
        join_path: fct_deliveries,
        includes: visible([
          `delivery_line_key`,
          `delivery_id`,
          `invoice_no`,
          `delivery_date`,
          `coop_id`,
          `site_id`,
          `supplier_id`,
          `product_id`,
          `batch_id`,
          `batch_received_at`,
          `quantity`,
          `line_value_kwd`,
          `avg_unit_cost_kwd`,
          `line_count`,
          `delivery_count`,
        ]),
      },
      { join_path: fct_deliveries.dim_coop, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: fct_deliveries.dim_site, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: fct_deliveries.dim_product, includes: [`product_name_ar`, `product_name_en`] },
      { join_path: fct_deliveries.dim_supplier, includes: [`supplier_name_ar`, `supplier_name_en`] },
    ],
  });
}
