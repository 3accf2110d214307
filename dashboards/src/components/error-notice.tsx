import { useApp } from '../app-context';
import { describeError } from '../cube/describe-error';

/** A failed query, said plainly: what happened, what to do, and the raw text for support. */
export function ErrorNotice({
  error,
  onRetry,
  minHeight,
}: {
  error: unknown;
  onRetry?: () => void;
  minHeight?: number;
}) {
  const { t } = useApp();
  const d = describeError(error);
  return (
    <div
      className="query-state query-error"
      data-state="error"
      data-error-kind={d.kind}
      role="alert"
      style={{ minHeight }}
    >
      <strong>{t.error}</strong>
      <span data-testid="error-message">{t[d.message]}</span>
      <small dir="ltr">{d.detail}</small>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
