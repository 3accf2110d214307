import type { BinaryFilter, Query } from '@cubejs-client/core';

/** Where the auditor stands in the drill: co-op → branch → product → day → the mart rows. */
export interface AuditScope {
  coopId?: string | null;
  siteId?: string | null;
  productId?: string | null;
  day?: string | null;
  from?: string | null;
  to?: string | null;
}

export type AuditLevel = 'coop' | 'site' | 'product' | 'day' | 'rows';

/** The level below the scope. */
export function auditLevel(scope: AuditScope): AuditLevel {
  if (!scope.coopId) return 'coop';
  if (!scope.siteId) return 'site';
  if (!scope.productId) return 'product';
  if (!scope.day) return 'day';
  return 'rows';
}

const MEASURES = ['audit.quantity', 'audit.net_amount_kwd', 'audit.receipt_count', 'audit.row_count'];

const LEVEL_DIMENSIONS: Record<Exclude<AuditLevel, 'day' | 'rows'>, string[]> = {
  coop: ['audit.coop_id', 'audit.coop_name_ar', 'audit.coop_name_en', 'audit.vendor'],
  site: ['audit.site_id', 'audit.site_name_ar', 'audit.site_name_en', 'audit.site_type'],
  product: ['audit.product_id', 'audit.product_name_ar', 'audit.product_name_en', 'audit.unit_price_kwd'],
};

function filters(scope: AuditScope): BinaryFilter[] {
  const f: BinaryFilter[] = [];
  if (scope.coopId) f.push({ member: 'audit.coop_id', operator: 'equals', values: [scope.coopId] });
  if (scope.siteId) f.push({ member: 'audit.site_id', operator: 'equals', values: [scope.siteId] });
  if (scope.productId) f.push({ member: 'audit.product_id', operator: 'equals', values: [scope.productId] });
  return f;
}

function range(scope: AuditScope): [string, string] | undefined {
  if (scope.day) return [scope.day, scope.day];
  if (!scope.from && !scope.to) return undefined;
  return [scope.from ?? '2000-01-01', scope.to ?? '2100-12-31'];
}

/** The rows of the current drill level, largest value at stake first. */
export function auditQuery(scope: AuditScope): Query {
  const level = auditLevel(scope);
  const dateRange = range(scope);
  const time = { dimension: 'audit.business_date', ...(dateRange ? { dateRange } : {}) };
  if (level === 'day') {
    return {
      measures: MEASURES,
      dimensions: ['audit.unit_price_kwd'],
      timeDimensions: [{ ...time, granularity: 'day' }],
      filters: filters(scope),
      order: { 'audit.business_date': 'asc' },
      limit: 5_000,
    };
  }
  if (level === 'rows') {
    return {
      measures: ['audit.quantity', 'audit.net_amount_kwd', 'audit.receipt_count'],
      dimensions: [
        'audit.sales_daily_key',
        'audit.coop_id',
        'audit.site_id',
        'audit.product_id',
        'audit.unit_price_kwd',
      ],
      timeDimensions: [{ ...time, granularity: 'day' }],
      filters: filters(scope),
      limit: 1_000,
    };
  }
  return {
    measures: MEASURES,
    dimensions: LEVEL_DIMENSIONS[level],
    ...(dateRange ? { timeDimensions: [time] } : {}),
    filters: filters(scope),
    order: { 'audit.net_amount_kwd': 'desc' },
    limit: 2_000,
  };
}

/** Names for the breadcrumb of a shared link: the co-op, branch and product in scope. */
export function auditNamesQuery(scope: AuditScope): Query {
  const dims = ['audit.coop_id', 'audit.coop_name_ar', 'audit.coop_name_en'];
  if (scope.siteId) dims.push('audit.site_id', 'audit.site_name_ar', 'audit.site_name_en');
  if (scope.productId) dims.push('audit.product_id', 'audit.product_name_ar', 'audit.product_name_en');
  return { dimensions: dims, filters: filters(scope), limit: 1 };
}

/** The newest sales day the auditor can see. */
export function auditFreshnessQuery(scope: AuditScope): Query {
  return {
    measures: ['audit.row_count'],
    timeDimensions: [{ dimension: 'audit.business_date', granularity: 'day' }],
    filters: filters({ coopId: scope.coopId }),
    order: { 'audit.business_date': 'desc' },
    limit: 1,
  };
}
