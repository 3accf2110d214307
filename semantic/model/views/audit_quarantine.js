/* global view, fct_quarantined_rows -- Cube model globals: the compiler provides them */
import { compilesRowLevelViews, visible } from './shared/roles';

// Auditors only: compiled into no other role's model, so for them it does not exist.
if (compilesRowLevelViews) {
  view(`audit_quarantine`, {
    description: `Rows ingestion refused, for auditors: row number in the file, reason and the raw text as sent`,
    cubes: [
      {
        join_path: fct_quarantined_rows,
        // raw_text is what the co-op sent, personal data included (an aid payment's civil ID):
        // personal, so it stays auditor-only even if this view were ever compiled for others.
        includes: visible(
          [
            `quarantined_row_key`,
            `batch_id`,
            `source_row`,
            `coop_id`,
            `feed`,
            `file_name`,
            `business_date`,
            `ingested_at`,
            `reason_code`,
            `reason_detail`,
            `row_count`,
          ],
          [`raw_text`],
        ),
      },
    ],
  });
}
