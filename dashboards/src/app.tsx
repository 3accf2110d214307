import type { CubeApi } from '@cubejs-client/core';
import { CubeProvider } from '@cubejs-client/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AppContext, type AppContextValue } from './app-context';
import { createCubeApi } from './cube/client';
import { dirOf } from './format/locale';
import { MESSAGES } from './i18n/messages';
import { CrisisRoom } from './pages/crisis-room';
import type { Page } from './state/url-state';
import { loadSession, saveSession, type Session } from './state/session';
import { parseUrlState, serializeUrlState, type UrlState } from './state/url-state';
import { ErrorNotice } from './components/error-notice';
import { TopBar } from './components/top-bar';

function useUrlState(): [UrlState, (patch: Partial<UrlState>, push?: boolean) => void] {
  const [state, setState] = useState(() => parseUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((patch: Partial<UrlState>, push = false) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const href = `${window.location.pathname}${serializeUrlState(next)}`;
      if (push) window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
      return next;
    });
  }, []);
  return [state, navigate];
}

// The crisis room is the landing page and ships in the main bundle; the others load as their
// own chunks when first opened.
const ConsumptionExplorer = lazy(() => import('./pages/consumption-explorer'));
const AuditWorkbench = lazy(() => import('./pages/audit-workbench'));
const Linkage = lazy(() => import('./pages/linkage'));
const Admin = lazy(() => import('./pages/admin'));

function PageBody({ page }: { page: Page }) {
  if (page === 'crisis') return <CrisisRoom />;
  if (page === 'consumption') return <ConsumptionExplorer />;
  if (page === 'audit') return <AuditWorkbench />;
  if (page === 'linkage') return <Linkage />;
  return <Admin />;
}

export function App() {
  const [url, navigate] = useUrlState();
  const [session, setSessionState] = useState<Session>(loadSession);
  const [cubeApi, setCubeApi] = useState<{ api: CubeApi; key: string } | null>(null);
  const [apiError, setApiError] = useState<Error | null>(null);
  const lang = url.lang;
  const t = MESSAGES[lang];

  // The document itself switches direction, so native controls and scrollbars follow.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
    const titles: Record<Page, string> = {
      crisis: t.crisisRoom,
      consumption: t.consumption,
      audit: t.audit,
      linkage: t.linkage,
      admin: t.admin,
    };
    document.title = `${t.appName} · ${titles[url.page]}`;
  }, [lang, t, url.page]);

  const sessionKey = `${session.role}:${session.coopId ?? ''}`;
  useEffect(() => {
    let live = true;
    setApiError(null);
    createCubeApi(session).then(
      (api) => live && setCubeApi({ api, key: sessionKey }),
      (e: unknown) => live && setApiError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [sessionKey]);

  const setSession = useCallback((s: Session) => {
    saveSession(s);
    setSessionState(s);
  }, []);

  const ctx = useMemo<AppContextValue>(
    () => ({ lang, t, url, navigate, session, setSession }),
    [lang, t, url, navigate, session, setSession],
  );

  let body;
  if (apiError) {
    body = (
      <main className="page">
        <ErrorNotice error={apiError} />
      </main>
    );
  } else if (!cubeApi || cubeApi.key !== sessionKey) {
    body = (
      <main className="page">
        <div className="query-state query-loading" data-state="loading" aria-busy="true">
          {t.loading}
        </div>
      </main>
    );
  } else {
    body = (
      // A new provider per session: cached results of one role must never show under another.
      <CubeProvider key={cubeApi.key} cubeApi={cubeApi.api}>
        <Suspense
          fallback={
            <main className="page">
              <div className="query-state query-loading" data-state="loading" aria-busy="true">
                {t.loading}
              </div>
            </main>
          }
        >
          <PageBody page={url.page} />
        </Suspense>
      </CubeProvider>
    );
  }

  return (
    <AppContext.Provider value={ctx}>
      <div className="app">
        <TopBar />
        {body}
      </div>
    </AppContext.Provider>
  );
}
