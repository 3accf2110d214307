import type { BinaryFilter, Query } from '@cubejs-client/core';
import type { Lang } from '../format/locale';

/**
 * Every query the dashboards send, as pure functions of the page state, so the exact Cube
 * request is testable without a server. Only the public views named in docs/contracts.md.
 *
 * The crisis room's stock numbers come from `crisis_now` alone: each site's latest count of each
 * essential product (marts.fct_essentials_stock_now), with whether that count is stale. The view
 * holds nothing else, so no "latest" or "essential" filter is needed, and a co-op whose stock
 * feed stopped is still counted (at its last count) and flagged instead of silently looking fine.
 */

export type DrillLevel = 'governorate' | 'coop' | 'site';

export interface CrisisScope {
  governorateId?: string | null;
  coopId?: string | null;
  productId?: string | null;
}

function scopeFilters(scope: CrisisScope): BinaryFilter[] {
  const filters: BinaryFilter[] = [];
  if (scope.governorateId)
    filters.push({ member: 'crisis_now.governorate_id', operator: 'equals', values: [scope.governorateId] });
  if (scope.coopId) filters.push({ member: 'crisis_now.coop_id', operator: 'equals', values: [scope.coopId] });
  if (scope.productId) filters.push({ member: 'crisis_now.product_id', operator: 'equals', values: [scope.productId] });
  return filters;
}

const LEVEL_DIMENSIONS: Record<DrillLevel, [string, string, string]> = {
  governorate: ['crisis_now.governorate_id', 'crisis_now.governorate_name_ar', 'crisis_now.governorate_name_en'],
  coop: ['crisis_now.coop_id', 'crisis_now.coop_name_ar', 'crisis_now.coop_name_en'],
  site: ['crisis_now.site_id', 'crisis_now.site_name_ar', 'crisis_now.site_name_en'],
};

/** The level below the scope: the nation shows governorates, a governorate its co-ops, a co-op its branches. */
export function drillLevel(scope: CrisisScope): DrillLevel {
  if (scope.coopId) return 'site';
  if (scope.governorateId) return 'coop';
  return 'governorate';
}

export const COVER_MEASURES = [
  'crisis_now.days_of_cover',
  'crisis_now.stock_on_hand',
  'crisis_now.demand_per_day',
] as const;

/** How many of a unit's counts (site × product) there are and how many of them are stale. */
export const STALE_MEASURES = ['crisis_now.stale_count', 'crisis_now.site_products'] as const;

/** Stock cover of essential products now, one row per unit of the drill level, with its stale counts. */
export function coverQuery(scope: CrisisScope): Query {
  const level = drillLevel(scope);
  return {
    measures: [...COVER_MEASURES, ...STALE_MEASURES],
    dimensions: [...LEVEL_DIMENSIONS[level]],
    filters: scopeFilters(scope),
    order: { 'crisis_now.days_of_cover': 'asc' },
    limit: 500,
  };
}

/** The essential products in scope, lowest cover first. */
export function essentialsQuery(scope: CrisisScope): Query {
  return {
    measures: [...COVER_MEASURES],
    dimensions: [
      'crisis_now.product_id',
      'crisis_now.product_name_ar',
      'crisis_now.product_name_en',
      'crisis_now.category_name_ar',
      'crisis_now.category_name_en',
    ],
    filters: scopeFilters(scope),
    order: { 'crisis_now.days_of_cover': 'asc' },
    limit: 200,
  };
}

/** The newest stock day in scope: what "data as of" means for the crisis room. */
export function crisisFreshnessQuery(scope: CrisisScope): Query {
  return {
    measures: ['crisis_now.stock_on_hand'],
    timeDimensions: [{ dimension: 'crisis_now.stock_date', granularity: 'day' }],
    filters: scopeFilters(scope),
    order: { 'crisis_now.stock_date': 'desc' },
    limit: 1,
  };
}

/** Names of the governorate and co-op in scope, for the breadcrumb of a page opened from a shared link. */
export function scopeNamesQuery(scope: CrisisScope, lang: Lang): Query {
  return {
    dimensions: [
      'crisis_now.governorate_id',
      `crisis_now.governorate_name_${lang}`,
      'crisis_now.coop_id',
      `crisis_now.coop_name_${lang}`,
    ],
    filters: scopeFilters({ governorateId: scope.governorateId, coopId: scope.coopId }),
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
