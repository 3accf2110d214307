/* global cube, CUBE, dim_category, dim_governorate -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Daily forecasts of essentials per governorate and category, with their interval
// (marts.fct_region_forecast).
cube(`fct_region_forecast`, {
  sql_table: `marts.fct_region_forecast`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
    dim_category: { relationship: `many_to_one`, sql: `${CUBE}.category_id = ${dim_category}.category_id` },
  },
  dimensions: {
    region_forecast_key: { sql: `region_forecast_key`, type: `string`, primary_key: true, public: true },
    series_id: { sql: `series_id`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    model: { sql: `model`, type: `string` },
    level: { sql: `level`, type: `number`, format: `percent` },
    ds: { sql: kuwaitDay(`${CUBE}.ds`), type: `time` },
    generated_at: { sql: `generated_at`, type: `time` },
  },
  measures: {
    yhat: { sql: `yhat`, type: `sum`, format: `number` },
    yhat_lower: { sql: `yhat_lower`, type: `sum`, format: `number` },
    yhat_upper: { sql: `yhat_upper`, type: `sum`, format: `number` },
  },
});
