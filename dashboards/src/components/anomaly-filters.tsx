import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import {
  ANOMALY_KINDS,
  CLEAR_ANOMALY_FILTERS,
  anomalyCoopsQuery,
  anomalyGovernoratesQuery,
  hasAnomalyFilters,
  toOptions,
  type AnomalyFilters as Filters,
} from '../cube/anomalies';
import { formatNumber } from '../format/number';
import { kindParam, type UrlState } from '../state/url-state';
import { GovernorateSelect } from './governorate-select';

/** A kind's name in the reader's language; a kind the models add before the dashboards name it shows by its code. */
export function useKindName(): (kind: string) => string {
  const { t } = useApp();
  return (k) => (t as Partial<Record<string, string>>)[`kind_${k}`] ?? k;
}

/**
 * The anomaly queue's filters. Every change goes into the URL (a history entry each, so Back
 * undoes it), and the queue asks Cube again with them: nothing is filtered in the browser.
 */
export function AnomalyFilters({ filters }: { filters: Filters }) {
  const { t, lang, navigate } = useApp();
  const set = (patch: Partial<UrlState>) => navigate(patch, true);
  const kindName = useKindName();
  const govs = useCubeQuery(useMemo(() => anomalyGovernoratesQuery(), []));
  const coops = useCubeQuery(useMemo(() => anomalyCoopsQuery(filters.gov), [filters.gov]));
  const govOptions = useMemo(
    () => toOptions(govs.resultSet?.rawData() ?? [], 'governorate', lang),
    [govs.resultSet, lang],
  );
  const coopOptions = useMemo(() => toOptions(coops.resultSet?.rawData() ?? [], 'coop', lang), [coops.resultSet, lang]);
  // A kind chosen in a shared link that this build does not list still shows, so it can be unticked.
  const kinds = [...ANOMALY_KINDS, ...filters.kinds.filter((k) => !(ANOMALY_KINDS as readonly string[]).includes(k))];
  const chosen = new Set(filters.kinds);
  const toggle = (kind: string, on: boolean) =>
    set({ kind: kindParam(on ? [...chosen, kind] : [...chosen].filter((k) => k !== kind)) });
  const kindSummary =
    chosen.size === 0
      ? t.allKinds
      : chosen.size <= 2
        ? [...chosen].map(kindName).join(lang === 'ar' ? '، ' : ', ')
        : t.kindsChosen.replace('{n}', formatNumber(chosen.size, lang));
  return (
    <form
      className="filters no-print"
      data-testid="anomaly-filters"
      aria-label={t.anomalyFilters}
      onSubmit={(e) => e.preventDefault()}
    >
      <details className="kind-filter" data-testid="kind-filter">
        <summary>
          {t.anomalyKind}: <span data-testid="kind-summary">{kindSummary}</span>
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t.anomalyKind}</legend>
          {kinds.map((k) => (
            <label key={k}>
              <input type="checkbox" value={k} checked={chosen.has(k)} onChange={(e) => toggle(k, e.target.checked)} />{' '}
              {kindName(k)}
            </label>
          ))}
        </fieldset>
      </details>
      <GovernorateSelect
        label={t.governorate}
        allLabel={t.allGovernorates}
        options={govOptions}
        value={filters.gov}
        onChange={(gov) => set({ gov, qcoop: null })}
      />
      <label>
        {t.coop}{' '}
        <select
          data-testid="qcoop-select"
          value={filters.coop ?? ''}
          onChange={(e) => set({ qcoop: e.target.value || null })}
        >
          <option value="">{t.allCoops}</option>
          {/* The chosen co-op stays listed while the options load or when it has no case under this governorate. */}
          {filters.coop && !coopOptions.some((o) => o.id === filters.coop) && (
            <option value={filters.coop}>{filters.coop}</option>
          )}
          {coopOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.minScore}{' '}
        {/* Remounted when the URL changes (clear, back), so it never shows a stale number; committed on leaving it or Enter. */}
        <input
          key={filters.minScore ?? ''}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          className="score-input"
          data-testid="min-score-input"
          defaultValue={filters.minScore ?? ''}
          onBlur={(e) => commitScore(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commitScore(e.currentTarget.value)}
        />
      </label>
      <fieldset className="inline">
        <legend>{t.casePeriod}</legend>
        <label>
          {t.from}{' '}
          <input
            type="date"
            data-testid="qfrom-input"
            value={filters.from ?? ''}
            onChange={(e) => set({ qfrom: e.target.value || null })}
          />
        </label>{' '}
        <label>
          {t.to}{' '}
          <input
            type="date"
            data-testid="qto-input"
            value={filters.to ?? ''}
            onChange={(e) => set({ qto: e.target.value || null })}
          />
        </label>
      </fieldset>
      <button
        type="button"
        data-testid="clear-filters"
        disabled={!hasAnomalyFilters(filters)}
        onClick={() => set(CLEAR_ANOMALY_FILTERS)}
      >
        {t.clearFilters}
      </button>
    </form>
  );

  function commitScore(text: string) {
    const v = text.trim();
    const n = Number(v);
    // The URL keeps at most 3 decimals and 4 digits (url-state's SCORE); scores run well below that.
    const next = v === '' || !Number.isFinite(n) || n < 0 ? null : String(Math.min(9999, Math.round(n * 1000) / 1000));
    if (next !== (filters.minScore === null ? null : String(filters.minScore))) set({ minScore: next });
  }
}
