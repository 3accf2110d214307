/* global cube, CUBE, dim_category, dim_governorate -- Cube model globals: the compiler provides them */
import { kuwaitWallClock } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Panic-buying surge alerts per governorate and category from the newest scoring run
// (marts.fct_surge_alerts).
cube(`fct_surge_alerts`, {
  sql_table: `marts.fct_surge_alerts`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
    dim_category: { relationship: `many_to_one`, sql: `${CUBE}.category_id = ${dim_category}.category_id` },
  },
  dimensions: {
    alert_id: { sql: `alert_id`, type: `string`, primary_key: true, public: true },
    governorate_id: { sql: `governorate_id`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    status: { sql: `status`, type: `string` },
    severity: {
      sql: `severity`,
      type: `string`,
      description: `watch, warning or critical, from the last 24 h sold over expected`,
    },
    peak_severity: { sql: `peak_severity`, type: `string` },
    is_open: { sql: `is_open`, type: `boolean` },
    top_product_ids: { sql: `top_product_ids`, type: `string` },
    since_at: { sql: kuwaitWallClock(`${CUBE}.since_at`), type: `time` },
    opened_at: { sql: kuwaitWallClock(`${CUBE}.opened_at`), type: `time` },
    last_at: { sql: kuwaitWallClock(`${CUBE}.last_at`), type: `time` },
    closed_at: { sql: kuwaitWallClock(`${CUBE}.closed_at`), type: `time` },
    expected_stockout_at: { sql: kuwaitWallClock(`${CUBE}.expected_stockout_at`), type: `time` },
    generated_at: { sql: `generated_at`, type: `time` },
  },
  measures: {
    alert_count: { type: `count`, format: `number` },
    open_count: { sql: `CASE WHEN ${CUBE}.is_open THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    ratio: { sql: `ratio`, type: `max`, format: `number`, meta: { number_format: ',.1f' } },
    peak_ratio: { sql: `peak_ratio`, type: `max`, format: `number`, meta: { number_format: ',.1f' } },
    excess_units: { sql: `excess_units`, type: `sum`, format: `number`, meta: { number_format: ',.0f' } },
    coops_affected: { sql: `coops_affected`, type: `max`, format: `number` },
    coops_total: { sql: `coops_total`, type: `max`, format: `number` },
    stock_on_hand: { sql: `stock_on_hand`, type: `sum`, format: `number`, meta: { number_format: ',.0f' } },
    hours_to_stockout: { sql: `hours_to_stockout`, type: `min`, format: `number`, meta: { number_format: ',.0f' } },
  },
});
