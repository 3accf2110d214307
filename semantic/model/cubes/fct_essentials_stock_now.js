/* global cube, CUBE, dim_coop, dim_governorate, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Each site's latest count of each essential product, with its cover band and staleness
// (marts.fct_essentials_stock_now): the crisis room's "how many branches are out of rice".
cube(`fct_essentials_stock_now`, {
  sql_table: `marts.fct_essentials_stock_now`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    essentials_stock_key: { sql: `essentials_stock_key`, type: `string`, primary_key: true, public: true },
    governorate_id: { sql: `governorate_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    site_type: { sql: `site_type`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    cover_band: {
      sql: `cover_band`,
      type: `string`,
      description: `out, critical, low, ok, or unknown (no demand to cover)`,
    },
    is_stale: { sql: `is_stale`, type: `boolean` },
    days_since_count: { sql: `days_since_count`, type: `number` },
    batch_id: { sql: `batch_id`, type: `string` },
    stock_date: { sql: kuwaitDay(`${CUBE}.stock_date`), type: `time` },
    as_of_date: { sql: kuwaitDay(`${CUBE}.as_of_date`), type: `time` },
  },
  measures: {
    stock_on_hand: { sql: `stock_on_hand`, type: `sum`, format: `number`, meta: { number_format: ',.0f' } },
    demand_per_day: { sql: `demand_per_day`, type: `sum`, format: `number`, meta: { number_format: ',.1f' } },
    days_of_cover: {
      sql: `${CUBE.stock_on_hand} / NULLIF(${CUBE.demand_per_day}, 0)`,
      type: `number`,
      format: `number`,
      meta: { number_format: ',.1f' },
    },
    site_products: { type: `count`, format: `number` },
    out_count: { sql: `CASE WHEN ${CUBE}.cover_band = 'out' THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    critical_count: {
      sql: `CASE WHEN ${CUBE}.cover_band = 'critical' THEN 1 ELSE 0 END`,
      type: `sum`,
      format: `number`,
    },
    low_count: { sql: `CASE WHEN ${CUBE}.cover_band = 'low' THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    // Out, critical or low: every site-product with under a week of cover (or none on the shelf).
    low_cover_count: {
      sql: `CASE WHEN ${CUBE}.cover_band IN ('out', 'critical', 'low') THEN 1 ELSE 0 END`,
      type: `sum`,
      format: `number`,
    },
    // A ratio of sums, so it holds for a co-op, a governorate or the nation.
    low_cover_share: {
      sql: `100.0 * ${CUBE.low_cover_count} / NULLIF(${CUBE.site_products}, 0)`,
      type: `number`,
      format: `percent`,
      meta: { number_format: ',.1f' },
    },
    stale_count: { sql: `CASE WHEN ${CUBE}.is_stale THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
  },
  // The crisis room's queries are answered from this (built in the in-memory DuckDB the driver
  // keeps beside the attached warehouse, rebuilt when a publish changes the refresh key): the
  // nation, governorate and co-op drill, the essentials list and "data as of". Names ride along
  // with ids (they depend on them), so the rollup stays as small as the ids make it; the drill to
  // a co-op's sites reads the mart, one row per site and essential product.
  pre_aggregations: {
    now_by_coop_product: {
      type: `rollup`,
      external: false,
      measures: [
        CUBE.stock_on_hand,
        CUBE.demand_per_day,
        CUBE.site_products,
        CUBE.out_count,
        CUBE.critical_count,
        CUBE.low_count,
        CUBE.low_cover_count,
        CUBE.stale_count,
      ],
      dimensions: [
        dim_governorate.governorate_id,
        dim_governorate.governorate_name_ar,
        dim_governorate.governorate_name_en,
        CUBE.coop_id,
        dim_coop.coop_name_ar,
        dim_coop.coop_name_en,
        CUBE.product_id,
        dim_product.product_name_ar,
        dim_product.product_name_en,
        CUBE.category_id,
        dim_product.category_name_ar,
        dim_product.category_name_en,
        CUBE.cover_band,
        CUBE.is_stale,
      ],
      time_dimension: CUBE.stock_date,
      granularity: `day`,
      refresh_key: PUBLICATION_REFRESH_KEY,
    },
  },
});
