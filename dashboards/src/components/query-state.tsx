import type { ReactNode } from 'react';
import { useApp } from '../app-context';
import { ErrorNotice } from './error-notice';

interface Props {
  isLoading: boolean;
  error: Error | null | undefined;
  isEmpty: boolean;
  children: ReactNode;
  onRetry?: () => void;
  /** What "nothing here" means for this panel ("no active alert"), when the generic words say too little. */
  emptyText?: string;
  /** Keeps the layout from jumping while data arrives. */
  minHeight?: number;
}

/** Every chart and table goes through this: loading, error and empty are drawn before any data. */
export function QueryState({ isLoading, error, isEmpty, children, onRetry, emptyText, minHeight = 120 }: Props) {
  const { t } = useApp();
  if (error) return <ErrorNotice error={error} onRetry={onRetry} minHeight={minHeight} />;
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
        {emptyText ?? t.empty}
      </div>
    );
  }
  return <>{children}</>;
}
