/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Entries and exits, derived from the shareholder register (marts.fct_shareholder_register):
// the register keeps each shareholder's first entry and latest exit, not every event, so this
// is what it can tell: one entry per shareholder (a transfer in when they came from another
// co-op), and an exit once they hold no shares (a transfer out when they moved to another).
cube(`fct_shareholder_register_events`, {
  sql: `
    SELECT shareholder_key || ':in' AS event_key, coop_id, civil_id,
           CASE WHEN transferred_from_coop_id IS NULL THEN 'joined' ELSE 'transferred_in' END AS event_type,
           transferred_from_coop_id AS other_coop_id, member_since AS event_date
    FROM marts.fct_shareholder_register WHERE member_since IS NOT NULL
    UNION ALL
    SELECT shareholder_key || ':out', coop_id, civil_id,
           CASE WHEN transferred_to_coop_id IS NULL THEN 'left' ELSE 'transferred_out' END,
           transferred_to_coop_id, last_exit_date
    FROM marts.fct_shareholder_register WHERE NOT is_member AND last_exit_date IS NOT NULL`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    event_key: { sql: `event_key`, type: `string`, primary_key: true },
    coop_id: { sql: `coop_id`, type: `string` },
    civil_id: { sql: `civil_id`, type: `string`, description: `Personal data (auditors only)` },
    event_type: { sql: `event_type`, type: `string` },
    other_coop_id: { sql: `other_coop_id`, type: `string`, description: `The co-op a transfer came from or went to` },
    event_date: { sql: kuwaitDay(`${CUBE}.event_date`), type: `time` },
  },
  measures: {
    event_count: { type: `count`, format: `number` },
  },
});
