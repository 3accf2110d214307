import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { scopeNamesQuery, type CrisisScope } from '../cube/queries';

/** Names for the breadcrumb when the page is opened from a shared link, not by clicking. */
function useScopeNames(scope: CrisisScope) {
  const { lang } = useApp();
  const query = useMemo(
    () => scopeNamesQuery({ governorateId: scope.governorateId, coopId: scope.coopId }, lang),
    [scope.governorateId, scope.coopId, lang],
  );
  const { resultSet } = useCubeQuery(query, { skip: !scope.governorateId && !scope.coopId });
  const row = resultSet?.rawData()[0];
  return {
    gov: row ? String(row[`crisis_now.governorate_name_${lang}`] ?? '') || scope.governorateId : scope.governorateId,
    coop: row ? String(row[`crisis_now.coop_name_${lang}`] ?? '') || scope.coopId : scope.coopId,
  };
}

/** Kuwait › governorate › co-op: each step above the current one climbs back to it. */
export function CrisisBreadcrumbs({ scope }: { scope: CrisisScope }) {
  const { t, navigate } = useApp();
  const names = useScopeNames(scope);
  return (
    <nav className="breadcrumbs" aria-label="breadcrumb" data-testid="breadcrumbs">
      <button
        type="button"
        className="link"
        onClick={() => navigate({ gov: null, coop: null }, true)}
        disabled={!scope.governorateId && !scope.coopId}
      >
        {t.kuwait}
      </button>
      {scope.governorateId && (
        <>
          <span aria-hidden="true"> › </span>
          <button
            type="button"
            className="link"
            onClick={() => navigate({ coop: null }, true)}
            disabled={!scope.coopId}
          >
            {names.gov}
          </button>
        </>
      )}
      {scope.coopId && (
        <>
          <span aria-hidden="true"> › </span>
          <span>{names.coop}</span>
        </>
      )}
    </nav>
  );
}
