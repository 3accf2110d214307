/* global cube, CUBE, dim_coop, dim_product, dim_site, dim_supplier -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Supplier deliveries at the co-ops' warehouses (marts.fct_deliveries: one row per delivery note
// and product), with the batch each line came from for the auditors' drill.
cube(`fct_deliveries`, {
  sql_table: `marts.fct_deliveries`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
    dim_supplier: { relationship: `many_to_one`, sql: `${CUBE}.supplier_id = ${dim_supplier}.supplier_id` },
  },
  dimensions: {
    delivery_line_key: { sql: `delivery_line_key`, type: `string`, primary_key: true, public: true },
    delivery_id: { sql: `delivery_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    supplier_id: { sql: `supplier_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    invoice_no: { sql: `invoice_no`, type: `string` },
    batch_id: { sql: `batch_id`, type: `string` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    delivery_date: { sql: kuwaitDay(`${CUBE}.delivery_date`), type: `time` },
  },
  measures: {
    quantity: { sql: `quantity`, type: `sum`, format: `number` },
    line_value_kwd: {
      sql: `line_value_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    avg_unit_cost_kwd: {
      sql: `unit_cost_kwd`,
      type: `avg`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    line_count: { type: `count`, format: `number` },
    delivery_count: { sql: `delivery_id`, type: `count_distinct`, format: `number` },
  },
});
