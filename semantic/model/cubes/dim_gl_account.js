/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// The chart of accounts (marts.dim_gl_account), for the ledger's account names.
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
