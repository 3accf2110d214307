/* global cube, CUBE, dim_coop, dim_governorate, dim_product -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Stock against the next 7 days' forecast demand (marts.fct_stock_cover_forecast), per selling
// site (cover_level = site) and per governorate (cover_level = governorate, no co-op or site).
cube(`fct_stock_cover_forecast`, {
  sql_table: `marts.fct_stock_cover_forecast`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    stock_cover_key: { sql: `stock_cover_key`, type: `string`, primary_key: true, public: true },
    cover_level: { sql: `cover_level`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    stock_date: { sql: kuwaitDay(`${CUBE}.stock_date`), type: `time` },
    expected_stockout_date: { sql: kuwaitDay(`${CUBE}.expected_stockout_date`), type: `time` },
  },
  measures: {
    stock_on_hand: { sql: `stock_on_hand`, type: `sum`, format: `number`, meta: { number_format: ',.0f' } },
    forecast_demand_per_day: { sql: `demand_per_day`, type: `sum`, format: `number`, meta: { number_format: ',.1f' } },
    days_of_cover: {
      sql: `${CUBE.stock_on_hand} / NULLIF(${CUBE.forecast_demand_per_day}, 0)`,
      type: `number`,
      format: `number`,
      meta: { number_format: ',.1f' },
    },
  },
});
