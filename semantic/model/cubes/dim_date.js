/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// The Kuwaiti calendar: weekends (Fri/Sat), Hijri dates, Ramadan, Eid and public holidays.
cube(`dim_date`, {
  sql_table: `marts.dim_date`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    date_day: { sql: `date_day`, type: `string`, primary_key: true, public: true },
    day_of_week: { sql: `day_of_week`, type: `number` },
    is_weekend: { sql: `is_weekend`, type: `boolean` },
    hijri_year: { sql: `hijri_year`, type: `number` },
    hijri_month: { sql: `hijri_month`, type: `number` },
    is_ramadan: { sql: `is_ramadan`, type: `boolean` },
    is_eid: { sql: `is_eid`, type: `boolean` },
    is_public_holiday: { sql: `is_public_holiday`, type: `boolean` },
    is_working_day: { sql: `is_working_day`, type: `boolean` },
  },
});
