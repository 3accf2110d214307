import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { buildGovernorateMapOption } from '../charts/governorate-map';
import { ensureKuwaitMap } from '../charts/echarts-setup';
import type { CoverRow } from '../cube/rows';
import { EChart } from './echart';
import { QueryState } from './query-state';

/** The map with its ODbL attribution, which must travel with it wherever it is drawn. */
export function GovernorateMap({ rows, onSelect }: { rows: readonly CoverRow[]; onSelect: (id: string) => void }) {
  const { t, lang } = useApp();
  const [state, setState] = useState<{ ready: boolean; error: Error | null }>({ ready: false, error: null });
  useEffect(() => {
    let live = true;
    ensureKuwaitMap().then(
      () => live && setState({ ready: true, error: null }),
      (e: unknown) => live && setState({ ready: false, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(
    () =>
      buildGovernorateMapOption({
        rows,
        lang,
        valueLabel: t.days,
        bandLabels: { critical: t.band_critical, low: t.band_low, ok: t.band_ok },
      }),
    [rows, lang, t],
  );
  return (
    <figure className="map-figure" data-testid="governorate-map">
      <QueryState isLoading={!state.ready && !state.error} error={state.error} isEmpty={false} minHeight={360}>
        <EChart option={option} height={360} testId="governorate-map-chart" ariaLabel={t.map} onItemClick={onSelect} />
      </QueryState>
      <figcaption className="attribution" data-testid="map-attribution">
        {t.mapAttribution}
      </figcaption>
    </figure>
  );
}
