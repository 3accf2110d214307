import { AccessDeniedError } from './tokens';
import { type Role, type SecurityContext } from '../domain/roles';

const MINISTRY: readonly Role[] = ['leadership', 'planner', 'auditor', 'controller'];

/** The public views and who may query them. Dashboards query only these. */
export const VIEW_ACCESS: Readonly<Record<string, readonly Role[]>> = {
  crisis_now: [...MINISTRY, 'coop_board'],
  consumption: [...MINISTRY, 'coop_board'],
  consumption_hourly: ['leadership', 'planner', 'auditor', 'coop_board'],
  demand_forecast: ['leadership', 'planner', 'auditor', 'coop_board'],
  stock_cover_forecast: ['leadership', 'planner', 'auditor', 'coop_board'],
  linkage: [...MINISTRY, 'coop_board'],
  // Finance and administration: the controllers' reports.
  income_statements: ['leadership', 'auditor', 'controller', 'coop_board'],
  employment: ['leadership', 'auditor', 'controller', 'coop_board'],
  transactions: ['leadership', 'auditor', 'controller', 'coop_board'],
  camera_uptime: ['leadership', 'auditor', 'controller', 'coop_board'],
  contractors: ['leadership', 'auditor', 'controller', 'coop_board'],
  // Their personal-data members (civil IDs, ledger counterparties) are compiled only into the
  // auditor's model (`visible()` in model/shared/roles.js); the rest is for the controllers' reports.
  ledger: ['leadership', 'auditor', 'controller', 'coop_board'],
  shareholders: ['leadership', 'auditor', 'controller', 'coop_board'],
  shareholder_events: ['leadership', 'auditor', 'controller', 'coop_board'],
  // Per governorate and category: no co-op to scope a board to.
  surge_alerts: MINISTRY,
  surge_alert_events: MINISTRY,
  region_forecast: ['leadership', 'planner', 'auditor'],
  hourly_forecast: ['leadership', 'planner', 'auditor'],
  // Compiled only into the auditor's model (`compilesRowLevelViews` in model/shared/roles.js);
  // listed here so every other role gets a clear 403 rather than Cube's "not found".
  audit: ['auditor'],
  audit_stock: ['auditor'],
  anomalies: ['auditor'],
  audit_deliveries: ['auditor'],
  audit_price_changes: ['auditor'],
  audit_stocktake: ['auditor'],
  // The batch ledger and the rows ingestion refused: raw_text can carry personal data.
  audit_batches: ['auditor'],
  audit_quarantine: ['auditor'],
};

/** Views a board may query: each has a `coop_id` dimension the board's filter goes on. */
export const BOARD_SCOPED_VIEWS = new Set(
  Object.entries(VIEW_ACCESS)
    .filter(([, roles]) => roles.includes('coop_board'))
    .map(([view]) => view),
);

export const KUWAIT_TZ = 'Asia/Kuwait';

type Filter = {
  member?: string;
  dimension?: string;
  operator?: string;
  values?: unknown[];
  and?: Filter[];
  or?: Filter[];
};
export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  segments?: string[];
  timeDimensions?: { dimension: string }[];
  filters?: Filter[];
  order?: unknown;
  timezone?: string;
  [key: string]: unknown;
}

function filterMembers(filters: Filter[] | undefined, out: string[]): void {
  for (const f of filters ?? []) {
    if (f.member) out.push(f.member);
    if (f.dimension) out.push(f.dimension);
    filterMembers(f.and, out);
    filterMembers(f.or, out);
  }
}

function orderMembers(order: unknown): string[] {
  if (Array.isArray(order))
    return order.map((o) => (Array.isArray(o) ? String(o[0]) : String((o as { id?: string }).id)));
  if (order && typeof order === 'object') return Object.keys(order);
  return [];
}

/** Every cube or view a query touches, whatever part of the query names it. */
export function referencedCubes(query: CubeQuery): Set<string> {
  const members: string[] = [
    ...(query.measures ?? []),
    ...(query.dimensions ?? []),
    ...(query.segments ?? []),
    ...(query.timeDimensions ?? []).map((t) => t.dimension),
    ...orderMembers(query.order),
  ];
  filterMembers(query.filters, members);
  return new Set(members.map((m) => m.split('.')[0] as string));
}

/**
 * Cube's queryRewrite: the single place access rules are enforced on every /load, /sql and
 * /dry-run. A role may touch only its views (the private cubes behind them are closed to all:
 * Cube 0.33 would fail on them with a 500, this refuses them with a 403); a board gets `<view>.coop_id = <its co-op>` on every view it touches, and no query at
 * all without that claim. Every query runs in Kuwait time: the marts' days are Kuwaiti days, and
 * Cube has already defaulted a missing timezone to UTC by the time it calls this.
 */
export function rewriteQuery(query: CubeQuery, ctx: Partial<SecurityContext> | undefined): CubeQuery {
  const role = ctx?.role;
  if (!role) throw new AccessDeniedError('No role in the security context');
  const cubes = referencedCubes(query);
  for (const cube of cubes) {
    const allowed = VIEW_ACCESS[cube];
    if (!allowed?.includes(role)) {
      throw new AccessDeniedError(`Role ${role} may not query ${cube}`);
    }
  }
  // renewQuery: re-check refresh keys (at most every 2 s) before answering and rebuild a rollup
  // in the foreground when a publish changed it, so rollups never answer from the last publish.
  const rewritten: CubeQuery = { ...query, timezone: KUWAIT_TZ, renewQuery: true };
  if (role === 'coop_board') {
    const coopId = ctx.coop_id;
    if (!coopId) throw new AccessDeniedError('A coop_board token without coop_id may not query');
    const scoped: Filter[] = [...cubes].map((cube) => {
      if (!BOARD_SCOPED_VIEWS.has(cube)) throw new AccessDeniedError(`Role coop_board may not query ${cube}`);
      return { member: `${cube}.coop_id`, operator: 'equals', values: [coopId] };
    });
    if (scoped.length === 0) throw new AccessDeniedError('A board query must name a view');
    rewritten.filters = [...(query.filters ?? []), ...scoped];
  }
  return rewritten;
}
