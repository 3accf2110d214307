import type { BinaryFilter, Query } from '@cubejs-client/core';
import type { Breakdown, Grain, Metric } from '../state/url-state';

/** What the consumption explorer is looking at: a region, a co-op, a product, a date range. */
export interface ConsumptionScope {
  governorateId?: string | null;
  coopId?: string | null;
  productId?: string | null;
  from?: string | null;
  to?: string | null;
}

export function consumptionFilters(scope: ConsumptionScope): BinaryFilter[] {
  const filters: BinaryFilter[] = [];
  if (scope.governorateId)
    filters.push({ member: 'consumption.governorate_id', operator: 'equals', values: [scope.governorateId] });
  if (scope.coopId) filters.push({ member: 'consumption.coop_id', operator: 'equals', values: [scope.coopId] });
  if (scope.productId)
    filters.push({ member: 'consumption.product_id', operator: 'equals', values: [scope.productId] });
  return filters;
}

function dateRange(scope: ConsumptionScope): { dateRange?: [string, string] } {
  if (!scope.from && !scope.to) return {};
  return { dateRange: [scope.from ?? '2000-01-01', scope.to ?? '2100-12-31'] };
}

/** The dimensions naming one line of the trend: an id and both languages' names. */
export const BREAKDOWN_DIMENSIONS: Record<Exclude<Breakdown, 'total'>, [string, string, string]> = {
  // The view exposes category names, not ids; the English name is stable enough to key on.
  category: ['consumption.category_name_en', 'consumption.category_name_ar', 'consumption.category_name_en'],
  governorate: ['consumption.governorate_id', 'consumption.governorate_name_ar', 'consumption.governorate_name_en'],
  coop: ['consumption.coop_id', 'consumption.coop_name_ar', 'consumption.coop_name_en'],
};

/** Sales per period at the chosen grain, one series per category, region or co-op. */
export function salesTrendQuery(scope: ConsumptionScope, grain: Grain, by: Breakdown, metric: Metric): Query {
  return {
    measures: [`consumption.${metric}`],
    dimensions: by === 'total' ? [] : [...new Set(BREAKDOWN_DIMENSIONS[by])],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: grain, ...dateRange(scope) }],
    filters: consumptionFilters(scope),
    order: { 'consumption.business_date': 'asc' },
    limit: 50_000,
  };
}

/**
 * One row per day with its place in the Kuwaiti calendar, from which the weekday, Ramadan/Eid
 * and day-of-month profiles are all derived: one query, three views that always agree.
 */
export function calendarQuery(scope: ConsumptionScope, metric: Metric): Query {
  return {
    measures: [`consumption.${metric}`],
    dimensions: [
      'consumption.day_of_week',
      'consumption.is_weekend',
      'consumption.is_ramadan',
      'consumption.is_eid',
      'consumption.is_public_holiday',
    ],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day', ...dateRange(scope) }],
    filters: consumptionFilters(scope),
    order: { 'consumption.business_date': 'asc' },
    limit: 5_000,
  };
}

/** The newest sales day in scope: "data as of" for the explorer. */
export function consumptionFreshnessQuery(scope: ConsumptionScope): Query {
  return {
    measures: ['consumption.quantity'],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day' }],
    filters: consumptionFilters(scope),
    order: { 'consumption.business_date': 'desc' },
    limit: 1,
  };
}

/** Products that have a forecast (in the co-op, if one is chosen), largest expected demand first. */
export function forecastProductsQuery(coopId?: string | null, limit = 50): Query {
  return {
    measures: ['demand_forecast.yhat'],
    dimensions: ['demand_forecast.product_id', 'demand_forecast.product_name_ar', 'demand_forecast.product_name_en'],
    filters: coopId ? [{ member: 'demand_forecast.coop_id', operator: 'equals', values: [coopId] }] : [],
    order: { 'demand_forecast.yhat': 'desc' },
    limit,
  };
}

/** Daily forecast of one product (summed over the co-op's or the nation's branches) with its bounds. */
export function forecastQuery(productId: string, coopId?: string | null): Query {
  const filters: BinaryFilter[] = [{ member: 'demand_forecast.product_id', operator: 'equals', values: [productId] }];
  if (coopId) filters.push({ member: 'demand_forecast.coop_id', operator: 'equals', values: [coopId] });
  return {
    measures: ['demand_forecast.yhat', 'demand_forecast.yhat_lower', 'demand_forecast.yhat_upper'],
    dimensions: ['demand_forecast.model', 'demand_forecast.level'],
    timeDimensions: [{ dimension: 'demand_forecast.ds', granularity: 'day' }],
    filters,
    order: { 'demand_forecast.ds': 'asc' },
    limit: 5_000,
  };
}

/** Daily quantity of one product, the actuals a forecast is drawn against. */
export function actualsQuery(productId: string, coopId: string | null | undefined, from: string, to: string): Query {
  return {
    measures: ['consumption.quantity'],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day', dateRange: [from, to] }],
    filters: consumptionFilters({ productId, coopId }),
    order: { 'consumption.business_date': 'asc' },
    limit: 5_000,
  };
}
