/* global cube, CUBE, dim_category, dim_governorate -- Cube model globals: the compiler provides them */
import { kuwaitWallClock } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// How each surge alert opened, escalated, eased and closed (marts.fct_surge_alert_events).
cube(`fct_surge_alert_events`, {
  sql_table: `marts.fct_surge_alert_events`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_governorate: { relationship: `many_to_one`, sql: `${CUBE}.governorate_id = ${dim_governorate}.governorate_id` },
    dim_category: { relationship: `many_to_one`, sql: `${CUBE}.category_id = ${dim_category}.category_id` },
  },
  dimensions: {
    alert_event_key: { sql: `alert_event_key`, type: `string`, primary_key: true, public: true },
    alert_id: { sql: `alert_id`, type: `string` },
    governorate_id: { sql: `governorate_id`, type: `string` },
    category_id: { sql: `category_id`, type: `string` },
    event: { sql: `event`, type: `string` },
    severity: { sql: `severity`, type: `string` },
    event_at: { sql: kuwaitWallClock(`${CUBE}.event_at`), type: `time` },
  },
  measures: {
    event_count: { type: `count`, format: `number` },
    ratio: { sql: `ratio`, type: `max`, format: `number`, meta: { number_format: ',.1f' } },
  },
});
