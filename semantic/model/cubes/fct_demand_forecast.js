/* global cube, CUBE, dim_coop, dim_product, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Demand forecasts per series (site x product), model and day, with their interval.
cube(`fct_demand_forecast`, {
  sql_table: `marts.fct_demand_forecast`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_product: { relationship: `many_to_one`, sql: `${CUBE}.product_id = ${dim_product}.product_id` },
  },
  dimensions: {
    forecast_key: { sql: `forecast_key`, type: `string`, primary_key: true, public: true },
    series_id: { sql: `series_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    product_id: { sql: `product_id`, type: `string` },
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
