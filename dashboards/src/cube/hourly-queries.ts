import type { BinaryFilter, Query } from '@cubejs-client/core';
import type { Metric } from '../state/url-state';
import type { ConsumptionScope } from './consumption-queries';

/**
 * Sales by Kuwait hour of day, split by the kind of day (working, weekend, Ramadan), from the
 * `consumption_hourly` view. Without a co-op it is answered from the view's hourly rollup.
 */
export function hourlyProfileQuery(scope: ConsumptionScope, metric: Metric): Query {
  const filters: BinaryFilter[] = [];
  if (scope.governorateId)
    filters.push({ member: 'consumption_hourly.governorate_id', operator: 'equals', values: [scope.governorateId] });
  if (scope.coopId) filters.push({ member: 'consumption_hourly.coop_id', operator: 'equals', values: [scope.coopId] });
  if (scope.productId)
    filters.push({ member: 'consumption_hourly.product_id', operator: 'equals', values: [scope.productId] });
  const range: [string, string] | null =
    scope.from || scope.to ? [scope.from ?? '2000-01-01', scope.to ?? '2100-12-31'] : null;
  return {
    measures: [`consumption_hourly.${metric}`],
    dimensions: ['consumption_hourly.hour_of_day', 'consumption_hourly.is_weekend', 'consumption_hourly.is_ramadan'],
    ...(range ? { timeDimensions: [{ dimension: 'consumption_hourly.business_date', dateRange: range }] } : {}),
    filters,
    order: { 'consumption_hourly.hour_of_day': 'asc' },
    limit: 200,
  };
}
