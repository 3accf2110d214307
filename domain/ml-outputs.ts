/**
 * The tables the ML layer writes back into the lake (`lake/ml/<table>/part-<run>.parquet`),
 * declared once: ml/ writes the Parquet from these columns, dbt reads them as source
 * `ml.<table>` (staging `stg_ml__<table>`), and a test holds the source YAML to them.
 * Every file also carries `generated_at` (GENERATED_AT_COLUMN), added by the writer.
 */
export type MlColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

export interface MlColumn {
  readonly name: string;
  readonly type: MlColumnType;
}

const varchar = (...names: string[]): MlColumn[] => names.map((name) => ({ name, type: 'VARCHAR' }));
const double = (...names: string[]): MlColumn[] => names.map((name) => ({ name, type: 'DOUBLE' }));
const integer = (...names: string[]): MlColumn[] => names.map((name) => ({ name, type: 'INTEGER' }));
const date = (name: string): MlColumn => ({ name, type: 'DATE' });
const timestamp = (...names: string[]): MlColumn[] => names.map((name) => ({ name, type: 'TIMESTAMP' }));

/** A forecast's values after its keys and stamp: the model, the point forecast and its interval. */
const FORECAST_VALUES = [...varchar('model'), ...double('yhat', 'yhat_lower', 'yhat_upper', 'level')];
const BRANCH_KEYS = varchar('series_id', 'coop_id', 'site_id', 'product_id');
const REGION_KEYS = varchar('series_id', 'governorate_id', 'category_id');

export const ML_OUTPUTS = {
  demand_forecast: [...BRANCH_KEYS, date('ds'), ...FORECAST_VALUES],
  surge_alerts: [
    ...varchar('alert_id', 'governorate_id', 'category_id', 'status', 'severity', 'peak_severity'),
    ...timestamp('since_at', 'opened_at', 'last_at', 'closed_at'),
    ...double('ratio', 'peak_ratio', 'excess_units'),
    ...integer('coops_affected', 'coops_total'),
    ...varchar('top_product_ids'),
    ...double('stock_on_hand', 'hours_to_stockout'),
    ...timestamp('expected_stockout_at'),
  ],
  surge_alert_events: [
    ...varchar('alert_id', 'governorate_id', 'category_id'),
    ...timestamp('event_at'),
    ...varchar('event', 'severity'),
    ...double('ratio'),
  ],
  anomalies: [
    ...varchar('anomaly_id', 'kind'),
    ...integer('rank'),
    ...varchar('coop_id', 'governorate_id', 'site_id', 'product_id'),
    date('start_date'),
    date('end_date'),
    ...double('score', 'value_at_stake_kwd', 'observed', 'expected'),
    ...varchar('detail'),
  ],
  region_forecast: [...REGION_KEYS, date('ds'), ...FORECAST_VALUES],
  hourly_forecast: [...REGION_KEYS, ...timestamp('ds_hour'), ...FORECAST_VALUES],
  stock_cover_forecast: [
    ...varchar('level', 'governorate_id', 'coop_id', 'site_id', 'product_id', 'category_id'),
    date('stock_date'),
    ...double('stock_on_hand', 'demand_per_day', 'days_of_cover'),
    date('expected_stockout_date'),
  ],
  branch_hourly_forecast: [...BRANCH_KEYS, ...timestamp('ds_hour'), ...FORECAST_VALUES],
} as const satisfies Record<string, readonly MlColumn[]>;

export type MlTable = keyof typeof ML_OUTPUTS;

export const ML_TABLES = Object.keys(ML_OUTPUTS) as MlTable[];

/** When the run that wrote a file started; the writer adds it after the declared columns. */
export const GENERATED_AT_COLUMN = { name: 'generated_at', type: 'TIMESTAMPTZ' } as const;

/** Where a table's runs land, relative to the lake directory (the dbt source's `lake_glob`). */
export const mlLakeGlob = (table: MlTable): string => `ml/${table}/part-*.parquet`;
