import { useCubeQuery } from '@cubejs-client/react';
import type { Query } from '@cubejs-client/core';
import { useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { alertProductNamesQuery, alertsQuery } from '../cube/alerts-queries';
import { toAlertRows, toProductNames, type AlertRow } from '../cube/alerts-rows';
import type { Lang } from '../format/locale';
import type { Messages } from '../i18n/messages';
import { alertColumns } from './alerts-columns';
import { DataTable } from './data-table';
import { QueryState } from './query-state';

/** Names of the alerts' top products. A garnish: if they fail or are slow, the products show by their ids. */
function useProductNames(rows: readonly AlertRow[], lang: Lang): Map<string, string> {
  const namesQuery = useMemo(() => alertProductNamesQuery(rows.flatMap((r) => r.productIds)), [rows]);
  const names = useCubeQuery(namesQuery ?? ({} as Query), { skip: !namesQuery });
  return useMemo(
    () => (names.resultSet ? toProductNames(names.resultSet.rawData(), lang) : new Map<string, string>()),
    [names.resultSet, lang],
  );
}

function emptyText(t: Messages, governorateId: string | null, includeClosed: boolean): string {
  if (governorateId) return includeClosed ? t.alertsNoneAtAllHere : t.alertsNoneHere;
  return includeClosed ? t.alertsNoneAtAll : t.alertsNone;
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
  const productNames = useProductNames(rows, lang);
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
        emptyText={emptyText(t, governorateId, includeClosed)}
        onRetry={() => void refetch()}
      >
        <DataTable
          title={t.alertsTitle}
          columns={alertColumns(t, lang, includeClosed, productNames)}
          rows={rows}
          rowKey={(r) => r.id}
          testId="alerts-table"
        />
      </QueryState>
    </section>
  );
}
