import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import {
  buildEntityBarsOption,
  buildIncomeOption,
  buildKuwaitiRatioOption,
  buildProcessingOption,
} from '../charts/admin-charts';
import { DataTable, type Column } from '../components/data-table';
import { EChart } from '../components/echart';
import { QueryState } from '../components/query-state';
import {
  camerasQuery,
  contractorsQuery,
  employmentQuery,
  shareholdersQuery,
  incomeQuery,
  processingQuery,
  stalledQuery,
  transactionTotalsQuery,
  type AdminScope,
} from '../cube/admin-queries';
import {
  incomeByMonth,
  summarizeProcessing,
  toEmploymentRows,
  toIncomeRows,
  toProcessingRows,
  toStalledRows,
  toTransactionTotals,
  toCameraRows,
  toContractorRows,
  toShareholderRows,
  uptimeByCoop,
  type ShareholderRow,
  type IncomeRow,
  type ProcessingRow,
} from '../cube/admin-rows';
import { formatPeriod } from '../format/date';
import { formatDays, formatKwd, formatNumber, formatPercent } from '../format/number';
import { kuwaitiTarget, type UrlState } from '../state/url-state';
import { GovernorateSelect } from '../components/governorate-select';
import {
  cameraColumns,
  contractorColumns,
  employmentColumns,
  label,
  stalledColumns,
} from '../components/admin-columns';

/** `YYYY-MM` of a month input ↔ the first or last day kept in the URL. */
function monthStart(v: string): string | null {
  return /^\d{4}-\d{2}$/.test(v) ? `${v}-01` : null;
}
function monthEnd(v: string): string | null {
  if (!/^\d{4}-\d{2}$/.test(v)) return null;
  const last = new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).getUTCDate();
  return `${v}-${String(last).padStart(2, '0')}`;
}

function Filters() {
  const { t, lang, url, navigate, session } = useApp();
  const set = (patch: Partial<UrlState>) => navigate(patch, true);
  const govs = useCubeQuery({
    dimensions: ['employment.governorate_id', 'employment.governorate_name_ar', 'employment.governorate_name_en'],
    order: { 'employment.governorate_id': 'asc' },
  });
  const govOptions = (govs.resultSet?.rawData() ?? []).map((r) => ({
    id: String(r['employment.governorate_id']),
    name: String(r[`employment.governorate_name_${lang}`] ?? r['employment.governorate_id']),
  }));
  return (
    <div className="filters no-print" data-testid="admin-filters">
      {session.role !== 'coop_board' && (
        <>
          <GovernorateSelect
            label={t.governorate}
            allLabel={t.kuwait}
            options={govOptions}
            value={url.gov}
            onChange={(gov) => set({ gov, coop: null })}
          />
          <label>
            {t.coop}{' '}
            <input
              data-testid="coop-filter"
              size={6}
              placeholder={t.allCoops}
              defaultValue={url.coop ?? ''}
              onBlur={(e) => {
                const v = e.target.value.trim().toUpperCase();
                set({ coop: /^C\d{3,}$/.test(v) ? v : null });
              }}
            />
          </label>
        </>
      )}
      <label>
        {t.fromMonth}{' '}
        <input
          type="month"
          data-testid="from-month"
          value={url.from?.slice(0, 7) ?? ''}
          onChange={(e) => set({ from: monthStart(e.target.value) })}
        />
      </label>
      <label>
        {t.toMonth}{' '}
        <input
          type="month"
          data-testid="to-month"
          value={url.to?.slice(0, 7) ?? ''}
          onChange={(e) => set({ to: monthEnd(e.target.value) })}
        />
      </label>
      <label>
        {t.target} %{' '}
        <input
          type="number"
          data-testid="target-input"
          min={1}
          max={100}
          value={kuwaitiTarget(url)}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 100) set({ target: String(n) });
          }}
        />
      </label>
    </div>
  );
}

function Stalled({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const totalsQ = useCubeQuery(useMemo(() => transactionTotalsQuery(scope), [scope]));
  const listQ = useCubeQuery(useMemo(() => stalledQuery(scope), [scope]));
  const totals = toTransactionTotals(totalsQ.resultSet?.rawData() ?? []);
  const rows = useMemo(() => toStalledRows(listQ.resultSet?.rawData() ?? [], lang), [listQ.resultSet, lang]);
  return (
    <section className="panel" data-testid="stalled-panel">
      <QueryState
        isLoading={totalsQ.isLoading}
        error={totalsQ.error}
        isEmpty={false}
        onRetry={() => void totalsQ.refetch()}
        minHeight={48}
      >
        <div
          className={`banner ${totals.stalled > 0 ? 'banner-alert' : 'banner-ok'}`}
          role={totals.stalled > 0 ? 'alert' : 'status'}
          data-testid="stalled-banner"
          data-count={totals.stalled}
        >
          <strong>
            {totals.stalled > 0 ? t.stalledBanner.replace('{n}', formatNumber(totals.stalled, lang)) : t.stalledNone}
          </strong>{' '}
          <span>
            {t.stalledTotals
              .replace('{open}', formatNumber(totals.open, lang))
              .replace('{all}', formatNumber(totals.transactions, lang))}
          </span>
        </div>
      </QueryState>
      <h2>{t.stalledTitle}</h2>
      <QueryState
        isLoading={listQ.isLoading}
        error={listQ.error}
        isEmpty={rows.length === 0}
        onRetry={() => void listQ.refetch()}
        minHeight={60}
      >
        <DataTable
          title={t.stalledTitle}
          columns={stalledColumns(t, lang)}
          rows={rows}
          rowKey={(r) => r.transactionId}
          testId="stalled-table"
        />
      </QueryState>
    </section>
  );
}

function Processing({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => processingQuery(scope), [scope]));
  const rows = useMemo(() => toProcessingRows(q.resultSet?.rawData() ?? []), [q.resultSet]);
  const option = useMemo(
    () =>
      buildProcessingOption({
        summary: summarizeProcessing(rows),
        typeLabel: (c) => label(t, 'reqType_', c),
        lang,
        names: { decided: t.decidedRequests, open: t.openRequests },
      }),
    [rows, t, lang],
  );
  const columns: Column<ProcessingRow>[] = [
    {
      key: 'type',
      header: t.requestType,
      value: (r) => r.requestType,
      render: (r) => label(t, 'reqType_', r.requestType),
    },
    { key: 'actor', header: t.holder, value: (r) => r.actor, render: (r) => label(t, 'actor_', r.actor) },
    {
      key: 'final',
      header: t.status,
      value: (r) => (r.final ? 'decided' : 'open'),
      render: (r) => (r.final ? t.decided : t.open),
    },
    {
      key: 'count',
      header: t.requests,
      numeric: true,
      value: (r) => r.count,
      render: (r) => formatNumber(r.count, lang),
    },
    {
      key: 'avg',
      header: t.avgWorkingDays,
      numeric: true,
      value: (r) => r.avgWorkingDaysOpen,
      render: (r) => formatDays(r.avgWorkingDaysOpen, lang),
    },
    {
      key: 'max',
      header: t.maxWorkingDaysInStatus,
      numeric: true,
      value: (r) => r.maxWorkingDaysInStatus,
      render: (r) => formatNumber(r.maxWorkingDaysInStatus, lang),
    },
    {
      key: 'stalled',
      header: t.stalled,
      numeric: true,
      value: (r) => r.stalled,
      render: (r) => formatNumber(r.stalled, lang),
    },
  ];
  return (
    <section className="panel" data-testid="processing-panel">
      <h2>{t.processingTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={320}
      >
        <EChart option={option} height={320} testId="processing-chart" ariaLabel={t.processingTitle} />
        <DataTable
          title={t.processingTitle}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          testId="processing-table"
        />
      </QueryState>
    </section>
  );
}

function Employment({ scope, targetPct }: { scope: AdminScope; targetPct: number }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => employmentQuery(scope), [scope]));
  const rows = useMemo(
    () => toEmploymentRows(q.resultSet?.rawData() ?? [], lang, targetPct),
    [q.resultSet, lang, targetPct],
  );
  const option = useMemo(
    () => buildKuwaitiRatioOption({ rows, targetPct, lang, targetLabel: t.target }),
    [rows, targetPct, lang, t],
  );
  const below = rows.filter((r) => r.gap !== null && r.gap < 0).length;
  return (
    <section className="panel" data-testid="employment-panel">
      <h2>{t.employmentTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={320}
      >
        <p data-testid="below-target" data-count={below}>
          {t.belowTarget.replace('{n}', formatNumber(below, lang)).replace('{all}', formatNumber(rows.length, lang))} (
          {t.target} {formatPercent(targetPct / 100, lang)})
        </p>
        <EChart option={option} height={320} testId="employment-chart" ariaLabel={t.employmentTitle} />
        <DataTable
          title={t.employmentTitle}
          columns={employmentColumns(t, lang)}
          rows={rows}
          rowKey={(r) => r.coopId}
          testId="employment-table"
        />
      </QueryState>
    </section>
  );
}

function Income({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => incomeQuery(scope), [scope]));
  const rows = useMemo(() => toIncomeRows(q.resultSet?.rawData() ?? [], lang), [q.resultSet, lang]);
  const option = useMemo(
    () =>
      buildIncomeOption({
        months: incomeByMonth(rows),
        lang,
        names: { net_sales_kwd: t.netSales, gross_profit_kwd: t.grossProfit, operating_result_kwd: t.operatingResult },
      }),
    [rows, lang, t],
  );
  const kwd = (key: keyof IncomeRow & string, header: string): Column<IncomeRow> => ({
    key,
    header,
    numeric: true,
    value: (r) => r[key] as number | null,
    render: (r) => formatKwd(r[key], lang),
  });
  const columns: Column<IncomeRow>[] = [
    { key: 'month', header: t.month, value: (r) => r.month, render: (r) => formatPeriod(r.month, 'month', lang) },
    { key: 'coopId', header: t.id, value: (r) => r.coopId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    kwd('net_sales_kwd', t.netSales),
    kwd('sales_returns_kwd', t.salesReturns),
    kwd('cost_of_sales_kwd', t.costOfSales),
    kwd('gross_profit_kwd', t.grossProfit),
    {
      key: 'gross_margin',
      header: t.grossMargin,
      numeric: true,
      value: (r) => r.gross_margin,
      render: (r) => formatPercent(r.gross_margin === null ? null : r.gross_margin / 100, lang, 1),
    },
    kwd('salaries_kwd', t.salaries),
    kwd('contractor_services_kwd', t.contractorServices),
    kwd('shrinkage_kwd', t.shrinkage),
    kwd('social_aid_kwd', t.socialAid),
    kwd('operating_result_kwd', t.operatingResult),
  ];
  return (
    <section className="panel" data-testid="income-panel">
      <h2>{t.incomeTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={320}
      >
        <EChart option={option} height={320} testId="income-chart" ariaLabel={t.incomeTitle} />
        <DataTable title={t.incomeTitle} columns={columns} rows={rows} rowKey={(r) => r.id} testId="income-table" />
      </QueryState>
    </section>
  );
}

function Shareholders({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => shareholdersQuery(scope), [scope]));
  const rows = useMemo(() => toShareholderRows(q.resultSet?.rawData() ?? [], lang), [q.resultSet, lang]);
  const option = useMemo(
    () =>
      buildEntityBarsOption({
        source: rows.map((r) => ({ coop: r.coop, members: r.members, former: r.formerMembers })),
        x: 'coop',
        series: [
          { y: 'members', name: t.members, color: '#1565c0', stack: 'people' },
          { y: 'former', name: t.formerMembers, color: '#90a4ae', stack: 'people' },
        ],
        lang,
        format: (v) => formatNumber(v, lang),
      }),
    [rows, t, lang],
  );
  const num = (key: keyof ShareholderRow & string, header: string): Column<ShareholderRow> => ({
    key,
    header,
    numeric: true,
    value: (r) => r[key] as number | null,
    render: (r) => formatNumber(r[key], lang),
  });
  const columns: Column<ShareholderRow>[] = [
    { key: 'coopId', header: t.id, value: (r) => r.coopId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    num('shareholders', t.shareholders),
    num('members', t.members),
    num('formerMembers', t.formerMembers),
    num('shares', t.shares),
    {
      key: 'dividendsKwd',
      header: t.dividends,
      numeric: true,
      value: (r) => r.dividendsKwd,
      render: (r) => formatKwd(r.dividendsKwd, lang),
    },
    num('transferredIn', t.transferredIn),
    num('transferredOut', t.transferredOut),
  ];
  return (
    <section className="panel" data-testid="shareholders-panel">
      <h2>{t.shareholdersTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={280}
      >
        <EChart option={option} height={280} testId="shareholders-chart" ariaLabel={t.shareholdersTitle} />
        <DataTable
          title={t.shareholdersTitle}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.coopId}
          testId="shareholders-table"
        />
      </QueryState>
    </section>
  );
}

function Cameras({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => camerasQuery(scope), [scope]));
  const rows = useMemo(() => toCameraRows(q.resultSet?.rawData() ?? [], lang), [q.resultSet, lang]);
  const option = useMemo(
    () =>
      buildEntityBarsOption({
        source: uptimeByCoop(rows).map((c) => ({ coop: c.coop, uptime: c.uptime, down: c.offlineNow > 0 })),
        x: 'coop',
        series: [{ y: 'uptime', name: t.uptime, color: '#2e7d32' }],
        lang,
        format: (v) => formatPercent(typeof v === 'number' ? v / 100 : null, lang, 1),
        max: 100,
        flagColumn: 'down',
      }),
    [rows, t, lang],
  );
  return (
    <section className="panel" data-testid="cameras-panel">
      <h2>{t.camerasTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={280}
      >
        <p data-testid="cameras-offline" data-count={rows.filter((r) => r.offline).length}>
          {t.offlineNow}: {formatNumber(rows.filter((r) => r.offline).length, lang)} / {formatNumber(rows.length, lang)}{' '}
          {t.cameras}
        </p>
        <EChart option={option} height={280} testId="cameras-chart" ariaLabel={t.camerasTitle} />
        <DataTable
          title={t.camerasTitle}
          columns={cameraColumns(t, lang)}
          rows={rows}
          rowKey={(r) => r.cameraId}
          testId="cameras-table"
        />
      </QueryState>
    </section>
  );
}

function Contractors({ scope }: { scope: AdminScope }) {
  const { t, lang } = useApp();
  const q = useCubeQuery(useMemo(() => contractorsQuery(scope), [scope]));
  const rows = useMemo(() => toContractorRows(q.resultSet?.rawData() ?? [], lang), [q.resultSet, lang]);
  const option = useMemo(
    () =>
      buildEntityBarsOption({
        source: rows.map((r) => ({
          name: `${r.name} · ${label(t, 'category_', r.category)}`,
          rating: r.avgRating,
          poor: (r.avgRating ?? 5) < 3,
        })),
        x: 'name',
        series: [{ y: 'rating', name: t.avgRating, color: '#1565c0' }],
        lang,
        format: (v) => formatNumber(v, lang, 2),
        max: 5,
        flagColumn: 'poor',
      }),
    [rows, t, lang],
  );
  return (
    <section className="panel" data-testid="contractors-panel">
      <h2>{t.contractorsTitle}</h2>
      <QueryState
        isLoading={q.isLoading}
        error={q.error}
        isEmpty={rows.length === 0}
        onRetry={() => void q.refetch()}
        minHeight={280}
      >
        <EChart option={option} height={280} testId="contractors-chart" ariaLabel={t.contractorsTitle} />
        <DataTable
          title={t.contractorsTitle}
          columns={contractorColumns(t, lang)}
          rows={rows}
          rowKey={(r) => r.id}
          testId="contractors-table"
        />
      </QueryState>
    </section>
  );
}

/**
 * Administration and finance for controllers (a board sees only its own co-op: Cube narrows
 * its token): stalled requests first, then processing times, Kuwaiti employment, statements.
 */
export default function Admin() {
  const { t, url } = useApp();
  const scope = useMemo<AdminScope>(
    () => ({ gov: url.gov, coop: url.coop, from: url.from, to: url.to }),
    [url.gov, url.coop, url.from, url.to],
  );
  return (
    <main className="page" data-page="admin">
      <header className="page-header">
        <h1>{t.admin}</h1>
      </header>
      <Filters />
      <Stalled scope={scope} />
      <div className="chart-grid">
        <Processing scope={scope} />
        <Employment scope={scope} targetPct={kuwaitiTarget(url)} />
      </div>
      <Income scope={scope} />
      <Shareholders scope={scope} />
      <div className="chart-grid">
        <Cameras scope={scope} />
        <Contractors scope={scope} />
      </div>
    </main>
  );
}
