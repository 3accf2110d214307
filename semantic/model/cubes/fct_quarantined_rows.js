/* global cube, CUBE -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Rows ingestion refused (marts.fct_quarantined_rows: one row per batch and source row), with
// the raw text as the co-op sent it. raw_text can carry personal data (an aid payment's civil
// ID): the only view over this cube is compiled for auditors only (model/views/audit_quarantine.js).
cube(`fct_quarantined_rows`, {
  sql_table: `marts.fct_quarantined_rows`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    quarantined_row_key: { sql: `quarantined_row_key`, type: `string`, primary_key: true, public: true },
    batch_id: { sql: `batch_id`, type: `string` },
    source_row: { sql: `source_row`, type: `number`, description: `Row number in the file as sent` },
    coop_id: { sql: `coop_id`, type: `string` },
    feed: { sql: `feed`, type: `string` },
    file_name: { sql: `file_name`, type: `string` },
    reason_code: { sql: `reason_code`, type: `string` },
    reason_detail: { sql: `reason_detail`, type: `string` },
    raw_text: { sql: `raw_text`, type: `string` },
    business_date: { sql: kuwaitDay(`${CUBE}.business_date`), type: `time` },
    ingested_at: { sql: `ingested_at`, type: `time` },
  },
  measures: {
    row_count: { type: `count`, format: `number` },
  },
});
