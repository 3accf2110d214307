import { kuwaitTimeDimensions } from './kuwait-time';
import type { BinaryFilter, Query } from '@cubejs-client/core';

/**
 * What the administration page looks at: a governorate or one co-op (a board's token narrows
 * every query to its own co-op whatever the URL says), and a month range for the statements.
 */
export interface AdminScope {
  gov?: string | null;
  coop?: string | null;
  from?: string | null;
  to?: string | null;
}

export type AdminView = 'transactions' | 'employment' | 'income_statements';

function scopeFilters(view: AdminView, scope: AdminScope): BinaryFilter[] {
  const f: BinaryFilter[] = [];
  if (scope.gov) f.push({ member: `${view}.governorate_id`, operator: 'equals', values: [scope.gov] });
  if (scope.coop) f.push({ member: `${view}.coop_id`, operator: 'equals', values: [scope.coop] });
  return f;
}

const NAMES = (view: AdminView) => [
  `${view}.coop_id`,
  `${view}.coop_name_ar`,
  `${view}.coop_name_en`,
  `${view}.governorate_name_ar`,
  `${view}.governorate_name_en`,
];

/** The banner's figures: requests in scope, still open, stalled past two working days. */
export function transactionTotalsQuery(scope: AdminScope): Query {
  return {
    measures: ['transactions.transaction_count', 'transactions.open_count', 'transactions.stalled_count'],
    filters: scopeFilters('transactions', scope),
  };
}

/** Every stalled request, the longest-waiting first. */
export function stalledQuery(scope: AdminScope): Query {
  return {
    measures: ['transactions.transaction_count'],
    dimensions: [
      'transactions.transaction_id',
      ...NAMES('transactions'),
      'transactions.request_type',
      'transactions.current_status',
      'transactions.current_actor',
      'transactions.working_days_in_status',
      'transactions.working_days_open',
      'transactions.times_returned',
    ],
    timeDimensions: kuwaitTimeDimensions(['transactions.submitted_at', 'transactions.current_status_at']),
    filters: [
      ...scopeFilters('transactions', scope),
      { member: 'transactions.is_stalled', operator: 'equals', values: ['true'] },
    ],
    order: { 'transactions.working_days_in_status': 'desc', 'transactions.transaction_id': 'asc' },
    limit: 5_000,
  };
}

/**
 * Processing times: working days open per request type and the side holding the request now
 * (the ministry's department or the co-op), decided and open requests apart.
 */
export function processingQuery(scope: AdminScope): Query {
  return {
    measures: [
      'transactions.transaction_count',
      'transactions.avg_working_days_open',
      'transactions.max_working_days_in_status',
      'transactions.stalled_count',
    ],
    dimensions: ['transactions.request_type', 'transactions.current_actor', 'transactions.is_final'],
    filters: scopeFilters('transactions', scope),
    limit: 1_000,
  };
}

/** Quarter-end Kuwaiti ratio per co-op (every snapshot; the rows keep the newest). */
export function employmentQuery(scope: AdminScope): Query {
  return {
    measures: [
      'employment.kuwaiti_ratio',
      'employment.employees',
      'employment.counted_employees',
      'employment.counted_kuwaiti_employees',
      'employment.monthly_payroll_kwd',
    ],
    dimensions: NAMES('employment'),
    timeDimensions: [{ dimension: 'employment.snapshot_date', granularity: 'day' }],
    filters: scopeFilters('employment', scope),
    limit: 5_000,
  };
}

export const INCOME_MEASURES = [
  'net_sales_kwd',
  'sales_returns_kwd',
  'cost_of_sales_kwd',
  'gross_profit_kwd',
  'salaries_kwd',
  'contractor_services_kwd',
  'shrinkage_kwd',
  'social_aid_kwd',
  'operating_result_kwd',
  'gross_margin',
] as const;
export type IncomeMeasure = (typeof INCOME_MEASURES)[number];

/** Monthly income statement per co-op, within from..to when given (days, widened to whole months by Cube's grain). */
export function incomeQuery(scope: AdminScope): Query {
  const dateRange: [string, string] | undefined =
    scope.from || scope.to ? [scope.from ?? '2000-01-01', scope.to ?? '2100-12-31'] : undefined;
  return {
    measures: INCOME_MEASURES.map((m) => `income_statements.${m}`),
    dimensions: NAMES('income_statements'),
    timeDimensions: [
      { dimension: 'income_statements.entry_month', granularity: 'month', ...(dateRange ? { dateRange } : {}) },
    ],
    filters: scopeFilters('income_statements', scope),
    order: { 'income_statements.entry_month': 'asc', 'income_statements.coop_id': 'asc' },
    limit: 10_000,
  };
}

const govCoopFilters = (view: string, scope: AdminScope): BinaryFilter[] => [
  ...(scope.gov ? [{ member: `${view}.governorate_id`, operator: 'equals' as const, values: [scope.gov] }] : []),
  ...(scope.coop ? [{ member: `${view}.coop_id`, operator: 'equals' as const, values: [scope.coop] }] : []),
];

/** The current shareholder register per co-op: members, former members, shares, dividends, transfers. */
export function shareholdersQuery(scope: AdminScope): Query {
  return {
    measures: [
      'shareholders.shareholder_count',
      'shareholders.member_count',
      'shareholders.former_member_count',
      'shareholders.shares',
      'shareholders.dividends_kwd',
      'shareholders.transferred_in_count',
      'shareholders.transferred_out_count',
    ],
    dimensions: [
      'shareholders.coop_id',
      'shareholders.coop_name_ar',
      'shareholders.coop_name_en',
      'shareholders.governorate_name_ar',
      'shareholders.governorate_name_en',
    ],
    filters: govCoopFilters('shareholders', scope),
    limit: 5_000,
  };
}

/** Every camera with its uptime and outages (the rows roll them up per co-op for the chart). */
export function camerasQuery(scope: AdminScope): Query {
  return {
    measures: [
      'camera_uptime.online_hours',
      'camera_uptime.offline_hours',
      'camera_uptime.uptime_share',
      'camera_uptime.outages',
    ],
    dimensions: [
      'camera_uptime.camera_id',
      'camera_uptime.coop_id',
      'camera_uptime.coop_name_ar',
      'camera_uptime.coop_name_en',
      'camera_uptime.site_name_ar',
      'camera_uptime.site_name_en',
      'camera_uptime.location',
      'camera_uptime.current_status',
      'camera_uptime.current_since',
    ],
    filters: govCoopFilters('camera_uptime', scope),
    limit: 10_000,
  };
}

/** Each contractor's ratings over its contracts in scope. */
export function contractorsQuery(scope: AdminScope): Query {
  return {
    measures: [
      'contractors.contract_count',
      'contractors.rating_count',
      'contractors.avg_rating',
      'contractors.poor_rating_count',
      'contractors.poor_share',
      'contractors.contract_value_kwd',
    ],
    dimensions: ['contractors.contractor_id', 'contractors.contractor_name', 'contractors.category'],
    filters: govCoopFilters('contractors', scope),
    limit: 5_000,
  };
}
