/* global view, fct_anomalies -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`anomalies`, {
    description: `Auditor cases (price gouging, stopped or flat feeds, shrinkage...), ranked, with drill keys and value at stake`,
    cubes: [
      {
        join_path: fct_anomalies,
        includes: [
          `anomaly_id`,
          `kind`,
          `anomaly_rank`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `start_date`,
          `end_date`,
          `days`,
          `score`,
          `observed`,
          `expected`,
          `detail`,
          `generated_at`,
          `case_count`,
          `value_at_stake_kwd`,
          `max_score`,
        ],
      },
      {
        join_path: fct_anomalies.dim_governorate,
        includes: [`governorate_id`, `governorate_name_ar`, `governorate_name_en`],
      },
      { join_path: fct_anomalies.dim_coop, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: fct_anomalies.dim_site, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: fct_anomalies.dim_product, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });
}
