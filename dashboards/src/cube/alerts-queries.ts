import { kuwaitTimeDimensions } from './kuwait-time';
import type { BinaryFilter, Query } from '@cubejs-client/core';

/**
 * The crisis room's panic-buying alerts, from the `surge_alerts` view (ministry roles only: it has no
 * co-op, so a co-op board is never sent it). Ordered on the page, not here: severity is a word
 * and Cube would sort it alphabetically.
 */

export interface AlertsScope {
  governorateId?: string | null;
  /** Closed alerts of the newest scoring run too, after the open ones (the wave's history). */
  includeClosed?: boolean;
}

export const ALERT_DIMENSIONS = [
  'surge_alerts.alert_id',
  'surge_alerts.governorate_id',
  'surge_alerts.governorate_name_ar',
  'surge_alerts.governorate_name_en',
  'surge_alerts.category_id',
  'surge_alerts.category_name_ar',
  'surge_alerts.category_name_en',
  'surge_alerts.status',
  'surge_alerts.severity',
  'surge_alerts.peak_severity',
  'surge_alerts.is_open',
  'surge_alerts.top_product_ids',
] as const;

/** Instants: asked as time dimensions so they come back on Kuwait's clock (see kuwait-time.ts). */
export const ALERT_TIMES = [
  'surge_alerts.since_at',
  'surge_alerts.closed_at',
  'surge_alerts.expected_stockout_at',
] as const;

export const ALERT_MEASURES = [
  'surge_alerts.ratio',
  'surge_alerts.peak_ratio',
  'surge_alerts.hours_to_stockout',
  'surge_alerts.coops_affected',
  'surge_alerts.coops_total',
] as const;

/** One row per alert (alert_id is the key, so the measures are that alert's own values). */
export function alertsQuery(scope: AlertsScope): Query {
  const filters: BinaryFilter[] = [];
  if (!scope.includeClosed) filters.push({ member: 'surge_alerts.is_open', operator: 'equals', values: ['true'] });
  if (scope.governorateId)
    filters.push({ member: 'surge_alerts.governorate_id', operator: 'equals', values: [scope.governorateId] });
  return {
    dimensions: [...ALERT_DIMENSIONS],
    measures: [...ALERT_MEASURES],
    timeDimensions: kuwaitTimeDimensions(ALERT_TIMES),
    filters,
    order: { 'surge_alerts.alert_id': 'asc' },
    limit: 1000,
  };
}

/**
 * Names of the alerts' top products. The `surge_alerts` view carries their ids only; `consumption`
 * (open to every role that sees alerts) names them. Null when there is nothing to name.
 */
export function alertProductNamesQuery(productIds: readonly string[]): Query | null {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return null;
  return {
    dimensions: ['consumption.product_id', 'consumption.product_name_ar', 'consumption.product_name_en'],
    filters: [{ member: 'consumption.product_id', operator: 'equals', values: ids }],
    limit: ids.length,
  };
}
