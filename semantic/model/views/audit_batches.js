/* global view, fct_batches -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  // The end of the drill: the files a co-op sent for a business day (every feed), landed,
  // superseded by a correction or rejected, and the rows ingestion refused in each.
  view(`audit_batches`, {
    description: `The batch ledger for auditors: file, vendor, received time, rows in / landed / quarantined and status of every batch`,
    cubes: [
      {
        join_path: fct_batches,
        includes: visible([
          `batch_id`,
          `coop_id`,
          `feed`,
          `vendor`,
          `file_name`,
          `checksum_sha256`,
          `business_date`,
          `received_at`,
          `rows_in`,
          `rows_landed`,
          `rows_quarantined`,
          `status`,
          `batch_status`,
          `reject_code`,
          `reject_reason`,
          `is_current`,
          `supersedes_batch_id`,
          `superseded_by_batch_id`,
          `batch_count`,
          `total_rows_in`,
          `total_rows_landed`,
          `total_rows_quarantined`,
        ]),
      },
      { join_path: fct_batches.dim_coop, includes: [`coop_name_ar`, `coop_name_en`] },
    ],
  });
}
