/* global cube, CUBE, dim_coop, dim_date, dim_governorate, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Daily sales per site and product; amounts in KWD with 3 decimals (fils).
cube(`fct_sales_daily`, {
  sql_table: `marts.fct_sales_daily`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
    dim_date: { relationship: `many_to_one`, sql: `${CUBE}.business_date = ${dim_date}.date_day` },
  },
  dimensions: {
    sales_daily_key: { sql: `sales_daily_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    // Lineage: a day sums many hourly batches; the auditors see how many and the newest.
    batch_count: { sql: `batch_count`, type: `number` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    business_date: { sql: kuwaitDay(`${CUBE}.business_date`), type: `time` },
  },
  measures: {
    quantity: { sql: `quantity`, type: `sum`, format: `number`, meta: { number_format: ',.3f' } },
    net_amount_kwd: {
      sql: `net_amount_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    receipt_count: { sql: `receipt_count`, type: `sum`, format: `number` },
    row_count: { type: `count`, format: `number` },
  },
  // The consumption explorer's trends are answered from these (see fct_essentials_stock_now.js). Calendar
  // flags and names depend on the day and the ids, so they add no rows.
  pre_aggregations: {
    // National and regional trends (a tenth of the co-op rollup's rows); Cube takes the first
    // rollup that fits, so the smallest comes first.
    daily_by_category_governorate: {
      type: `rollup`,
      external: false,
      measures: [CUBE.quantity, CUBE.net_amount_kwd, CUBE.receipt_count, CUBE.row_count],
      dimensions: [
        dim_governorate.governorate_id,
        dim_governorate.governorate_name_ar,
        dim_governorate.governorate_name_en,
        dim_product.category_name_ar,
        dim_product.category_name_en,
        dim_product.is_essential,
        dim_date.day_of_week,
        dim_date.is_weekend,
        dim_date.is_ramadan,
        dim_date.is_eid,
        dim_date.is_public_holiday,
        dim_date.hijri_month,
      ],
      time_dimension: CUBE.business_date,
      granularity: `day`,
      refresh_key: PUBLICATION_REFRESH_KEY,
    },
    // A board's trends (its co-op filter needs coop_id).
    daily_by_coop_category: {
      type: `rollup`,
      external: false,
      measures: [CUBE.quantity, CUBE.net_amount_kwd, CUBE.receipt_count, CUBE.row_count],
      dimensions: [
        CUBE.coop_id,
        dim_coop.coop_name_ar,
        dim_coop.coop_name_en,
        dim_governorate.governorate_id,
        dim_governorate.governorate_name_ar,
        dim_governorate.governorate_name_en,
        dim_product.category_name_ar,
        dim_product.category_name_en,
        dim_product.is_essential,
        dim_date.day_of_week,
        dim_date.is_weekend,
        dim_date.is_ramadan,
        dim_date.is_eid,
        dim_date.is_public_holiday,
        dim_date.hijri_month,
      ],
      time_dimension: CUBE.business_date,
      granularity: `day`,
      refresh_key: PUBLICATION_REFRESH_KEY,
    },
    daily_by_product_governorate: {
      type: `rollup`,
      external: false,
      measures: [CUBE.quantity, CUBE.net_amount_kwd, CUBE.receipt_count, CUBE.row_count],
      dimensions: [
        CUBE.product_id,
        dim_product.product_name_ar,
        dim_product.product_name_en,
        dim_product.category_name_ar,
        dim_product.category_name_en,
        dim_product.is_essential,
        dim_governorate.governorate_id,
        dim_governorate.governorate_name_ar,
        dim_governorate.governorate_name_en,
        dim_date.day_of_week,
        dim_date.is_weekend,
        dim_date.is_ramadan,
        dim_date.is_eid,
        dim_date.is_public_holiday,
        dim_date.hijri_month,
      ],
      time_dimension: CUBE.business_date,
      granularity: `day`,
      refresh_key: PUBLICATION_REFRESH_KEY,
    },
  },
});
