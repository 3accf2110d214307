import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { batchesQuery, selectedBatch, toBatchRows, type BatchRow } from '../cube/batch-lineage';
import { formatDateTime, formatDateWithHijri, kuwaitIso } from '../format/date';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import { DataTable, type Column } from './data-table';
import { QuarantinePanel } from './quarantine-panel';
import { QueryState } from './query-state';

type T = ReturnType<typeof useApp>['t'];

// A code the dashboards do not name yet (a new feed or status) still shows, as the code.
const named = (t: T, prefix: string, code: string) =>
  (t as Partial<Record<string, string>>)[`${prefix}_${code}`] ?? code;

/** What became of the file: landed, superseded (by which correction), rejected (and why, in full on hover). */
function BatchStatusCell({ row }: { row: BatchRow }) {
  const { t } = useApp();
  return (
    <span data-batch-status={row.status} className={row.status === 'landed' ? undefined : 'flag'}>
      {named(t, 'batchStatus', row.status)}
      {row.supersededBy && (
        <small title={`${t.supersededBy} ${row.supersededBy}`}>
          {' '}
          ({t.supersededBy} <span dir="ltr">{row.supersededBy}</span>)
        </small>
      )}
      {row.supersedes && (
        <small>
          {' '}
          ({t.supersedes} <span dir="ltr">{row.supersedes}</span>)
        </small>
      )}
      {row.rejectCode && (
        <small data-testid="reject-reason" data-reject-code={row.rejectCode} title={row.rejectReason ?? undefined}>
          {' '}
          ({t.rejectReason}: {named(t, 'rejectCode', row.rejectCode)})
        </small>
      )}
    </span>
  );
}

function batchColumns(t: T, lang: Lang): Column<BatchRow>[] {
  return [
    { key: 'feed', header: t.feed, value: (r) => r.feed, render: (r) => named(t, 'feed', r.feed) },
    {
      key: 'fileName',
      header: t.fileName,
      value: (r) => r.fileName,
      render: (r) => <span dir="ltr">{r.fileName}</span>,
    },
    { key: 'vendor', header: t.vendor, value: (r) => r.vendor },
    {
      key: 'receivedAt',
      header: t.receivedAt,
      value: (r) => r.receivedAt,
      render: (r) =>
        r.receivedAt ? (
          <time dateTime={kuwaitIso(r.receivedAt) ?? undefined}>{formatDateTime(r.receivedAt, lang)}</time>
        ) : (
          '—'
        ),
    },
    {
      key: 'rowsIn',
      header: t.rowsIn,
      numeric: true,
      value: (r) => r.rowsIn,
      render: (r) => formatNumber(r.rowsIn, lang),
    },
    {
      key: 'rowsLanded',
      header: t.rowsLanded,
      numeric: true,
      value: (r) => r.rowsLanded,
      render: (r) => formatNumber(r.rowsLanded, lang),
    },
    {
      key: 'rowsQuarantined',
      header: t.rowsQuarantined,
      numeric: true,
      value: (r) => r.rowsQuarantined,
      render: (r) => (
        <span className={r.rowsQuarantined ? 'flag' : undefined}>{formatNumber(r.rowsQuarantined, lang)}</span>
      ),
    },
    {
      key: 'status',
      header: t.batchStatus,
      value: (r) => r.status,
      render: (r) => <BatchStatusCell row={r} />,
    },
    { key: 'id', header: t.batchId, value: (r) => r.id, render: (r) => <code dir="ltr">{r.id}</code> },
  ];
}

/**
 * Every file the co-op sent for the day in the drill, all feeds, with what became of it; a
 * click opens its quarantined rows (`batch=` in the URL). Auditors only: the views behind it
 * are compiled for auditors alone.
 */
export function BatchLineage({ coopId, day }: { coopId: string; day: string }) {
  const { t, lang, url, navigate } = useApp();
  const { resultSet, isLoading, error, refetch } = useCubeQuery(
    useMemo(() => batchesQuery({ coopId, day }), [coopId, day]),
  );
  const rows = useMemo(() => toBatchRows(resultSet?.rawData() ?? []), [resultSet]);
  const open = selectedBatch(rows, url.batch);
  return (
    <>
      <section className="panel" data-testid="batch-panel" data-coop={coopId} data-day={day}>
        <h2>
          {t.batchesTitle} <small>{formatDateWithHijri(day, lang)}</small>
        </h2>
        <QueryState isLoading={isLoading} error={error} isEmpty={rows.length === 0} onRetry={() => void refetch()}>
          <p className="hint no-print">{t.batchesHint}</p>
          <DataTable
            title={`${t.batchesTitle} ${coopId} ${day}`}
            columns={batchColumns(t, lang)}
            rows={rows}
            rowKey={(r) => r.id}
            onRowClick={(r) => navigate({ batch: r.id }, true)}
            testId="batch-table"
          />
        </QueryState>
      </section>
      {open && <QuarantinePanel key={open.id} batch={open} />}
    </>
  );
}
