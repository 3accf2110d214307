import { useApp } from '../app-context';
import { ANOMALY_KINDS } from '../cube/anomalies';
import { formatNumber } from '../format/number';
import { kindParam, type UrlState } from '../state/url-state';

/** A kind's name in the reader's language; a kind the models add before the dashboards name it shows by its code. */
export function useKindName(): (kind: string) => string {
  const { t } = useApp();
  return (k) => (t as Partial<Record<string, string>>)[`kind_${k}`] ?? k;
}

/** The anomaly kinds as a check list that folds into one line saying what is ticked. */
export function AnomalyKindFilter({
  kinds: chosenKinds,
  set,
}: {
  kinds: readonly string[];
  set: (patch: Partial<UrlState>) => void;
}) {
  const { t, lang } = useApp();
  const kindName = useKindName();
  // A kind chosen in a shared link that this build does not list still shows, so it can be unticked.
  const kinds = [...ANOMALY_KINDS, ...chosenKinds.filter((k) => !(ANOMALY_KINDS as readonly string[]).includes(k))];
  const chosen = new Set(chosenKinds);
  const toggle = (kind: string, on: boolean) =>
    set({ kind: kindParam(on ? [...chosen, kind] : [...chosen].filter((k) => k !== kind)) });
  const kindSummary =
    chosen.size === 0
      ? t.allKinds
      : chosen.size <= 2
        ? [...chosen].map(kindName).join(lang === 'ar' ? '، ' : ', ')
        : t.kindsChosen.replace('{n}', formatNumber(chosen.size, lang));
  return (
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
  );
}
