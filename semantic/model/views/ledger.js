/* global view, fct_gl_lines -- Cube model globals: the compiler provides them */
import { visible } from './shared/roles';

// General-ledger lines (controllers, leadership, auditors; a board its own co-op). A line's
// counterparty may be an employee id (refunds at the till): personal data, so only the auditor's
// model has it.
const COOP_NAMES = [`coop_name_ar`, `coop_name_en`];
const GOVERNORATE_NAMES = [`governorate_id`, `governorate_name_ar`, `governorate_name_en`];

view(`ledger`, {
  description: `General-ledger lines per co-op, account and month, down to the batch and source row`,
  cubes: [
    {
      join_path: fct_gl_lines,
      includes: visible(
        [
          `gl_line_key`,
          `entry_id`,
          `coop_id`,
          `account_code`,
          `account_type`,
          `statement_line`,
          `cost_center`,
          `document_no`,
          `description`,
          `batch_id`,
          `source_row`,
          `entry_date`,
          `entry_month`,
          `batch_received_at`,
          `debit_kwd`,
          `credit_kwd`,
          `amount_kwd`,
          `line_count`,
        ],
        [`counterparty`],
      ),
    },
    { join_path: fct_gl_lines.dim_gl_account, includes: [`account_name_ar`, `account_name_en`] },
    { join_path: fct_gl_lines.dim_coop, includes: COOP_NAMES },
    { join_path: fct_gl_lines.dim_coop.dim_governorate, includes: GOVERNORATE_NAMES },
  ],
});
