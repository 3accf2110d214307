/* global cube, CUBE, dim_coop, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Closing stock per site, product and day, with 28-day demand and days of cover from the marts
// (marts.fct_stock_daily), for the auditors' row-level drill. The crisis room reads "now" from
// fct_essentials_stock_now.
cube(`fct_stock_daily`, {
  sql_table: `marts.fct_stock_daily`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    stock_daily_key: { sql: `stock_daily_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    is_latest: { sql: `is_latest`, type: `boolean` },
    // Lineage, for the auditors' drill to the batch a figure came from.
    batch_id: { sql: `batch_id`, type: `string` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    stock_date: { sql: kuwaitDay(`${CUBE}.stock_date`), type: `time` },
  },
  measures: {
    stock_on_hand: { sql: `closing_qty`, type: `sum`, format: `number`, meta: { number_format: ',.0f' } },
    demand_per_day: { sql: `avg_daily_demand_28d`, type: `sum`, format: `number`, meta: { number_format: ',.1f' } },
    // Ratio of sums, so it stays right when rows are rolled up to a co-op or governorate.
    days_of_cover: {
      sql: `${CUBE.stock_on_hand} / NULLIF(${CUBE.demand_per_day}, 0)`,
      type: `number`,
      format: `number`,
      meta: { number_format: ',.1f' },
    },
    row_count: { type: `count`, format: `number` },
  },
});
