import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { buildCoverBarOption } from '../charts/cover-bar';
import { coverQuery, drillLevel, type CrisisScope, type DrillLevel } from '../cube/queries';
import { isStale, toCoverRows, type CoverUnitRow } from '../cube/rows';
import type { Messages } from '../i18n/messages';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import { CoverDays } from './cover-days';
import { DataTable, type Column } from './data-table';
import { EChart } from './echart';
import { GovernorateMap } from './governorate-map';
import { QueryState } from './query-state';
import { StaleBadge, StaleNote } from './stale-badge';

const LEVEL_TITLE = { governorate: 'coverByGovernorate', coop: 'coverByCoop', site: 'coverBySite' } as const;
const LEVEL_HEADER = { governorate: 'governorate', coop: 'coop', site: 'site' } as const;

function coverColumns(level: DrillLevel, t: Messages, lang: Lang): Column<CoverUnitRow>[] {
  return [
    { key: 'id', header: t.id, value: (r) => r.id },
    { key: 'name', header: t[LEVEL_HEADER[level]], value: (r) => r.name },
    {
      key: 'days',
      header: t.daysOfCover,
      numeric: true,
      value: (r) => r.daysOfCover,
      render: (r) => <CoverDays days={r.daysOfCover} />,
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
    {
      key: 'stale',
      header: t.stockCount,
      value: (r) => r.staleCounts,
      render: (r) => <StaleBadge staleCounts={r.staleCounts} counts={r.counts} />,
    },
  ];
}

/** Days of cover of essentials now, one unit of the drill level a bar (and on the map at the national level). */
export function CoverPanel({ scope }: { scope: CrisisScope }) {
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
  const levelTitle = t[LEVEL_TITLE[level]];
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
        {rows.some(isStale) && <StaleNote />}
        <DataTable
          title={`${t.coverTitle} ${levelTitle}`}
          columns={coverColumns(level, t, lang)}
          rows={rows}
          rowKey={(r) => r.id}
          onRowClick={level === 'site' ? undefined : (r) => drill(r.id)}
          testId="cover-table"
        />
      </QueryState>
    </section>
  );
}
