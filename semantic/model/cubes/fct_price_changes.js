/* global cube, CUBE, dim_coop, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Shelf price changes with the price before and how long each held (marts.fct_price_changes: one
// row per site, product and effective day), with the batch each came from.
cube(`fct_price_changes`, {
  sql_table: `marts.fct_price_changes`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    price_change_key: { sql: `price_change_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    reason: { sql: `reason`, type: `string` },
    is_current: { sql: `is_current`, type: `boolean` },
    price_kwd: { sql: `price_kwd`, type: `number`, meta: { currency: 'KWD', number_format: ',.3f' } },
    previous_price_kwd: { sql: `previous_price_kwd`, type: `number`, meta: { currency: 'KWD', number_format: ',.3f' } },
    change_kwd: { sql: `change_kwd`, type: `number`, meta: { currency: 'KWD', number_format: ',.3f' } },
    // In percent, like every share the views show.
    change_share: { sql: `100.0 * ${CUBE}.change_share`, type: `number`, meta: { number_format: ',.1f' } },
    batch_id: { sql: `batch_id`, type: `string` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    effective_date: { sql: kuwaitDay(`${CUBE}.effective_date`), type: `time` },
    valid_until: { sql: kuwaitDay(`${CUBE}.valid_until`), type: `time` },
  },
  measures: {
    change_count: { type: `count`, format: `number` },
    increase_count: { sql: `CASE WHEN ${CUBE}.change_kwd > 0 THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    avg_price_kwd: {
      sql: `price_kwd`,
      type: `avg`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    avg_change_share: {
      sql: `100.0 * ${CUBE}.change_share`,
      type: `avg`,
      format: `percent`,
      meta: { number_format: ',.1f' },
    },
    max_change_share: {
      sql: `100.0 * ${CUBE}.change_share`,
      type: `max`,
      format: `percent`,
      meta: { number_format: ',.1f' },
    },
  },
});
