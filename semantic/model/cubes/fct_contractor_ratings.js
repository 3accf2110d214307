/* global cube, CUBE, dim_coop -- Cube model globals: the compiler provides them */
import { kuwaitDay } from './shared/kuwait-time';
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Service contracts (IT, air-conditioning, civil works) and their performance rating per period
// (marts.fct_contractor_ratings: one row per contract and rating period).
cube(`fct_contractor_ratings`, {
  // A contract's value repeats on each of its rating rows; `is_latest_rating` marks one row per
  // contract so the value is summed once.
  sql: `
    SELECT *, row_number() OVER (PARTITION BY contract_id ORDER BY rating_period_end DESC, contract_rating_key) = 1
           AS is_latest_rating
    FROM marts.fct_contractor_ratings`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  joins: {
    dim_coop: { relationship: `many_to_one`, sql: `${CUBE}.coop_id = ${dim_coop}.coop_id` },
  },
  dimensions: {
    contract_rating_key: { sql: `contract_rating_key`, type: `string`, primary_key: true },
    contract_id: { sql: `contract_id`, type: `string` },
    coop_id: { sql: `coop_id`, type: `string` },
    contractor_id: { sql: `contractor_id`, type: `string` },
    contractor_name: { sql: `contractor_name`, type: `string` },
    category: { sql: `category`, type: `string` },
    rating: { sql: `rating`, type: `number` },
    is_poor: { sql: `is_poor`, type: `boolean`, description: `Rated 1 or 2` },
    batch_id: { sql: `batch_id`, type: `string` },
    start_date: { sql: kuwaitDay(`${CUBE}.start_date`), type: `time` },
    end_date: { sql: kuwaitDay(`${CUBE}.end_date`), type: `time` },
    rating_period_end: { sql: kuwaitDay(`${CUBE}.rating_period_end`), type: `time` },
  },
  measures: {
    contract_count: { sql: `contract_id`, type: `count_distinct`, format: `number` },
    rating_count: { type: `count`, format: `number` },
    avg_rating: { sql: `rating`, type: `avg`, format: `number`, meta: { number_format: ',.2f' } },
    poor_rating_count: { sql: `CASE WHEN ${CUBE}.is_poor THEN 1 ELSE 0 END`, type: `sum`, format: `number` },
    poor_share: {
      sql: `100.0 * ${CUBE.poor_rating_count} / NULLIF(${CUBE.rating_count}, 0)`,
      type: `number`,
      format: `percent`,
      meta: { number_format: ',.1f' },
    },
    contract_value_kwd: {
      sql: `CASE WHEN ${CUBE}.is_latest_rating THEN ${CUBE}.value_kwd END`,
      type: `sum`,
      format: `currency`,
      description: `Each contract's value once (on its latest rating row)`,
      meta: { currency: 'KWD', number_format: ',.3f' },
    },
  },
});
