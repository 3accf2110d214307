import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { buildSparklineOption } from '../charts/sparkline';
import { essentialsQuery, salesVelocityQuery, type CrisisScope } from '../cube/queries';
import { toEssentialRows, toSparkSeries, type EssentialRow } from '../cube/rows';
import { shiftDay } from '../format/date';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import type { Messages } from '../i18n/messages';
import { CoverDays } from './cover-days';
import { DataTable, type Column } from './data-table';
import { EChart } from './echart';
import { QueryState } from './query-state';

const SPARK_DAYS = 28;

function Sparkline({ values }: { values: number[] | undefined }) {
  const { lang, t } = useApp();
  const option = useMemo(() => buildSparklineOption(values ?? [], lang), [values, lang]);
  if (!values || values.length === 0) return <span>—</span>;
  return <EChart option={option} height={28} ariaLabel={t.salesVelocity} />;
}

/** Daily sales of each essential over the last four weeks up to the newest stock day. */
function useSparkSeries(scope: CrisisScope, lastDay: string | null): Map<string, number[]> {
  const velocityQuery = useMemo(
    () =>
      lastDay
        ? salesVelocityQuery(scope, shiftDay(lastDay, 1 - SPARK_DAYS), lastDay)
        : salesVelocityQuery(scope, '1970-01-01', '1970-01-01'),
    [scope, lastDay],
  );
  // Sparklines are a garnish: if the consumption view fails, the table still stands.
  const velocity = useCubeQuery(velocityQuery, { skip: !lastDay });
  return useMemo(
    () => (velocity.resultSet ? toSparkSeries(velocity.resultSet.rawData()) : new Map<string, number[]>()),
    [velocity.resultSet],
  );
}

function essentialColumns(t: Messages, lang: Lang, spark: Map<string, number[]>): Column<EssentialRow>[] {
  return [
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
      render: (r) => <CoverDays days={r.daysOfCover} />,
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
}

/** The essential products in scope, lowest cover first, each with its recent sales. */
export function EssentialsPanel({ scope, lastDay }: { scope: CrisisScope; lastDay: string | null }) {
  const { t, lang } = useApp();
  const query = useMemo(() => essentialsQuery(scope), [scope]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const rows = useMemo(() => (resultSet ? toEssentialRows(resultSet.rawData(), lang) : []), [resultSet, lang]);
  const spark = useSparkSeries(scope, lastDay);
  return (
    <section className="panel" data-testid="essentials-panel">
      <h2>{t.essentials}</h2>
      <QueryState isLoading={isLoading} error={error} isEmpty={rows.length === 0} onRetry={() => void refetch()}>
        <DataTable
          title={t.essentials}
          columns={essentialColumns(t, lang, spark)}
          rows={rows}
          rowKey={(r) => r.id}
          testId="essentials-table"
        />
      </QueryState>
    </section>
  );
}
