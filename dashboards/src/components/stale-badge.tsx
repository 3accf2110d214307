import { useApp } from '../app-context';
import { formatNumber } from '../format/number';

/**
 * Marks a unit (governorate, co-op, branch) some of whose stock counts are stale: its stock feed
 * stopped, so its figures are the last counts received, not today's shelves. Words, not only a
 * colour: the badge's text says it and the detail is read out to screen readers too.
 */
export function StaleBadge({ staleCounts, counts }: { staleCounts: number; counts: number }) {
  const { t, lang } = useApp();
  if (staleCounts <= 0)
    return (
      <span className="count-current" data-stale="false">
        {t.countCurrent}
      </span>
    );
  const detail = t.staleDetail
    .replace('{stale}', formatNumber(staleCounts, lang))
    .replace('{total}', formatNumber(counts, lang));
  return (
    <span className="stale-badge" data-testid="stale-badge" data-stale="true" title={detail}>
      <span aria-hidden="true">⚠ </span>
      {t.staleBadge}
      <span className="visually-hidden">: {detail}</span>
    </span>
  );
}

/** One line above the table saying what the badge means, shown only when a row carries it. */
export function StaleNote() {
  const { t } = useApp();
  return (
    <p className="stale-note" role="note" data-testid="stale-note">
      <span aria-hidden="true">⚠ </span>
      {t.staleNote}
    </p>
  );
}
