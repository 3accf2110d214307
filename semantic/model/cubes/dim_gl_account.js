/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// General-ledger lines of the current finance batches (marts.fct_gl_lines: one row per ledger line)
// and the chart of accounts (marts.dim_gl_account). `counterparty` may be an employee id (refunds
// at the till), so it reaches only the auditor's views (model/views/personal-data.js).
cube(`dim_gl_account`, {
  sql_table: `marts.dim_gl_account`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    account_code: { sql: `account_code`, type: `string`, primary_key: true, public: true },
    account_name_en: { sql: `account_name_en`, type: `string` },
    account_name_ar: { sql: `account_name_ar`, type: `string` },
  },
});
