import type { BinaryFilter, Query } from '@cubejs-client/core';

/**
 * Every query the dashboards send, as pure functions of the page state, so the exact Cube
 * request is testable without a server. Only the public views named in docs/contracts.md.
 */

export type DrillLevel = 'governorate' | 'coop' | 'site';

const ESSENTIAL_NOW: readonly BinaryFilter[] = [
  { member: 'crisis.is_essential', operator: 'equals', values: ['true'] },
  { member: 'crisis.is_latest', operator: 'equals', values: ['true'] },
];

export interface CrisisScope {
  governorateId?: string | null;
  coopId?: string | null;
  productId?: string | null;
}

function scopeFilters(scope: CrisisScope) {
  const filters: BinaryFilter[] = [];
  if (scope.governorateId)
    filters.push({ member: 'crisis.governorate_id', operator: 'equals', values: [scope.governorateId] });
  if (scope.coopId) filters.push({ member: 'crisis.coop_id', operator: 'equals', values: [scope.coopId] });
  if (scope.productId) filters.push({ member: 'crisis.product_id', operator: 'equals', values: [scope.productId] });
  return filters;
}

const LEVEL_DIMENSIONS: Record<DrillLevel, [string, string, string]> = {
  governorate: ['crisis.governorate_id', 'crisis.governorate_name_ar', 'crisis.governorate_name_en'],
  coop: ['crisis.coop_id', 'crisis.coop_name_ar', 'crisis.coop_name_en'],
  site: ['crisis.site_id', 'crisis.site_name_ar', 'crisis.site_name_en'],
};

/** The level below the scope: the nation shows governorates, a governorate its co-ops, a co-op its branches. */
export function drillLevel(scope: CrisisScope): DrillLevel {
  if (scope.coopId) return 'site';
  if (scope.governorateId) return 'coop';
  return 'governorate';
}

export const COVER_MEASURES = ['crisis.days_of_cover', 'crisis.stock_on_hand', 'crisis.demand_per_day'] as const;

/** Stock cover of essential products now, one row per unit of the drill level. */
export function coverQuery(scope: CrisisScope): Query {
  const level = drillLevel(scope);
  return {
    measures: [...COVER_MEASURES],
    dimensions: [...LEVEL_DIMENSIONS[level]],
    filters: [...ESSENTIAL_NOW, ...scopeFilters(scope)],
    order: { 'crisis.days_of_cover': 'asc' },
    limit: 500,
  };
}

/** The essential products in scope, lowest cover first. */
export function essentialsQuery(scope: CrisisScope): Query {
  return {
    measures: [...COVER_MEASURES],
    dimensions: [
      'crisis.product_id',
      'crisis.product_name_ar',
      'crisis.product_name_en',
      'crisis.category_name_ar',
      'crisis.category_name_en',
    ],
    filters: [...ESSENTIAL_NOW, ...scopeFilters(scope)],
    order: { 'crisis.days_of_cover': 'asc' },
    limit: 200,
  };
}

/** The newest stock day in scope: what "data as of" means for the crisis room. */
export function crisisFreshnessQuery(scope: CrisisScope): Query {
  return {
    measures: ['crisis.stock_on_hand'],
    timeDimensions: [{ dimension: 'crisis.stock_date', granularity: 'day' }],
    filters: [...ESSENTIAL_NOW, ...scopeFilters(scope)],
    order: { 'crisis.stock_date': 'desc' },
    limit: 1,
  };
}

/** Daily quantity sold per essential product over the last weeks, for the sparklines. */
export function salesVelocityQuery(scope: CrisisScope, from: string, to: string): Query {
  const filters: BinaryFilter[] = [{ member: 'consumption.is_essential', operator: 'equals', values: ['true'] }];
  if (scope.governorateId)
    filters.push({ member: 'consumption.governorate_id', operator: 'equals', values: [scope.governorateId] });
  if (scope.coopId) filters.push({ member: 'consumption.coop_id', operator: 'equals', values: [scope.coopId] });
  return {
    measures: ['consumption.quantity'],
    dimensions: ['consumption.product_id'],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day', dateRange: [from, to] }],
    filters,
    order: { 'consumption.business_date': 'asc' },
    limit: 20_000,
  };
}
