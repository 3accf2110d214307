import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { quarantineQuery, toQuarantineRows, type BatchRow, type QuarantineRow } from '../cube/batch-lineage';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import type { Messages } from '../i18n/messages';
import { DataTable, type Column } from './data-table';
import { QueryState } from './query-state';

function quarantineColumns(t: Messages, lang: Lang): Column<QuarantineRow>[] {
  return [
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
}

/** The rows ingestion refused from one batch, as the co-op sent them; closing it drops `batch` from the URL. */
export function QuarantinePanel({ batch }: { batch: BatchRow }) {
  const { t, lang, navigate } = useApp();
  const { resultSet, isLoading, error, refetch } = useCubeQuery(useMemo(() => quarantineQuery(batch.id), [batch.id]));
  const rows = useMemo(() => toQuarantineRows(resultSet?.rawData() ?? []), [resultSet]);
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
          columns={quarantineColumns(t, lang)}
          rows={rows}
          rowKey={(r) => r.id}
          testId="quarantine-table"
        />
      </QueryState>
    </section>
  );
}
