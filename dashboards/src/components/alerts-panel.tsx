import { useCubeQuery } from '@cubejs-client/react';
import type { Query } from '@cubejs-client/core';
import { useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { alertProductNamesQuery, alertsQuery } from '../cube/alerts-queries';
import { alertProducts, toAlertRows, toProductNames, type AlertRow } from '../cube/alerts-rows';
import { formatDateTime, kuwaitIso } from '../format/date';
import { formatNumber } from '../format/number';
import { DataTable, type Column } from './data-table';
import { QueryState } from './query-state';

// Severity colours follow the cover bands: red is the one to act on first.
const SEVERITY_COLOR = { critical: '#c62828', warning: '#ef6c00', watch: '#f9a825' } as const;

function When({ value }: { value: string | null }) {
  const { lang } = useApp();
  if (!value) return <>—</>;
  return <time dateTime={kuwaitIso(value) ?? undefined}>{formatDateTime(value, lang)}</time>;
}

/**
 * The panic-buying alerts of the newest scoring run (issue 7): open ones by default, most severe
 * first, in the page's governorate if one is chosen. The `surge_alerts` view has no co-op, so the
 * page leaves this panel out for a co-op board rather than show it a refusal.
 */
export function AlertsPanel({ governorateId }: { governorateId: string | null }) {
  const { t, lang } = useApp();
  const [includeClosed, setIncludeClosed] = useState(false);
  const query = useMemo(() => alertsQuery({ governorateId, includeClosed }), [governorateId, includeClosed]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const rows = useMemo(() => (resultSet ? toAlertRows(resultSet.rawData(), lang) : []), [resultSet, lang]);
  // Product names are a garnish: if they fail or are slow, the products show by their ids.
  const namesQuery = useMemo(() => alertProductNamesQuery(rows.flatMap((r) => r.productIds)), [rows]);
  const names = useCubeQuery(namesQuery ?? ({} as Query), { skip: !namesQuery });
  const productNames = useMemo(
    () => (names.resultSet ? toProductNames(names.resultSet.rawData(), lang) : new Map<string, string>()),
    [names.resultSet, lang],
  );
  const columns: Column<AlertRow>[] = [
    {
      key: 'severity',
      header: t.alertLevel,
      value: (r) => (r.severity ? t[`severity_${r.severity}`] : null),
      render: (r) => (
        <span className="cover-cell" data-severity={r.severity ?? ''}>
          <i
            className="swatch"
            style={{ background: r.severity ? SEVERITY_COLOR[r.severity] : '#9e9e9e' }}
            aria-hidden="true"
          />
          {r.severity ? t[`severity_${r.severity}`] : '—'}
          {r.peakSeverity && r.peakSeverity !== r.severity && (
            <small>
              {' '}
              ({t.alertPeak}: {t[`severity_${r.peakSeverity}`]})
            </small>
          )}
        </span>
      ),
    },
    ...(includeClosed
      ? [
          {
            key: 'status',
            header: t.alertStatus,
            value: (r: AlertRow) => (r.isOpen ? t.alertStatus_open : t.alertStatus_closed),
          },
        ]
      : []),
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    { key: 'category', header: t.category, value: (r) => r.category },
    {
      key: 'products',
      header: t.alertProducts,
      value: (r) => alertProducts(r, productNames).join(lang === 'ar' ? '، ' : ', '),
    },
    {
      key: 'ratio',
      header: t.alertRatio,
      numeric: true,
      value: (r) => r.ratio,
      render: (r) => (r.ratio === null ? '—' : <span title={t.alertRatioHint}>{formatNumber(r.ratio, lang, 1)}×</span>),
    },
    { key: 'since', header: t.alertSince, value: (r) => r.sinceAt, render: (r) => <When value={r.sinceAt} /> },
    {
      key: 'hours',
      header: t.alertHoursToStockout,
      numeric: true,
      value: (r) => r.hoursToStockout,
      render: (r) => (r.hoursToStockout === null ? '—' : `${formatNumber(r.hoursToStockout, lang)} ${t.hoursShort}`),
    },
  ];
  const emptyText = governorateId
    ? includeClosed
      ? t.alertsNoneAtAllHere
      : t.alertsNoneHere
    : includeClosed
      ? t.alertsNoneAtAll
      : t.alertsNone;
  return (
    <section className="panel" data-testid="alerts-panel" data-include-closed={includeClosed}>
      <h2>
        {t.alertsTitle} <small>{includeClosed ? t.alertsWithClosed : t.alertsActive}</small>
      </h2>
      <label className="no-print">
        <input
          type="checkbox"
          data-testid="alerts-show-closed"
          checked={includeClosed}
          onChange={(e) => setIncludeClosed(e.target.checked)}
        />{' '}
        {t.alertsShowClosed}
      </label>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={rows.length === 0}
        emptyText={emptyText}
        onRetry={() => void refetch()}
      >
        <DataTable title={t.alertsTitle} columns={columns} rows={rows} rowKey={(r) => r.id} testId="alerts-table" />
      </QueryState>
    </section>
  );
}
