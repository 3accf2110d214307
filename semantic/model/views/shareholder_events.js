/* global view, fct_shareholder_register_events -- Cube model globals: the compiler provides them */
import { visible } from './shared/roles';

// Shareholders joining, leaving and transferring (controllers, leadership, auditors; a board its
// own co-op). Civil IDs are personal data: only the auditor's model has them.
const COOP_NAMES = [`coop_name_ar`, `coop_name_en`];
const GOVERNORATE_NAMES = [`governorate_id`, `governorate_name_ar`, `governorate_name_en`];

view(`shareholder_events`, {
  description: `Shareholders joining, leaving and transferring between co-ops, by day`,
  cubes: [
    {
      join_path: fct_shareholder_register_events,
      includes: visible([`coop_id`, `event_type`, `other_coop_id`, `event_date`, `event_count`], [`civil_id`]),
    },
    { join_path: fct_shareholder_register_events.dim_coop, includes: COOP_NAMES },
    { join_path: fct_shareholder_register_events.dim_coop.dim_governorate, includes: GOVERNORATE_NAMES },
  ],
});
