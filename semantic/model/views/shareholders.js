/* global view, fct_shareholder_register -- Cube model globals: the compiler provides them */
import { visible } from './shared/roles';

// The shareholder register (controllers, leadership, auditors; a board its own co-op). Civil IDs
// are personal data: only the auditor's model has them.
const COOP_NAMES = [`coop_name_ar`, `coop_name_en`];
const GOVERNORATE_NAMES = [`governorate_id`, `governorate_name_ar`, `governorate_name_en`];

view(`shareholders`, {
  description: `The current shareholder register: members, shares, dividends and transfers per co-op`,
  cubes: [
    {
      join_path: fct_shareholder_register,
      includes: visible(
        [
          `coop_id`,
          `area_id`,
          `is_member`,
          `transferred_from_coop_id`,
          `transferred_to_coop_id`,
          `member_since`,
          `last_exit_date`,
          `shareholder_count`,
          `member_count`,
          `former_member_count`,
          `shares`,
          `dividends_kwd`,
          `transferred_in_count`,
          `transferred_out_count`,
        ],
        [`civil_id`],
      ),
    },
    { join_path: fct_shareholder_register.dim_coop, includes: COOP_NAMES },
    { join_path: fct_shareholder_register.dim_coop.dim_governorate, includes: GOVERNORATE_NAMES },
  ],
});
