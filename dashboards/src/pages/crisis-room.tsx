import { useCubeQuery } from '@cubejs-client/react';
import { useEffect, useMemo } from 'react';
import { useApp } from '../app-context';
import { ensureKuwaitMap } from '../charts/echarts-setup';
import { crisisFreshnessQuery, type CrisisScope } from '../cube/queries';
import { AlertsPanel } from '../components/alerts-panel';
import { CoverPanel } from '../components/cover-panel';
import { CrisisBreadcrumbs } from '../components/crisis-breadcrumbs';
import { EssentialsPanel } from '../components/essentials-panel';
import { Freshness } from '../components/freshness';

export function CrisisRoom() {
  const { url, t, session } = useApp();
  // The map's outline loads while Cube answers, so the map is drawn with the cover, not after it.
  // A failure is shown by the map itself, which asks for the same load.
  useEffect(() => void ensureKuwaitMap().catch(() => undefined), []);
  const scope = useMemo<CrisisScope>(() => ({ governorateId: url.gov, coopId: url.coop }), [url.gov, url.coop]);
  const freshness = useMemo(() => crisisFreshnessQuery(scope), [scope]);
  const { resultSet } = useCubeQuery(freshness);
  const lastRaw = resultSet?.rawData()[0]?.['crisis_now.stock_date.day'];
  const lastDay = lastRaw ? String(lastRaw).slice(0, 10) : null;
  return (
    <main className="page" data-page="crisis">
      <header className="page-header">
        <h1>{t.crisisRoom}</h1>
        <Freshness query={freshness} member="crisis_now.stock_date" />
      </header>
      <CrisisBreadcrumbs scope={scope} />
      {/* Alerts first: they say what is happening now, the cover below says how long stock lasts. */}
      {session.role !== 'coop_board' && <AlertsPanel governorateId={url.gov} />}
      <CoverPanel scope={scope} />
      <EssentialsPanel scope={scope} lastDay={lastDay} />
    </main>
  );
}
