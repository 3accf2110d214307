import type { Query } from '@cubejs-client/core';
import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { buildCoverBarOption } from '../charts/cover-bar';
import { buildSparklineOption } from '../charts/sparkline';
import {
  coverQuery,
  crisisFreshnessQuery,
  drillLevel,
  essentialsQuery,
  salesVelocityQuery,
  type CrisisScope,
} from '../cube/queries';
import { toCoverRows, toEssentialRows, toSparkSeries, type CoverRow, type EssentialRow } from '../cube/rows';
import { AlertsPanel } from '../components/alerts-panel';
import { DataTable, type Column } from '../components/data-table';
import { EChart } from '../components/echart';
import { GovernorateMap } from '../components/governorate-map';
import { QueryState } from '../components/query-state';
import { Freshness } from '../components/freshness';
import { shiftDay } from '../format/date';
import { formatDays, formatNumber } from '../format/number';
import { coverColor } from '../charts/cover-bands';

const SPARK_DAYS = 28;

/** Names for the breadcrumb when the page is opened from a shared link, not by clicking. */
function useScopeNames(scope: CrisisScope) {
  const { lang } = useApp();
  const query = useMemo<Query>(
    () => ({
      dimensions: [
        'crisis.governorate_id',
        `crisis.governorate_name_${lang}`,
        'crisis.coop_id',
        `crisis.coop_name_${lang}`,
      ],
      filters: [
        ...(scope.governorateId
          ? [{ member: 'crisis.governorate_id', operator: 'equals' as const, values: [scope.governorateId] }]
          : []),
        ...(scope.coopId ? [{ member: 'crisis.coop_id', operator: 'equals' as const, values: [scope.coopId] }] : []),
      ],
      limit: 1,
    }),
    [scope.governorateId, scope.coopId, lang],
  );
  const { resultSet } = useCubeQuery(query, { skip: !scope.governorateId && !scope.coopId });
  const row = resultSet?.rawData()[0];
  return {
    gov: row ? String(row[`crisis.governorate_name_${lang}`] ?? '') || scope.governorateId : scope.governorateId,
    coop: row ? String(row[`crisis.coop_name_${lang}`] ?? '') || scope.coopId : scope.coopId,
  };
}

function Breadcrumbs({ scope }: { scope: CrisisScope }) {
  const { t, navigate } = useApp();
  const names = useScopeNames(scope);
  return (
    <nav className="breadcrumbs" aria-label="breadcrumb" data-testid="breadcrumbs">
      <button
        type="button"
        className="link"
        onClick={() => navigate({ gov: null, coop: null }, true)}
        disabled={!scope.governorateId && !scope.coopId}
      >
        {t.kuwait}
      </button>
      {scope.governorateId && (
        <>
          <span aria-hidden="true"> › </span>
          <button
            type="button"
            className="link"
            onClick={() => navigate({ coop: null }, true)}
            disabled={!scope.coopId}
          >
            {names.gov}
          </button>
        </>
      )}
      {scope.coopId && (
        <>
          <span aria-hidden="true"> › </span>
          <span>{names.coop}</span>
        </>
      )}
    </nav>
  );
}

function CoverPanel({ scope }: { scope: CrisisScope }) {
  const { t, lang, navigate } = useApp();
  const level = drillLevel(scope);
  const query = useMemo(() => coverQuery(scope), [scope]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const rows = useMemo(
    () => (resultSet ? toCoverRows(resultSet.rawData(), level, lang) : []),
    [resultSet, level, lang],
  );
  const option = useMemo(() => buildCoverBarOption({ rows, lang, valueLabel: t.daysOfCover }), [rows, lang, t]);
  const drill = (id: string) => {
    if (level === 'governorate') navigate({ gov: id, coop: null }, true);
    else if (level === 'coop') navigate({ coop: id }, true);
  };
  const levelTitle = level === 'governorate' ? t.coverByGovernorate : level === 'coop' ? t.coverByCoop : t.coverBySite;
  const nameHeader = level === 'governorate' ? t.governorate : level === 'coop' ? t.coop : t.site;
  const columns: Column<CoverRow>[] = [
    { key: 'id', header: t.id, value: (r) => r.id },
    { key: 'name', header: nameHeader, value: (r) => r.name },
    {
      key: 'days',
      header: t.daysOfCover,
      numeric: true,
      value: (r) => r.daysOfCover,
      render: (r) => (
        <span className="cover-cell">
          <i className="swatch" style={{ background: coverColor(r.daysOfCover) }} aria-hidden="true" />
          {formatDays(r.daysOfCover, lang)}
        </span>
      ),
    },
    {
      key: 'stock',
      header: t.stockOnHand,
      numeric: true,
      value: (r) => r.stockOnHand,
      render: (r) => formatNumber(r.stockOnHand, lang),
    },
    {
      key: 'demand',
      header: t.demandPerDay,
      numeric: true,
      value: (r) => r.demandPerDay,
      render: (r) => formatNumber(r.demandPerDay, lang, 1),
    },
  ];
  const chartHeight = Math.max(220, rows.length * 30 + 60);
  return (
    <section className="panel" data-testid="cover-panel" data-level={level}>
      <h2>
        {t.coverTitle} <small>{levelTitle}</small>
      </h2>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={rows.length === 0}
        onRetry={() => void refetch()}
        minHeight={chartHeight}
      >
        <div className={level === 'governorate' ? 'cover-grid with-map' : 'cover-grid'}>
          {level === 'governorate' && <GovernorateMap rows={rows} onSelect={drill} />}
          <EChart
            option={option}
            height={chartHeight}
            testId="cover-chart"
            ariaLabel={`${t.coverTitle} ${levelTitle}`}
            onItemClick={level === 'site' ? undefined : drill}
          />
        </div>
        {level !== 'site' && <p className="hint no-print">{t.drillHint}</p>}
        <DataTable
          title={`${t.coverTitle} ${levelTitle}`}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          onRowClick={level === 'site' ? undefined : (r) => drill(r.id)}
          testId="cover-table"
        />
      </QueryState>
    </section>
  );
}

function Sparkline({ values }: { values: number[] | undefined }) {
  const { lang, t } = useApp();
  const option = useMemo(() => buildSparklineOption(values ?? [], lang), [values, lang]);
  if (!values || values.length === 0) return <span>—</span>;
  return <EChart option={option} height={28} ariaLabel={t.salesVelocity} />;
}

function EssentialsPanel({ scope, lastDay }: { scope: CrisisScope; lastDay: string | null }) {
  const { t, lang } = useApp();
  const query = useMemo(() => essentialsQuery(scope), [scope]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const rows = useMemo(() => (resultSet ? toEssentialRows(resultSet.rawData(), lang) : []), [resultSet, lang]);
  const velocityQuery = useMemo(
    () =>
      lastDay
        ? salesVelocityQuery(scope, shiftDay(lastDay, 1 - SPARK_DAYS), lastDay)
        : salesVelocityQuery(scope, '1970-01-01', '1970-01-01'),
    [scope, lastDay],
  );
  // Sparklines are a garnish: if the consumption view fails, the table still stands.
  const velocity = useCubeQuery(velocityQuery, { skip: !lastDay });
  const spark = useMemo(
    () => (velocity.resultSet ? toSparkSeries(velocity.resultSet.rawData()) : new Map<string, number[]>()),
    [velocity.resultSet],
  );
  const columns: Column<EssentialRow>[] = [
    { key: 'name', header: t.product, value: (r) => r.name },
    { key: 'category', header: t.category, value: (r) => r.category },
    {
      key: 'stock',
      header: t.stockOnHand,
      numeric: true,
      value: (r) => r.stockOnHand,
      render: (r) => formatNumber(r.stockOnHand, lang),
    },
    {
      key: 'days',
      header: t.daysOfCover,
      numeric: true,
      value: (r) => r.daysOfCover,
      render: (r) => (
        <span className="cover-cell">
          <i className="swatch" style={{ background: coverColor(r.daysOfCover) }} aria-hidden="true" />
          {formatDays(r.daysOfCover, lang)}
        </span>
      ),
    },
    {
      key: 'spark',
      header: t.salesVelocity,
      value: () => null,
      noExport: true,
      render: (r) => <Sparkline values={spark.get(r.id)} />,
    },
    { key: 'id', header: t.id, value: (r) => r.id },
  ];
  return (
    <section className="panel" data-testid="essentials-panel">
      <h2>{t.essentials}</h2>
      <QueryState isLoading={isLoading} error={error} isEmpty={rows.length === 0} onRetry={() => void refetch()}>
        <DataTable title={t.essentials} columns={columns} rows={rows} rowKey={(r) => r.id} testId="essentials-table" />
      </QueryState>
    </section>
  );
}

export function CrisisRoom() {
  const { url, t, session } = useApp();
  const scope = useMemo<CrisisScope>(() => ({ governorateId: url.gov, coopId: url.coop }), [url.gov, url.coop]);
  const freshness = useMemo(() => crisisFreshnessQuery(scope), [scope]);
  const { resultSet } = useCubeQuery(freshness);
  const lastRaw = resultSet?.rawData()[0]?.['crisis.stock_date.day'];
  const lastDay = lastRaw ? String(lastRaw).slice(0, 10) : null;
  return (
    <main className="page" data-page="crisis">
      <header className="page-header">
        <h1>{t.crisisRoom}</h1>
        <Freshness query={freshness} member="crisis.stock_date" />
      </header>
      <Breadcrumbs scope={scope} />
      {/* Alerts first: they say what is happening now, the cover below says how long stock lasts. */}
      {session.role !== 'coop_board' && <AlertsPanel governorateId={url.gov} />}
      <CoverPanel scope={scope} />
      <EssentialsPanel scope={scope} lastDay={lastDay} />
    </main>
  );
}
