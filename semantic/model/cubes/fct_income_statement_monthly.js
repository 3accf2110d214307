/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Monthly income statement per co-op (marts.fct_income_statement_monthly), for the controllers.
cube(`fct_income_statement_monthly`, {
  sql_table: `marts.fct_income_statement_monthly`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    income_statement_key: { sql: `income_statement_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    // The month's first day.
    entry_month: { sql: kuwaitDay(`${CUBE}.entry_month`), type: `time` },
  },
  measures: {
    net_sales_kwd: {
      sql: `net_sales_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    sales_returns_kwd: {
      sql: `sales_returns_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    cost_of_sales_kwd: {
      sql: `cost_of_sales_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    gross_profit_kwd: {
      sql: `gross_profit_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    salaries_kwd: {
      sql: `salaries_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    contractor_services_kwd: {
      sql: `contractor_services_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    shrinkage_kwd: {
      sql: `shrinkage_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    social_aid_kwd: {
      sql: `social_aid_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    operating_result_kwd: {
      sql: `operating_result_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    gross_margin: {
      sql: `100.0 * ${CUBE.gross_profit_kwd} / NULLIF(${CUBE.net_sales_kwd}, 0)`,
      type: `number`,
      format: `percent`,
    },
  },
});
