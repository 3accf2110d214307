import { useCubeQuery } from '@cubejs-client/react';
import { useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { buildPriceOption } from '../charts/price-line';
import { ReviewBadge, ReviewForm, useReviews } from '../components/anomaly-review';
import { BatchLineage } from '../components/batch-lineage';
import { DataTable, type Column } from '../components/data-table';
import { EChart } from '../components/echart';
import { Freshness } from '../components/freshness';
import { QueryState } from '../components/query-state';
import {
  auditFreshnessQuery,
  auditLevel,
  auditNamesQuery,
  auditQuery,
  type AuditLevel,
  type AuditScope,
} from '../cube/audit-queries';
import { toAuditRows, type AuditRow } from '../cube/audit-rows';
import { AnomalyFilters } from '../components/anomaly-filters';
import { useKindName } from '../components/anomaly-kind-filter';
import {
  anomaliesQuery,
  anomalyCountQuery,
  anomalyDrill,
  anomalyFilters,
  hasAnomalyFilters,
  toAnomalyCount,
  toAnomalyRows,
  type AnomalyFilters as Filters,
  type AnomalyRow,
} from '../cube/anomalies';
import { formatDate, formatDateWithHijri } from '../format/date';
import { formatKwd, formatNumber, formatPercent } from '../format/number';
import type { UrlState } from '../state/url-state';
import type { Review } from '../reviews/review-client';

/** Which URL key a click on a row of each level sets: the next step down. */
const DRILL_KEY: Record<Exclude<AuditLevel, 'rows'>, keyof UrlState> = {
  coop: 'coop',
  site: 'site',
  product: 'product',
  day: 'day',
};

function AuditBreadcrumbs({ scope }: { scope: AuditScope }) {
  const { t, lang, navigate } = useApp();
  const names = useCubeQuery(
    useMemo(() => auditNamesQuery(scope), [scope]),
    { skip: !scope.coopId },
  );
  const row = names.resultSet?.rawData()[0];
  const name = (key: string, fallback: string | null | undefined) =>
    String(row?.[`audit.${key}_name_${lang}`] ?? '') || fallback || '';
  const steps: { label: string; patch: Partial<UrlState> | null }[] = [
    {
      label: t.allCoops,
      patch: scope.coopId ? { coop: null, site: null, product: null, day: null, batch: null } : null,
    },
  ];
  if (scope.coopId)
    steps.push({
      label: name('coop', scope.coopId),
      patch: scope.siteId ? { site: null, product: null, day: null, batch: null } : null,
    });
  if (scope.siteId)
    steps.push({
      label: name('site', scope.siteId),
      patch: scope.productId ? { product: null, day: null, batch: null } : null,
    });
  if (scope.productId)
    steps.push({ label: name('product', scope.productId), patch: scope.day ? { day: null, batch: null } : null });
  if (scope.day) steps.push({ label: formatDateWithHijri(scope.day, lang), patch: null });
  return (
    <nav className="breadcrumbs" aria-label="breadcrumb" data-testid="audit-breadcrumbs">
      {steps.map((s, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true"> › </span>}
          <button type="button" className="link" disabled={!s.patch} onClick={() => s.patch && navigate(s.patch, true)}>
            {s.label}
          </button>
        </span>
      ))}
    </nav>
  );
}

function columnsFor(
  level: AuditLevel,
  t: ReturnType<typeof useApp>['t'],
  lang: ReturnType<typeof useApp>['lang'],
): Column<AuditRow>[] {
  const money = (v: number | null) => formatKwd(v, lang);
  const first: Column<AuditRow>[] =
    level === 'rows'
      ? [
          { key: 'id', header: t.martRow, value: (r) => r.id },
          { key: 'detail', header: `${t.site} · ${t.product}`, value: (r) => r.detail },
        ]
      : level === 'day'
        ? [{ key: 'name', header: t.day, value: (r) => r.id, render: (r) => formatDateWithHijri(r.id, lang) }]
        : [
            { key: 'id', header: t.id, value: (r) => r.id },
            { key: 'name', header: t.name, value: (r) => r.name },
            ...(level === 'coop' ? [{ key: 'detail', header: t.vendor, value: (r: AuditRow) => r.detail }] : []),
            ...(level === 'site' ? [{ key: 'detail', header: t.siteType, value: (r: AuditRow) => r.detail }] : []),
          ];
  const priced = level === 'product' || level === 'day' || level === 'rows';
  return [
    ...first,
    { key: 'amount', header: t.amount, numeric: true, value: (r) => r.amount, render: (r) => money(r.amount) },
    {
      key: 'quantity',
      header: t.quantity,
      numeric: true,
      value: (r) => r.quantity,
      render: (r) => formatNumber(r.quantity, lang, 3),
    },
    {
      key: 'receipts',
      header: t.receipts,
      numeric: true,
      value: (r) => r.receipts,
      render: (r) => formatNumber(r.receipts, lang),
    },
    ...(level === 'rows'
      ? []
      : [
          {
            key: 'rows',
            header: t.rowCount,
            numeric: true,
            value: (r: AuditRow) => r.rows,
            render: (r: AuditRow) => formatNumber(r.rows, lang),
          },
        ]),
    ...(priced
      ? [
          {
            key: 'unitPrice',
            header: t.unitPrice,
            numeric: true,
            value: (r: AuditRow) => r.unitPrice,
            render: (r: AuditRow) => money(r.unitPrice),
          },
          {
            key: 'listPrice',
            header: t.listPrice,
            numeric: true,
            value: (r: AuditRow) => r.listPrice,
            render: (r: AuditRow) => money(r.listPrice),
          },
          {
            key: 'deviation',
            header: t.priceDeviation,
            numeric: true,
            value: (r: AuditRow) => r.deviation,
            render: (r: AuditRow) => (
              <span className={r.deviation !== null && Math.abs(r.deviation) >= 0.1 ? 'flag' : undefined}>
                {formatPercent(r.deviation, lang, 1)}
              </span>
            ),
          },
        ]
      : []),
  ];
}

function AuditPanel({ scope }: { scope: AuditScope }) {
  const { t, lang, navigate } = useApp();
  const level = auditLevel(scope);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(useMemo(() => auditQuery(scope), [scope]));
  const rows = useMemo(() => toAuditRows(resultSet?.rawData() ?? [], level, lang), [resultSet, level, lang]);
  // At the product level the biggest price gaps come first: that is where an auditor looks.
  const ordered = useMemo(
    () =>
      level === 'product' ? [...rows].sort((a, b) => Math.abs(b.deviation ?? 0) - Math.abs(a.deviation ?? 0)) : rows,
    [rows, level],
  );
  const option = useMemo(
    () =>
      level === 'day'
        ? buildPriceOption({ days: rows, lang, labels: { unitPrice: t.unitPrice, listPrice: t.listPrice } })
        : null,
    [level, rows, lang, t],
  );
  const columns = columnsFor(level, t, lang);
  const drill =
    level === 'rows' ? undefined : (r: AuditRow) => navigate({ [DRILL_KEY[level]]: r.id, batch: null }, true);
  return (
    <section className="panel" data-testid="audit-panel" data-level={level}>
      <h2>
        {t.auditDrill} <small>{t[`auditLevel_${level}`]}</small>
      </h2>
      <QueryState isLoading={isLoading} error={error} isEmpty={rows.length === 0} onRetry={() => void refetch()}>
        {option && (
          <figure className="map-figure">
            <figcaption>{t.priceByDay}</figcaption>
            <EChart option={option} height={260} testId="price-chart" ariaLabel={t.priceByDay} />
          </figure>
        )}
        {drill && <p className="hint no-print">{t.drillHint}</p>}
        <DataTable
          title={`${t.audit} ${t[`auditLevel_${level}`]}`}
          columns={columns}
          rows={ordered}
          rowKey={(r) => r.id}
          onRowClick={drill}
          testId="audit-table"
        />
      </QueryState>
    </section>
  );
}

/** How many cases match the filters (all of them, not only the listed ones) and their value at stake. */
function AnomalyCount({ filters, shown }: { filters: Filters; shown: number | null }) {
  const { t, lang } = useApp();
  const { resultSet, isLoading, error } = useCubeQuery(useMemo(() => anomalyCountQuery(filters), [filters]));
  if (error) return null; // the queue below shows the error and its retry
  if (isLoading || !resultSet)
    return (
      <p className="hint" data-testid="anomaly-count" data-state="loading" aria-busy="true">
        {t.loading}
      </p>
    );
  const { cases, valueAtStake } = toAnomalyCount(resultSet.rawData());
  return (
    <p className="hint" data-testid="anomaly-count" data-count={cases} aria-live="polite">
      {t.anomalyCount.replace('{n}', formatNumber(cases, lang)).replace('{value}', formatKwd(valueAtStake ?? 0, lang))}
      {shown !== null && shown < cases && ` (${t.anomalyCountShown.replace('{shown}', formatNumber(shown, lang))})`}
    </p>
  );
}

/** A case's standing verdict and the button opening its review form. */
function ReviewCell({ review, onOpen }: { review: Review | undefined; onOpen: () => void }) {
  const { t } = useApp();
  return (
    <span className="review-cell">
      <ReviewBadge review={review} />{' '}
      <button
        type="button"
        className="link no-print"
        data-testid="review-open"
        onClick={(e) => {
          // Reviewing is not drilling: the row's own click opens the drill.
          e.stopPropagation();
          onOpen();
        }}
      >
        {t.review}
      </button>
    </span>
  );
}

/** ml's ranked cases, narrowed server-side by the filters in the URL; a click opens the case's co-op, product and days in the drill below. */
function AnomalyQueue() {
  const { t, lang, navigate, url } = useApp();
  const filters = useMemo(() => anomalyFilters(url), [url]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(useMemo(() => anomaliesQuery(filters), [filters]));
  const rows = useMemo(() => toAnomalyRows(resultSet?.rawData() ?? [], lang), [resultSet, lang]);
  const kindName = useKindName();
  const reviews = useReviews();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const columns: Column<AnomalyRow>[] = [
    { key: 'rank', header: '#', numeric: true, value: (r) => r.rank, render: (r) => formatNumber(r.rank, lang) },
    { key: 'kind', header: t.anomalyKind, value: (r) => r.kind, render: (r) => kindName(r.kind) },
    {
      key: 'score',
      header: t.score,
      numeric: true,
      value: (r) => r.score,
      render: (r) => formatNumber(r.score, lang, 2),
    },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'product', header: t.product, value: (r) => r.product },
    {
      key: 'period',
      header: t.period,
      value: (r) => `${r.start ?? ''}..${r.end ?? ''}`,
      render: (r) => `${r.start ? formatDate(r.start, lang) : '—'} – ${r.end ? formatDate(r.end, lang) : '—'}`,
    },
    {
      key: 'value',
      header: t.valueAtStake,
      numeric: true,
      value: (r) => r.valueAtStake,
      render: (r) => formatKwd(r.valueAtStake, lang),
    },
    {
      key: 'review',
      header: t.review,
      value: (r) => reviews.latest.get(r.id)?.status ?? null,
      render: (r) => <ReviewCell review={reviews.latest.get(r.id)} onOpen={() => setReviewing(r.id)} />,
    },
  ];
  return (
    <section className="panel" data-testid="anomaly-panel">
      <h2>{t.anomalyQueue}</h2>
      <AnomalyFilters filters={filters} />
      <AnomalyCount filters={filters} shown={isLoading || error ? null : rows.length} />
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={rows.length === 0}
        emptyText={hasAnomalyFilters(filters) ? t.noAnomalyMatches : t.noAnomalies}
        onRetry={() => void refetch()}
      >
        <p className="hint no-print">{t.drillHint}</p>
        {reviewing && <ReviewForm key={reviewing} anomalyId={reviewing} reviews={reviews} onSaved={reviews.reload} />}
        <DataTable
          title={t.anomalyQueue}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          onRowClick={(r) => navigate(anomalyDrill(r), true)}
          testId="anomaly-table"
        />
      </QueryState>
    </section>
  );
}

export default function AuditWorkbench() {
  const { t, url, session, setSession } = useApp();
  const scope = useMemo<AuditScope>(
    () => ({ coopId: url.coop, siteId: url.site, productId: url.product, day: url.day, from: url.from, to: url.to }),
    [url.coop, url.site, url.product, url.day, url.from, url.to],
  );
  const freshness = useMemo(() => auditFreshnessQuery(scope), [scope]);
  if (session.role !== 'auditor') {
    // The audit view is compiled for auditors only: for anyone else it does not exist at all.
    return (
      <main className="page" data-page="audit">
        <header className="page-header">
          <h1>{t.audit}</h1>
        </header>
        <div className="query-state query-empty" data-state="forbidden" role="note">
          <p>{t.auditorsOnly}</p>
          <button
            type="button"
            data-testid="sign-in-auditor"
            onClick={() => setSession({ role: 'auditor', coopId: null })}
          >
            {t.signInAsAuditor}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="page" data-page="audit">
      <header className="page-header">
        <h1>{t.audit}</h1>
        <Freshness query={freshness} member="audit.business_date" />
      </header>
      {!scope.coopId && <AnomalyQueue />}
      <AuditBreadcrumbs scope={scope} />
      <AuditPanel scope={scope} />
      {/* The end of the drill: the files behind the day's rows, and what ingestion refused in them. */}
      {scope.coopId && scope.day && auditLevel(scope) === 'rows' && (
        <BatchLineage coopId={scope.coopId} day={scope.day} />
      )}
    </main>
  );
}
