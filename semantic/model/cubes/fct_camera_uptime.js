/* global cube, CUBE, dim_coop, dim_site -- Cube model globals: the compiler provides them */
import { kuwaitWallClock } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Smart-monitoring uptime per camera point (marts.fct_camera_uptime: one row per camera, over the
// feed's span up to its newest event).
cube(`fct_camera_uptime`, {
  sql_table: `marts.fct_camera_uptime`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_site: { relationship: `many_to_one`, sql: `${CUBE}.site_id = ${dim_site}.site_id` },
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    camera_key: { sql: `camera_key`, type: `string`, primary_key: true },
    camera_id: { sql: `camera_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    site_id: { sql: `site_id`, type: `string` },
    location: { sql: `location`, type: `string` },
    current_status: { sql: `current_status`, type: `string` },
    first_event_at: { sql: kuwaitWallClock(`${CUBE}.first_event_at`), type: `time` },
    current_since: { sql: kuwaitWallClock(`${CUBE}.current_since`), type: `time` },
  },
  measures: {
    camera_count: { type: `count`, format: `number` },
    offline_now_count: {
      sql: `CASE WHEN ${CUBE}.current_status = 'offline' THEN 1 ELSE 0 END`,
      type: `sum`,
      format: `number`,
    },
    online_hours: { sql: `online_hours`, type: `sum`, format: `number`, meta: { number_format: ',.1f' } },
    offline_hours: { sql: `offline_hours`, type: `sum`, format: `number`, meta: { number_format: ',.1f' } },
    // A ratio of sums (hours), so it holds for a site, a co-op or the nation.
    uptime_share: {
      sql: `100.0 * ${CUBE.online_hours} / NULLIF(${CUBE.online_hours} + ${CUBE.offline_hours}, 0)`,
      type: `number`,
      format: `percent`,
      meta: { number_format: ',.1f' },
    },
    outages: { sql: `outages`, type: `sum`, format: `number` },
  },
});
