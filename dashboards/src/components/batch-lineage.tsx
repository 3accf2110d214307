import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import {
  batchesQuery,
  quarantineQuery,
  selectedBatch,
  toBatchRows,
  toQuarantineRows,
  type BatchRow,
  type QuarantineRow,
} from '../cube/batch-lineage';
import { formatDateTime, formatDateWithHijri, kuwaitIso } from '../format/date';
import { formatNumber } from '../format/number';
import { DataTable, type Column } from './data-table';
import { QueryState } from './query-state';

type T = ReturnType<typeof useApp>['t'];

// A code the dashboards do not name yet (a new feed or status) still shows, as the code.
const named = (t: T, prefix: string, code: string) =>
  (t as Partial<Record<string, string>>)[`${prefix}_${code}`] ?? code;

function QuarantinePanel({ batch }: { batch: BatchRow }) {
  const { t, lang, navigate } = useApp();
  const { resultSet, isLoading, error, refetch } = useCubeQuery(useMemo(() => quarantineQuery(batch.id), [batch.id]));
  const rows = useMemo(() => toQuarantineRows(resultSet?.rawData() ?? []), [resultSet]);
  const columns: Column<QuarantineRow>[] = [
    {
      key: 'sourceRow',
      header: t.sourceRow,
      numeric: true,
      value: (r) => r.sourceRow,
      render: (r) => formatNumber(r.sourceRow, lang),
    },
    { key: 'reasonCode', header: t.reasonCode, value: (r) => r.reasonCode },
    { key: 'reasonDetail', header: t.reasonDetail, value: (r) => r.reasonDetail },
    // The file's own bytes: left to right whatever the page's direction, as the co-op sent them.
    {
      key: 'rawText',
      header: t.rawText,
      value: (r) => r.rawText,
      render: (r) => (
        <code dir="ltr" className="raw-text">
          {r.rawText}
        </code>
      ),
    },
  ];
  return (
    <section className="panel" data-testid="quarantine-panel" data-batch-id={batch.id}>
      <h2>
        {t.quarantineTitle} <small dir="ltr">{batch.fileName}</small>{' '}
        <button
          type="button"
          className="link no-print"
          data-testid="quarantine-close"
          onClick={() => navigate({ batch: null }, true)}
        >
          {t.closeBatch}
        </button>
      </h2>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={rows.length === 0}
        emptyText={t.noQuarantine}
        onRetry={() => void refetch()}
      >
        <DataTable
          title={`${t.quarantineTitle} ${batch.fileName}`}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          testId="quarantine-table"
        />
      </QueryState>
    </section>
  );
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
  const columns: Column<BatchRow>[] = [
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
      render: (r) => (
        <span data-batch-status={r.status} className={r.status === 'landed' ? undefined : 'flag'}>
          {named(t, 'batchStatus', r.status)}
          {r.supersededBy && (
            <small title={`${t.supersededBy} ${r.supersededBy}`}>
              {' '}
              ({t.supersededBy} <span dir="ltr">{r.supersededBy}</span>)
            </small>
          )}
          {r.supersedes && (
            <small>
              {' '}
              ({t.supersedes} <span dir="ltr">{r.supersedes}</span>)
            </small>
          )}
          {r.rejectCode && (
            <small data-testid="reject-reason" data-reject-code={r.rejectCode} title={r.rejectReason ?? undefined}>
              {' '}
              ({t.rejectReason}: {named(t, 'rejectCode', r.rejectCode)})
            </small>
          )}
        </span>
      ),
    },
    { key: 'id', header: t.batchId, value: (r) => r.id, render: (r) => <code dir="ltr">{r.id}</code> },
  ];
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
            columns={columns}
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
