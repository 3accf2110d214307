/* global cube, CUBE, dim_coop, dim_gl_account -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// General-ledger lines of the current finance batches (marts.fct_gl_lines: one row per ledger line).
// `counterparty` may be an employee id (refunds at the till), so it reaches only the auditor's
// views (`visible()` in model/shared/roles.js).
cube(`fct_gl_lines`, {
  sql_table: `marts.fct_gl_lines`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
    dim_gl_account: { relationship: `many_to_one`, sql: `${CUBE}.account_code = ${dim_gl_account}.account_code` },
  },
  dimensions: {
    gl_line_key: { sql: `gl_line_key`, type: `string`, primary_key: true, public: true },
    entry_id: { sql: `entry_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    account_code: { sql: `account_code`, type: `string` },
    account_type: { sql: `account_type`, type: `string` },
    statement_line: { sql: `statement_line`, type: `string` },
    cost_center: { sql: `cost_center`, type: `string` },
    document_no: { sql: `document_no`, type: `string` },
    counterparty: {
      sql: `counterparty`,
      type: `string`,
      description: `Supplier, contract or employee id (personal data; auditors only)`,
    },
    description: { sql: `description`, type: `string` },
    batch_id: { sql: `batch_id`, type: `string` },
    source_row: { sql: `source_row`, type: `number` },
    batch_received_at: { sql: `batch_received_at`, type: `time` },
    entry_date: { sql: kuwaitDay(`${CUBE}.entry_date`), type: `time` },
    entry_month: { sql: kuwaitDay(`${CUBE}.entry_month`), type: `time` },
  },
  measures: {
    debit_kwd: { sql: `debit_kwd`, type: `sum`, format: `currency`, meta: { currency: 'KWD', number_format: ',.3f' } },
    credit_kwd: {
      sql: `credit_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    amount_kwd: {
      sql: `amount_kwd`,
      type: `sum`,
      format: `currency`,
      description: `Signed as statements read it (credit - debit for revenue, liability, equity)`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    line_count: { type: `count`, format: `number` },
  },
});
