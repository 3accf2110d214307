/* global cube, CUBE, dim_coop, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Electronic stocktake: counted against the books, valued at unit cost (negative = shrinkage)
// (marts.fct_stocktake_variance: one row per site, product and count day), with its batch.
cube(`fct_stocktake_variance`, {
  sql_table: `marts.fct_stocktake_variance`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    stocktake_line_key: { sql: `stocktake_line_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    batch_id: { sql: `batch_id`, type: `string` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    count_date: { sql: kuwaitDay(`${CUBE}.count_date`), type: `time` },
  },
  measures: {
    book_qty: { sql: `book_qty`, type: `sum`, format: `number` },
    counted_qty: { sql: `counted_qty`, type: `sum`, format: `number` },
    variance_qty: { sql: `variance_qty`, type: `sum`, format: `number` },
    variance_value_kwd: {
      sql: `variance_value_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    shrinkage_value_kwd: {
      sql: `LEAST(${CUBE}.variance_value_kwd, 0)`,
      type: `sum`,
      format: `currency`,
      description: `Negative variances only (stock missing against the books)`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    // A ratio of sums, so it holds for a site, a co-op or the nation.
    variance_share: {
      sql: `100.0 * ${CUBE.variance_qty} / NULLIF(${CUBE.book_qty}, 0)`,
      type: `number`,
      format: `percent`,
      meta: { number_format: ',.2f' },
    },
    line_count: { type: `count`, format: `number` },
  },
});
