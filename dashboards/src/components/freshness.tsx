import { useCubeQuery } from '@cubejs-client/react';
import type { Query } from '@cubejs-client/core';
import { useApp } from '../app-context';
import { formatDateWithHijri } from '../format/date';

/** "Data as of …": the newest day the page's own view holds, never the clock. */
export function Freshness({ query, member }: { query: Query; member: string }) {
  const { t, lang } = useApp();
  const { resultSet, isLoading, error } = useCubeQuery(query);
  const row = resultSet?.rawData()[0];
  const value = row ? (row[`${member}.day`] ?? row[member]) : undefined;
  let text = '…';
  if (error) text = '—';
  else if (!isLoading) text = value ? formatDateWithHijri(String(value), lang) : '—';
  return (
    <p className="freshness" data-testid="freshness" data-day={value ? String(value).slice(0, 10) : ''}>
      {t.dataAsOf}: <time dateTime={value ? String(value).slice(0, 10) : undefined}>{text}</time>
    </p>
  );
}
