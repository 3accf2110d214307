/* global cube, CUBE, dim_coop, dim_governorate, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Auditor cases from the newest scoring run (marts.fct_anomalies), ranked, with the keys an
// auditor drills on: co-op, site, product and the days the case covers.
cube(`fct_anomalies`, {
  sql_table: `marts.fct_anomalies`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
  },
  dimensions: {
    anomaly_id: { sql: `anomaly_id`, type: `string`, primary_key: true, public: true },
    kind: { sql: `kind`, type: `string` },
    anomaly_rank: { sql: `anomaly_rank`, type: `number`, description: `1 = most anomalous` },
    coop_id: { sql: `coop_id`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
    detail: { sql: `detail`, type: `string` },
    score: { sql: `score`, type: `number` },
    observed: { sql: `observed`, type: `number` },
    expected: { sql: `expected`, type: `number` },
    days: { sql: `days`, type: `number` },
    start_date: { sql: kuwaitDay(`${CUBE}.start_date`), type: `time` },
    end_date: { sql: kuwaitDay(`${CUBE}.end_date`), type: `time` },
    generated_at: { sql: `generated_at`, type: `time` },
  },
  measures: {
    case_count: { type: `count`, format: `number` },
    value_at_stake_kwd: {
      sql: `value_at_stake_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    max_score: { sql: `score`, type: `max`, format: `number` },
  },
});
