/* global cube, CUBE, dim_coop, dim_date, dim_governorate, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay, kuwaitWallClock } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Sales per Kuwait wall-clock hour, site and product (marts.fct_sales_hourly): the hour-of-day
// and weekday patterns, and the Ramadan evening shift.
cube(`fct_sales_hourly`, {
  sql_table: `marts.fct_sales_hourly`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
    dim_date: { relationship: `many_to_one`, sql: `${CUBE}.business_date = ${dim_date}.date_day` },
  },
  dimensions: {
    sales_hourly_key: { sql: `sales_hourly_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    hour_of_day: { sql: `hour_of_day`, type: `number` },
    // sale_hour is a Kuwait wall-clock hour; as an instant it is 3 hours earlier (fixed +03:00).
    sale_hour: { sql: kuwaitWallClock(`${CUBE}.sale_hour`), type: `time` },
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
  },
  // Hour-of-day profiles by category and governorate per day, with the calendar flags.
  pre_aggregations: {
    by_hour_category_governorate: {
      type: `rollup`,
      external: false,
      measures: [CUBE.quantity, CUBE.net_amount_kwd, CUBE.receipt_count],
      dimensions: [
        CUBE.hour_of_day,
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
      ],
      time_dimension: CUBE.business_date,
      granularity: `day`,
      refresh_key: PUBLICATION_REFRESH_KEY,
    },
  },
});
