import type { CameraRow, ContractorRow, EmploymentRow, StalledRow } from '../cube/admin-rows';
import { formatDate, formatDateTime } from '../format/date';
import type { Lang } from '../format/locale';
import { formatKwd, formatNumber, formatPercent } from '../format/number';
import type { Messages } from '../i18n/messages';
import type { Column } from './data-table';

/** A code's label when the messages know it, else the code itself (a new request type still shows). */
export function label(t: Messages, prefix: string, code: string): string {
  return (t as Record<string, string>)[`${prefix}${code}`] ?? code;
}

/** Requests held too long in their status, longest first: the controller's to-do list. */
export function stalledColumns(t: Messages, lang: Lang): Column<StalledRow>[] {
  return [
    { key: 'id', header: t.transactionId, value: (r) => r.transactionId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    {
      key: 'type',
      header: t.requestType,
      value: (r) => r.requestType,
      render: (r) => label(t, 'reqType_', r.requestType),
    },
    { key: 'status', header: t.status, value: (r) => r.status, render: (r) => label(t, 'status_', r.status) },
    { key: 'actor', header: t.holder, value: (r) => r.actor, render: (r) => label(t, 'actor_', r.actor) },
    {
      key: 'inStatus',
      header: t.workingDaysInStatus,
      numeric: true,
      value: (r) => r.workingDaysInStatus,
      render: (r) => <span className="flag">{formatNumber(r.workingDaysInStatus, lang)}</span>,
    },
    {
      key: 'open',
      header: t.workingDaysOpen,
      numeric: true,
      value: (r) => r.workingDaysOpen,
      render: (r) => formatNumber(r.workingDaysOpen, lang),
    },
    {
      key: 'returned',
      header: t.timesReturned,
      numeric: true,
      value: (r) => r.timesReturned,
      render: (r) => formatNumber(r.timesReturned, lang),
    },
    {
      key: 'submitted',
      header: t.submittedAt,
      value: (r) => r.submittedAt,
      render: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, lang) : '—'),
    },
    {
      key: 'since',
      header: t.statusSince,
      value: (r) => r.statusAt,
      render: (r) => (r.statusAt ? formatDateTime(r.statusAt, lang) : '—'),
    },
  ];
}

/** Each co-op's newest quarter-end: Kuwaiti ratio against the target (below it flagged). */
export function employmentColumns(t: Messages, lang: Lang): Column<EmploymentRow>[] {
  const pct = (v: number | null) => formatPercent(v === null ? null : v / 100, lang, 1);
  return [
    { key: 'coopId', header: t.id, value: (r) => r.coopId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    {
      key: 'snapshot',
      header: t.snapshotDate,
      value: (r) => r.snapshotDate,
      render: (r) => (r.snapshotDate ? formatDate(r.snapshotDate, lang) : '—'),
    },
    {
      key: 'ratio',
      header: t.kuwaitiRatio,
      numeric: true,
      value: (r) => r.kuwaitiRatio,
      render: (r) => <span className={(r.gap ?? 0) < 0 ? 'flag' : undefined}>{pct(r.kuwaitiRatio)}</span>,
    },
    {
      key: 'gap',
      header: t.targetGap,
      numeric: true,
      value: (r) => r.gap,
      render: (r) => formatNumber(r.gap, lang, 1),
    },
    {
      key: 'employees',
      header: t.employees,
      numeric: true,
      value: (r) => r.employees,
      render: (r) => formatNumber(r.employees, lang),
    },
    {
      key: 'counted',
      header: t.countedEmployees,
      numeric: true,
      value: (r) => r.countedEmployees,
      render: (r) => formatNumber(r.countedEmployees, lang),
    },
    {
      key: 'kuwaitis',
      header: t.countedKuwaitis,
      numeric: true,
      value: (r) => r.countedKuwaitis,
      render: (r) => formatNumber(r.countedKuwaitis, lang),
    },
    {
      key: 'payroll',
      header: t.monthlyPayroll,
      numeric: true,
      value: (r) => r.payrollKwd,
      render: (r) => formatKwd(r.payrollKwd, lang),
    },
  ];
}

/** Every camera, offline ones flagged. */
export function cameraColumns(t: Messages, lang: Lang): Column<CameraRow>[] {
  return [
    { key: 'camera', header: t.camera, value: (r) => r.cameraId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'site', header: t.site, value: (r) => r.site },
    { key: 'location', header: t.location, value: (r) => r.location },
    {
      key: 'status',
      header: t.status,
      value: (r) => (r.offline ? 'offline' : 'online'),
      render: (r) => (r.offline ? <span className="flag">{t.cameraStatus_offline}</span> : t.cameraStatus_online),
    },
    {
      key: 'since',
      header: t.statusSince,
      value: (r) => r.since,
      render: (r) => (r.since ? formatDateTime(r.since, lang) : '—'),
    },
    {
      key: 'uptime',
      header: t.uptime,
      numeric: true,
      value: (r) => r.uptime,
      render: (r) => formatPercent(r.uptime === null ? null : r.uptime / 100, lang, 1),
    },
    {
      key: 'outages',
      header: t.outages,
      numeric: true,
      value: (r) => r.outages,
      render: (r) => formatNumber(r.outages, lang),
    },
    {
      key: 'offlineHours',
      header: t.offlineHours,
      numeric: true,
      value: (r) => r.offlineHours,
      render: (r) => formatNumber(r.offlineHours, lang, 1),
    },
  ];
}

/** Each contractor × trade, a mean rating under 3 flagged. */
export function contractorColumns(t: Messages, lang: Lang): Column<ContractorRow>[] {
  return [
    { key: 'contractorId', header: t.id, value: (r) => r.contractorId },
    { key: 'name', header: t.contractor, value: (r) => r.name },
    {
      key: 'category',
      header: t.contractCategory,
      value: (r) => r.category,
      render: (r) => label(t, 'category_', r.category),
    },
    {
      key: 'contracts',
      header: t.contracts,
      numeric: true,
      value: (r) => r.contracts,
      render: (r) => formatNumber(r.contracts, lang),
    },
    {
      key: 'ratings',
      header: t.ratings,
      numeric: true,
      value: (r) => r.ratings,
      render: (r) => formatNumber(r.ratings, lang),
    },
    {
      key: 'avgRating',
      header: t.avgRating,
      numeric: true,
      value: (r) => r.avgRating,
      render: (r) => (
        <span className={(r.avgRating ?? 5) < 3 ? 'flag' : undefined}>{formatNumber(r.avgRating, lang, 2)}</span>
      ),
    },
    {
      key: 'poorShare',
      header: t.poorShare,
      numeric: true,
      value: (r) => r.poorShare,
      render: (r) => formatPercent(r.poorShare === null ? null : r.poorShare / 100, lang, 1),
    },
    {
      key: 'valueKwd',
      header: t.contractValue,
      numeric: true,
      value: (r) => r.valueKwd,
      render: (r) => formatKwd(r.valueKwd, lang),
    },
  ];
}
