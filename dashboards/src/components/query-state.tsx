import type { ReactNode } from 'react';
import { useApp } from '../app-context';

interface Props {
  isLoading: boolean;
  error: Error | null | undefined;
  isEmpty: boolean;
  children: ReactNode;
  onRetry?: () => void;
  /** Keeps the layout from jumping while data arrives. */
  minHeight?: number;
}

/** Every chart and table goes through this: loading, error and empty are drawn before any data. */
export function QueryState({ isLoading, error, isEmpty, children, onRetry, minHeight = 120 }: Props) {
  const { t } = useApp();
  if (error) {
    return (
      <div className="query-state query-error" data-state="error" role="alert" style={{ minHeight }}>
        <strong>{t.error}</strong>
        <small dir="ltr">{error.message}</small>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t.retry}
          </button>
        )}
      </div>
    );
  }
  if (isLoading) {
    return (
      <div className="query-state query-loading" data-state="loading" aria-busy="true" style={{ minHeight }}>
        {t.loading}
      </div>
    );
  }
  if (isEmpty) {
    return (
      <div className="query-state query-empty" data-state="empty" style={{ minHeight }}>
        {t.empty}
      </div>
    );
  }
  return <>{children}</>;
}
