import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { DataTable, type Column } from '../components/data-table';
import { QueryState } from '../components/query-state';
import { linkageQuery, summarizeLinkage, toLinkageRows, type LinkageRow } from '../cube/linkage';
import { formatDate, formatDateTime } from '../format/date';
import type { Lang } from '../format/locale';
import { formatNumber, formatPercent } from '../format/number';
import type { Messages } from '../i18n/messages';

/** Every co-op feed: linked or not, how late, what it sent and how much of it was refused. */
function linkageColumns(t: Messages, lang: Lang): Column<LinkageRow>[] {
  const feedName = (f: string) => (f === 'sales' ? t.feed_sales : f === 'stock' ? t.feed_stock : f);
  return [
    { key: 'coopId', header: t.id, value: (r) => r.coopId },
    { key: 'coop', header: t.coop, value: (r) => r.coop },
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    { key: 'vendor', header: t.vendor, value: (r) => r.vendor },
    { key: 'feed', header: t.feed, value: (r) => r.feed, render: (r) => feedName(r.feed) },
    {
      key: 'linked',
      header: t.linked,
      value: (r) => (r.linked ? 1 : 0),
      render: (r) => (r.linked ? t.yes : <span className="flag">{t.no}</span>),
    },
    {
      key: 'lateDays',
      header: t.lateDays,
      numeric: true,
      value: (r) => r.lateDays,
      render: (r) =>
        r.lateDays === null ? (
          <span className="flag">{t.neverSent}</span>
        ) : (
          <span className={r.lateDays > 0 ? 'flag' : undefined}>{formatNumber(r.lateDays, lang)}</span>
        ),
    },
    {
      key: 'lastBusinessDate',
      header: t.lastBusinessDate,
      value: (r) => r.lastBusinessDate,
      render: (r) => (r.lastBusinessDate ? formatDate(r.lastBusinessDate, lang) : '—'),
    },
    {
      key: 'lastReceivedAt',
      header: t.lastReceivedAt,
      value: (r) => r.lastReceivedAt,
      render: (r) => (r.lastReceivedAt ? formatDateTime(r.lastReceivedAt, lang) : '—'),
    },
    {
      key: 'batches',
      header: t.batches,
      numeric: true,
      value: (r) => r.batches,
      render: (r) => formatNumber(r.batches, lang),
    },
    {
      key: 'rejected',
      header: t.rejected,
      numeric: true,
      value: (r) => r.rejected,
      render: (r) => formatNumber(r.rejected, lang),
    },
    {
      key: 'quarantineShare',
      header: t.quarantineShare,
      numeric: true,
      value: (r) => r.quarantineShare,
      render: (r) => formatPercent(r.quarantineShare === null ? null : r.quarantineShare / 100, lang, 1),
    },
  ];
}

export default function Linkage() {
  const { t, lang, url } = useApp();
  const { resultSet, isLoading, error, refetch } = useCubeQuery(useMemo(() => linkageQuery(url.gov), [url.gov]));
  const rows = useMemo(() => toLinkageRows(resultSet?.rawData() ?? [], lang), [resultSet, lang]);
  const summary = summarizeLinkage(rows);
  const newest = rows
    .map((r) => r.lastBusinessDate)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return (
    <main className="page" data-page="linkage">
      <header className="page-header">
        <h1>{t.linkage}</h1>
        <p className="freshness" data-testid="freshness" data-day={newest ?? ''}>
          {t.dataAsOf}: <time dateTime={newest}>{newest ? formatDate(newest, lang) : '…'}</time>
        </p>
      </header>
      <section className="panel" data-testid="linkage-panel">
        <h2>{t.linkageTitle}</h2>
        <QueryState isLoading={isLoading} error={error} isEmpty={rows.length === 0} onRetry={() => void refetch()}>
          <p data-testid="linkage-summary">
            {t.linkageSummary
              .replace('{linked}', formatNumber(summary.linked, lang))
              .replace('{feeds}', formatNumber(summary.feeds, lang))
              .replace('{late}', formatNumber(summary.late, lang))
              .replace('{never}', formatNumber(summary.neverSent, lang))}
          </p>
          <DataTable
            title={t.linkageTitle}
            columns={linkageColumns(t, lang)}
            rows={rows}
            rowKey={(r) => r.id}
            testId="linkage-table"
          />
        </QueryState>
      </section>
    </main>
  );
}
