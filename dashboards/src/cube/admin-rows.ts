import { kuwaitTime } from './kuwait-time';
import type { Lang } from '../format/locale';
import { toNumber } from '../format/number';
import { INCOME_MEASURES, type IncomeMeasure } from './admin-queries';
import { truthy } from './cells';
import { cellText, bilingual } from './cells';

type Raw = Readonly<Record<string, unknown>>;

const day = (v: unknown) => cellText(v).slice(0, 10) || null;

function namer(view: string, lang: Lang) {
  return (r: Raw, key: string) => bilingual(r, `${view}.${key}`, lang);
}

export interface TransactionTotals {
  transactions: number;
  open: number;
  stalled: number;
}

/** An empty answer is no requests at all, not an unknown count. */
export function toTransactionTotals(raw: readonly Raw[]): TransactionTotals {
  const r = raw[0] ?? {};
  return {
    transactions: toNumber(r['transactions.transaction_count']) ?? 0,
    open: toNumber(r['transactions.open_count']) ?? 0,
    stalled: toNumber(r['transactions.stalled_count']) ?? 0,
  };
}

export interface StalledRow {
  transactionId: string;
  coopId: string;
  coop: string;
  governorate: string;
  requestType: string;
  status: string;
  /** Who holds the request now: `ministry` or `coop`. */
  actor: string;
  workingDaysInStatus: number | null;
  workingDaysOpen: number | null;
  timesReturned: number | null;
  submittedAt: string | null;
  statusAt: string | null;
}

/** Longest in its status first, so the banner's oldest case heads the list. */
export function toStalledRows(raw: readonly Raw[], lang: Lang): StalledRow[] {
  const name = namer('transactions', lang);
  return raw
    .map((r) => ({
      transactionId: cellText(r['transactions.transaction_id']),
      coopId: cellText(r['transactions.coop_id']),
      coop: name(r, 'coop_name') || cellText(r['transactions.coop_id']),
      governorate: name(r, 'governorate_name'),
      requestType: cellText(r['transactions.request_type']),
      status: cellText(r['transactions.current_status']),
      actor: cellText(r['transactions.current_actor']),
      workingDaysInStatus: toNumber(r['transactions.working_days_in_status']),
      workingDaysOpen: toNumber(r['transactions.working_days_open']),
      timesReturned: toNumber(r['transactions.times_returned']),
      submittedAt: kuwaitTime(r, 'transactions.submitted_at'),
      statusAt: kuwaitTime(r, 'transactions.current_status_at'),
    }))
    .sort(
      (a, b) =>
        (b.workingDaysInStatus ?? 0) - (a.workingDaysInStatus ?? 0) || a.transactionId.localeCompare(b.transactionId),
    );
}

export interface ProcessingRow {
  /** request_type:actor:final|open */
  id: string;
  requestType: string;
  actor: string;
  final: boolean;
  count: number;
  avgWorkingDaysOpen: number | null;
  maxWorkingDaysInStatus: number | null;
  stalled: number;
}

export function toProcessingRows(raw: readonly Raw[]): ProcessingRow[] {
  return raw
    .map((r) => {
      const requestType = cellText(r['transactions.request_type']);
      const actor = cellText(r['transactions.current_actor']);
      const final = truthy(r['transactions.is_final']);
      return {
        id: `${requestType}:${actor}:${final ? 'final' : 'open'}`,
        requestType,
        actor,
        final,
        count: toNumber(r['transactions.transaction_count']) ?? 0,
        avgWorkingDaysOpen: toNumber(r['transactions.avg_working_days_open']),
        maxWorkingDaysInStatus: toNumber(r['transactions.max_working_days_in_status']),
        stalled: toNumber(r['transactions.stalled_count']) ?? 0,
      };
    })
    .sort(
      (a, b) =>
        a.requestType.localeCompare(b.requestType) ||
        Number(a.final) - Number(b.final) ||
        a.actor.localeCompare(b.actor),
    );
}

/** One bar group per request type: the mean working days of the decided requests and of the open ones. */
export interface ProcessingSummary {
  requestType: string;
  decidedDays: number | null;
  decided: number;
  openDays: number | null;
  open: number;
}

/** Weighted means over the actors, so a type's figure is the mean over its requests. */
export function summarizeProcessing(rows: readonly ProcessingRow[]): ProcessingSummary[] {
  const byType = new Map<string, { d: number; dn: number; o: number; on: number }>();
  for (const r of rows) {
    const acc = byType.get(r.requestType) ?? { d: 0, dn: 0, o: 0, on: 0 };
    if (r.avgWorkingDaysOpen !== null) {
      if (r.final) {
        acc.d += r.avgWorkingDaysOpen * r.count;
        acc.dn += r.count;
      } else {
        acc.o += r.avgWorkingDaysOpen * r.count;
        acc.on += r.count;
      }
    }
    byType.set(r.requestType, acc);
  }
  return [...byType.entries()]
    .map(([requestType, a]) => ({
      requestType,
      decidedDays: a.dn ? a.d / a.dn : null,
      decided: a.dn,
      openDays: a.on ? a.o / a.on : null,
      open: a.on,
    }))
    .sort((a, b) => (b.decidedDays ?? -1) - (a.decidedDays ?? -1) || a.requestType.localeCompare(b.requestType));
}

export interface EmploymentRow {
  coopId: string;
  coop: string;
  governorate: string;
  snapshotDate: string | null;
  /** Percent, 0–100, supervisory jobs excluded. */
  kuwaitiRatio: number | null;
  employees: number | null;
  countedEmployees: number | null;
  countedKuwaitis: number | null;
  payrollKwd: number | null;
  /** Percentage points against the target; null without a ratio. */
  gap: number | null;
}

/** Each co-op's newest quarter-end, furthest below the target first. */
export function toEmploymentRows(raw: readonly Raw[], lang: Lang, targetPct: number): EmploymentRow[] {
  const name = namer('employment', lang);
  const newest = new Map<string, EmploymentRow>();
  for (const r of raw) {
    const coopId = cellText(r['employment.coop_id']);
    const snapshotDate = day(r['employment.snapshot_date.day'] ?? r['employment.snapshot_date']);
    const prev = newest.get(coopId);
    if (prev && (prev.snapshotDate ?? '') >= (snapshotDate ?? '')) continue;
    const ratio = toNumber(r['employment.kuwaiti_ratio']);
    newest.set(coopId, {
      coopId,
      coop: name(r, 'coop_name') || coopId,
      governorate: name(r, 'governorate_name'),
      snapshotDate,
      kuwaitiRatio: ratio,
      employees: toNumber(r['employment.employees']),
      countedEmployees: toNumber(r['employment.counted_employees']),
      countedKuwaitis: toNumber(r['employment.counted_kuwaiti_employees']),
      payrollKwd: toNumber(r['employment.monthly_payroll_kwd']),
      gap: ratio === null ? null : ratio - targetPct,
    });
  }
  return [...newest.values()].sort(
    (a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity) || a.coopId.localeCompare(b.coopId),
  );
}

export type IncomeRow = {
  /** coop_id:month */
  id: string;
  coopId: string;
  coop: string;
  governorate: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
} & Record<IncomeMeasure, number | null>;

export function toIncomeRows(raw: readonly Raw[], lang: Lang): IncomeRow[] {
  const name = namer('income_statements', lang);
  return raw
    .map((r) => {
      const coopId = cellText(r['income_statements.coop_id']);
      const month = day(r['income_statements.entry_month.month'] ?? r['income_statements.entry_month']) ?? '';
      const values = Object.fromEntries(
        INCOME_MEASURES.map((m) => [m, toNumber(r[`income_statements.${m}`])]),
      ) as Record<IncomeMeasure, number | null>;
      return {
        id: `${coopId}:${month}`,
        coopId,
        coop: name(r, 'coop_name') || coopId,
        governorate: name(r, 'governorate_name'),
        month,
        ...values,
      };
    })
    .sort((a, b) => b.month.localeCompare(a.month) || a.coopId.localeCompare(b.coopId));
}

export interface IncomeMonth {
  month: string;
  net_sales_kwd: number;
  gross_profit_kwd: number;
  operating_result_kwd: number;
}

/** The scope's statement per month: sums over its co-ops (the chart's dataset), oldest first. */
export function incomeByMonth(rows: readonly IncomeRow[]): IncomeMonth[] {
  const by = new Map<string, IncomeMonth>();
  for (const r of rows) {
    const m = by.get(r.month) ?? { month: r.month, net_sales_kwd: 0, gross_profit_kwd: 0, operating_result_kwd: 0 };
    m.net_sales_kwd += r.net_sales_kwd ?? 0;
    m.gross_profit_kwd += r.gross_profit_kwd ?? 0;
    m.operating_result_kwd += r.operating_result_kwd ?? 0;
    by.set(r.month, m);
  }
  // Back to whole fils: float sums of thousandths drift in the last digit.
  const fils = (x: number) => Math.round(x * 1000) / 1000;
  return [...by.values()]
    .map((m) => ({
      month: m.month,
      net_sales_kwd: fils(m.net_sales_kwd),
      gross_profit_kwd: fils(m.gross_profit_kwd),
      operating_result_kwd: fils(m.operating_result_kwd),
    }))
    .sort((a, b) => a.month.localeCompare(b.month));
}

export interface ShareholderRow {
  coopId: string;
  coop: string;
  governorate: string;
  shareholders: number | null;
  members: number | null;
  formerMembers: number | null;
  shares: number | null;
  dividendsKwd: number | null;
  transferredIn: number | null;
  transferredOut: number | null;
}

/** Largest membership first. */
export function toShareholderRows(raw: readonly Raw[], lang: Lang): ShareholderRow[] {
  const name = namer('shareholders', lang);
  const n = (r: Raw, k: string) => toNumber(r[`shareholders.${k}`]);
  return raw
    .map((r) => ({
      coopId: cellText(r['shareholders.coop_id']),
      coop: name(r, 'coop_name') || cellText(r['shareholders.coop_id']),
      governorate: name(r, 'governorate_name'),
      shareholders: n(r, 'shareholder_count'),
      members: n(r, 'member_count'),
      formerMembers: n(r, 'former_member_count'),
      shares: n(r, 'shares'),
      dividendsKwd: n(r, 'dividends_kwd'),
      transferredIn: n(r, 'transferred_in_count'),
      transferredOut: n(r, 'transferred_out_count'),
    }))
    .sort((a, b) => (b.members ?? 0) - (a.members ?? 0) || a.coopId.localeCompare(b.coopId));
}

export interface CameraRow {
  cameraId: string;
  coopId: string;
  coop: string;
  site: string;
  location: string;
  offline: boolean;
  since: string | null;
  onlineHours: number | null;
  offlineHours: number | null;
  /** Percent of hours online, 0–100. */
  uptime: number | null;
  outages: number | null;
}

/** Cameras offline now first, then the lowest uptime. */
export function toCameraRows(raw: readonly Raw[], lang: Lang): CameraRow[] {
  const name = namer('camera_uptime', lang);
  return raw
    .map((r) => ({
      cameraId: cellText(r['camera_uptime.camera_id']),
      coopId: cellText(r['camera_uptime.coop_id']),
      coop: name(r, 'coop_name') || cellText(r['camera_uptime.coop_id']),
      site: name(r, 'site_name'),
      location: cellText(r['camera_uptime.location']),
      offline: cellText(r['camera_uptime.current_status']) === 'offline',
      since: cellText(r['camera_uptime.current_since']) || null,
      onlineHours: toNumber(r['camera_uptime.online_hours']),
      offlineHours: toNumber(r['camera_uptime.offline_hours']),
      uptime: toNumber(r['camera_uptime.uptime_share']),
      outages: toNumber(r['camera_uptime.outages']),
    }))
    .sort(
      (a, b) =>
        Number(b.offline) - Number(a.offline) ||
        (a.uptime ?? 101) - (b.uptime ?? 101) ||
        a.cameraId.localeCompare(b.cameraId),
    );
}

export interface CoopUptime {
  coopId: string;
  coop: string;
  cameras: number;
  offlineNow: number;
  /** Percent of all the co-op's camera hours online (hours-weighted, not a mean of shares). */
  uptime: number | null;
}

export function uptimeByCoop(rows: readonly CameraRow[]): CoopUptime[] {
  const by = new Map<string, { coop: string; cameras: number; offlineNow: number; on: number; off: number }>();
  for (const r of rows) {
    const a = by.get(r.coopId) ?? { coop: r.coop, cameras: 0, offlineNow: 0, on: 0, off: 0 };
    a.cameras += 1;
    a.offlineNow += r.offline ? 1 : 0;
    a.on += r.onlineHours ?? 0;
    a.off += r.offlineHours ?? 0;
    by.set(r.coopId, a);
  }
  return [...by.entries()]
    .map(([coopId, a]) => ({
      coopId,
      coop: a.coop,
      cameras: a.cameras,
      offlineNow: a.offlineNow,
      uptime: a.on + a.off > 0 ? (100 * a.on) / (a.on + a.off) : null,
    }))
    .sort((a, b) => (a.uptime ?? 101) - (b.uptime ?? 101) || a.coopId.localeCompare(b.coopId));
}

export interface ContractorRow {
  /** contractor_id:category (one contractor may serve in several trades). */
  id: string;
  contractorId: string;
  name: string;
  category: string;
  contracts: number | null;
  ratings: number | null;
  avgRating: number | null;
  poorRatings: number | null;
  /** Percent of ratings that were 1 or 2. */
  poorShare: number | null;
  valueKwd: number | null;
}

const ARABIC = /[\u0600-\u06ff]/;

/**
 * One row per contractor and trade, worst average rating first (the ones to talk to). Co-ops'
 * systems spell a contractor's name in Arabic or English, and Cube groups by the name too, so
 * the spellings are merged here: counts and values add up, the mean is weighted by ratings,
 * and the name shown is the one in the reader's script when there is one.
 */
export function toContractorRows(raw: readonly Raw[], lang: Lang = 'ar'): ContractorRow[] {
  const n = (r: Raw, k: string) => toNumber(r[`contractors.${k}`]);
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  const by = new Map<string, ContractorRow & { ratingSum: number; names: string[] }>();
  for (const r of raw) {
    const contractorId = cellText(r['contractors.contractor_id']);
    const category = cellText(r['contractors.category']);
    const id = `${contractorId}:${category}`;
    const ratings = n(r, 'rating_count');
    const avg = n(r, 'avg_rating');
    const name = cellText(r['contractors.contractor_name']);
    const prev = by.get(id);
    const ratingSum = (prev?.ratingSum ?? 0) + (avg !== null ? avg * (ratings ?? 1) : 0);
    const merged = {
      id,
      contractorId,
      category,
      name: '',
      names: [...(prev?.names ?? []), ...(name ? [name] : [])],
      contracts: add(prev?.contracts ?? null, n(r, 'contract_count')),
      ratings: add(prev?.ratings ?? null, avg !== null ? (ratings ?? 1) : null),
      poorRatings: add(prev?.poorRatings ?? null, n(r, 'poor_rating_count')),
      valueKwd: add(prev?.valueKwd ?? null, n(r, 'contract_value_kwd')),
      avgRating: null,
      poorShare: null,
      ratingSum,
    };
    by.set(id, merged);
  }
  return [...by.values()]
    .map(({ ratingSum, names, ...row }) => {
      const inScript = names.find((x) => ARABIC.test(x) === (lang === 'ar'));
      return {
        ...row,
        name: inScript ?? names[0] ?? row.contractorId,
        avgRating: row.ratings ? ratingSum / row.ratings : null,
        poorShare: row.ratings ? (100 * (row.poorRatings ?? 0)) / row.ratings : null,
      };
    })
    .sort((a, b) => (a.avgRating ?? 6) - (b.avgRating ?? 6) || a.contractorId.localeCompare(b.contractorId));
}
