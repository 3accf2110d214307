import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import {
  CLEAR_ANOMALY_FILTERS,
  anomalyCoopsQuery,
  anomalyGovernoratesQuery,
  hasAnomalyFilters,
  toOptions,
  type AnomalyFilters as Filters,
} from '../cube/anomalies';
import type { UrlState } from '../state/url-state';
import { AnomalyKindFilter } from './anomaly-kind-filter';
import { GovernorateSelect } from './governorate-select';

type SetUrl = (patch: Partial<UrlState>) => void;

/** The co-ops with cases under the chosen governorate. */
function CoopFilter({ filters, set }: { filters: Filters; set: SetUrl }) {
  const { t, lang } = useApp();
  const coops = useCubeQuery(useMemo(() => anomalyCoopsQuery(filters.gov), [filters.gov]));
  const coopOptions = useMemo(() => toOptions(coops.resultSet?.rawData() ?? [], 'coop', lang), [coops.resultSet, lang]);
  return (
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
  );
}

/** The minimum score, committed on leaving the box or Enter (not on every keystroke). */
function MinScoreFilter({ minScore, set }: { minScore: number | null; set: SetUrl }) {
  const { t } = useApp();
  const commitScore = (text: string) => {
    const v = text.trim();
    const n = Number(v);
    // The URL keeps at most 3 decimals and 4 digits (url-state's SCORE); scores run well below that.
    const next = v === '' || !Number.isFinite(n) || n < 0 ? null : String(Math.min(9999, Math.round(n * 1000) / 1000));
    if (next !== (minScore === null ? null : String(minScore))) set({ minScore: next });
  };
  return (
    <label>
      {t.minScore} {/* Remounted when the URL changes (clear, back), so it never shows a stale number. */}
      <input
        key={minScore ?? ''}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        className="score-input"
        data-testid="min-score-input"
        defaultValue={minScore ?? ''}
        onBlur={(e) => commitScore(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commitScore(e.currentTarget.value)}
      />
    </label>
  );
}

/** The case's days: a case is kept when its days overlap this range. */
function CasePeriodFilter({ filters, set }: { filters: Filters; set: SetUrl }) {
  const { t } = useApp();
  return (
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
  );
}

/**
 * The anomaly queue's filters. Every change goes into the URL (a history entry each, so Back
 * undoes it), and the queue asks Cube again with them: nothing is filtered in the browser.
 */
export function AnomalyFilters({ filters }: { filters: Filters }) {
  const { t, lang, navigate } = useApp();
  const set: SetUrl = (patch) => navigate(patch, true);
  const govs = useCubeQuery(useMemo(() => anomalyGovernoratesQuery(), []));
  const govOptions = useMemo(
    () => toOptions(govs.resultSet?.rawData() ?? [], 'governorate', lang),
    [govs.resultSet, lang],
  );
  return (
    <form
      className="filters no-print"
      data-testid="anomaly-filters"
      aria-label={t.anomalyFilters}
      onSubmit={(e) => e.preventDefault()}
    >
      <AnomalyKindFilter kinds={filters.kinds} set={set} />
      <GovernorateSelect
        label={t.governorate}
        allLabel={t.allGovernorates}
        options={govOptions}
        value={filters.gov}
        onChange={(gov) => set({ gov, qcoop: null })}
      />
      <CoopFilter filters={filters} set={set} />
      <MinScoreFilter minScore={filters.minScore} set={set} />
      <CasePeriodFilter filters={filters} set={set} />
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
}
