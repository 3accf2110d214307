/**
 * Every kind of auditor case the ML layer raises (`fct_anomalies.kind`), declared once: the
 * ML code's type, the dashboards' kind filter (in this order) and the mart's dbt
 * accepted_values (a test holds the YAML to this list) all come from here.
 */
export const ANOMALY_KINDS = [
  'price_gouging',
  'missing_stock_feed',
  'sales_feed_stopped',
  'stock_feed_stopped',
  'stock_feed_flatline',
  'sales_feed_flatline',
  'stocktake_shrinkage',
  'delivery_without_sales',
  'duplicate_invoice',
  'duplicate_aid',
  'suspicious_refunds',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
