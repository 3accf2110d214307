/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitWallClock } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Co-op requests to the ministry, where each stands and whether it is stalled
// (marts.fct_transactions), for the controllers.
cube(`fct_transactions`, {
  sql_table: `marts.fct_transactions`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    transaction_key: { sql: `transaction_key`, type: `string`, primary_key: true, public: true },
    transaction_id: { sql: `transaction_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    request_type: { sql: `request_type`, type: `string` },
    current_status: { sql: `current_status`, type: `string` },
    current_actor: { sql: `current_actor`, type: `string` },
    is_final: { sql: `is_final`, type: `boolean` },
    is_stalled: {
      sql: `is_stalled`,
      type: `boolean`,
      description: `Not final and more than 2 working days in its current status`,
    },
    working_days_in_status: { sql: `working_days_in_status`, type: `number` },
    working_days_open: { sql: `working_days_open`, type: `number` },
    times_returned: { sql: `times_returned`, type: `number` },
    submitted_at: { sql: kuwaitWallClock(`${CUBE}.submitted_at`), type: `time` },
    current_status_at: { sql: kuwaitWallClock(`${CUBE}.current_status_at`), type: `time` },
  },
  measures: {
    transaction_count: { type: `count`, format: `number` },
    open_count: { sql: `CASE WHEN NOT ${CUBE}.is_final THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    stalled_count: { sql: `CASE WHEN ${CUBE}.is_stalled THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    avg_working_days_open: { sql: `working_days_open`, type: `avg`, format: `number`, meta: { number_format: ',.1f' } },
    max_working_days_in_status: { sql: `working_days_in_status`, type: `max`, format: `number` },
  },
});
