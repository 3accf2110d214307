/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// The batch ledger (marts.fct_batches: one row per file a co-op sent, landed, superseded or
// rejected) for the auditors' drill from a co-op's business day to the files behind it.
cube(`fct_batches`, {
  sql_table: `marts.fct_batches`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    batch_id: { sql: `batch_id`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    feed: { sql: `feed`, type: `string` },
    vendor: { sql: `vendor`, type: `string` },
    file_name: { sql: `file_name`, type: `string` },
    checksum_sha256: { sql: `checksum_sha256`, type: `string` },
    status: { sql: `status`, type: `string`, description: `As the ledger has it (landed or rejected)` },
    batch_status: {
      sql: `batch_status`,
      type: `string`,
      description: `landed (counts), superseded (replaced whole by a resend or correction) or rejected`,
    },
    reject_code: {
      sql: `reject_code`,
      type: `string`,
      description: `Why a rejected file was refused whole, as a code (bad_encoding, unrecognised_header…)`,
    },
    reject_reason: { sql: `reject_reason`, type: `string`, description: `The code and the detail ingestion gave` },
    is_current: { sql: `is_current`, type: `boolean` },
    supersedes_batch_id: { sql: `supersedes_batch_id`, type: `string` },
    superseded_by_batch_id: { sql: `superseded_by_batch_id`, type: `string` },
    // Row counts are per batch: as dimensions they read as the ledger has them, beside the file.
    rows_in: { sql: `rows_in`, type: `number` },
    rows_landed: { sql: `rows_landed`, type: `number` },
    rows_quarantined: { sql: `rows_quarantined`, type: `number` },
    business_date: { sql: kuwaitDay(`${CUBE}.business_date`), type: `time` },
    received_at: { sql: `received_at`, type: `time` },
  },
  measures: {
    batch_count: { type: `count`, format: `number` },
    total_rows_in: { sql: `rows_in`, type: `sum`, format: `number` },
    total_rows_landed: { sql: `rows_landed`, type: `sum`, format: `number` },
    total_rows_quarantined: { sql: `rows_quarantined`, type: `sum`, format: `number` },
  },
});
