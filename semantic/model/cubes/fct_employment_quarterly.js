/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Quarter-end employment per co-op with the Kuwaiti ratio as the ministry counts it
// (marts.fct_employment_quarterly), for the controllers. Counts only, no employee identities.
cube(`fct_employment_quarterly`, {
  sql_table: `marts.fct_employment_quarterly`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    employment_key: { sql: `employment_key`, type: `string`, primary_key: true, public: true },
    coop_id: { sql: `coop_id`, type: `string` },
    snapshot_date: { sql: kuwaitDay(`${CUBE}.snapshot_date`), type: `time` },
  },
  measures: {
    employees: { sql: `employees`, type: `sum`, format: `number` },
    kuwaiti_employees: { sql: `kuwaiti_employees`, type: `sum`, format: `number` },
    supervisory_employees: { sql: `supervisory_employees`, type: `sum`, format: `number` },
    counted_employees: { sql: `counted_employees`, type: `sum`, format: `number` },
    counted_kuwaiti_employees: { sql: `counted_kuwaiti_employees`, type: `sum`, format: `number` },
    // Supervisory jobs excluded, as the ministry counts it; a ratio of sums, so it holds for
    // a governorate or the nation too.
    kuwaiti_ratio: {
      sql: `100.0 * ${CUBE.counted_kuwaiti_employees} / NULLIF(${CUBE.counted_employees}, 0)`,
      type: `number`,
      format: `percent`,
    },
    monthly_payroll_kwd: {
      sql: `monthly_payroll_kwd`,
      type: `sum`,
      format: `currency`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
  },
});
