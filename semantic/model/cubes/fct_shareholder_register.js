/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// The current shareholder register of every co-op (marts.fct_shareholder_register: one row per
// co-op and shareholder). Personal data: `civil_id` reaches only the auditor's views (`visible()`
// in model/shared/roles.js); the key hashed from it is in no view.
cube(`fct_shareholder_register`, {
  sql_table: `marts.fct_shareholder_register`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    shareholder_key: { sql: `shareholder_key`, type: `string`, primary_key: true },
    coop_id: { sql: `coop_id`, type: `string` },
    civil_id: { sql: `civil_id`, type: `string`, description: `Personal data (auditors only)` },
    area_id: { sql: `area_id`, type: `string`, description: `The area of the shareholder's address` },
    is_member: { sql: `is_member`, type: `boolean`, description: `Still holds shares` },
    transferred_from_coop_id: { sql: `transferred_from_coop_id`, type: `string` },
    transferred_to_coop_id: { sql: `transferred_to_coop_id`, type: `string` },
    member_since: { sql: kuwaitDay(`${CUBE}.member_since`), type: `time` },
    last_exit_date: { sql: kuwaitDay(`${CUBE}.last_exit_date`), type: `time` },
  },
  measures: {
    shareholder_count: { type: `count`, format: `number`, description: `Listed shareholders, members or not` },
    member_count: { sql: `CASE WHEN ${CUBE}.is_member THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    former_member_count: { sql: `CASE WHEN NOT ${CUBE}.is_member THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    shares: { sql: `shares`, type: `sum`, format: `number` },
    dividends_kwd: {
      sql: `dividends_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
    transferred_in_count: {
      sql: `CASE WHEN ${CUBE}.transferred_from_coop_id IS NOT NULL THEN 1 ELSE 0 END`,
      type: `sum`,
      format: `number`,
    },
    transferred_out_count: {
      sql: `CASE WHEN ${CUBE}.transferred_to_coop_id IS NOT NULL THEN 1 ELSE 0 END`,
      type: `sum`,
      format: `number`,
    },
  },
});
