/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// The linkage board (marts.fct_linkage_status): for each co-op and expected feed, whether it
// is linked, its last batch, how many days late, and how much of what it sent was refused.
cube(`fct_linkage_status`, {
  sql_table: `marts.fct_linkage_status`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    linkage_status_key: { sql: `linkage_status_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    feed: { sql: `feed`, type: `string` },
    is_linked: { sql: `is_linked`, type: `boolean` },
    last_batch_id: { sql: `last_batch_id`, type: `string` },
    last_batch_status: { sql: `last_batch_status`, type: `string` },
    late_days: {
      sql: `late_days`,
      type: `number`,
      description: `Days between the co-op's last business day and the newest any co-op sent; null = never sent`,
    },
    linked_since: { sql: kuwaitDay(`${CUBE}.linked_since`), type: `time` },
    last_business_date: { sql: kuwaitDay(`${CUBE}.last_business_date`), type: `time` },
    last_received_at: { sql: `last_received_at`, type: `time` },
  },
  measures: {
    coop_feeds: { type: `count`, format: `number` },
    linked_count: { sql: `CASE WHEN ${CUBE}.is_linked THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    late_count: { sql: `CASE WHEN ${CUBE}.late_days > 0 THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    max_late_days: { sql: `late_days`, type: `max`, format: `number` },
    batches_received: { sql: `batches_received`, type: `sum`, format: `number` },
    batches_rejected: { sql: `batches_rejected`, type: `sum`, format: `number` },
    batches_superseded: { sql: `batches_superseded`, type: `sum`, format: `number` },
    rows_in: { sql: `rows_in`, type: `sum`, format: `number` },
    rows_landed: { sql: `rows_landed`, type: `sum`, format: `number` },
    rows_quarantined: { sql: `rows_quarantined`, type: `sum`, format: `number` },
    // Ratio of sums, so it stays right for a co-op's feeds together or the nation.
    quarantine_share: {
      sql: `100.0 * ${CUBE.rows_quarantined} / NULLIF(${CUBE.rows_in}, 0)`,
      type: `number`,
      format: `percent`,
    },
  },
});
