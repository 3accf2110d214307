import { useApp } from '../app-context';

/** Pages whose semantic views have not landed yet say so plainly instead of showing stale mock-ups. */
export function Placeholder() {
  const { t, url } = useApp();
  const title = { crisis: t.crisisRoom, consumption: t.consumption, audit: t.audit, linkage: t.linkage, admin: t.admin }[url.page];
  return (
    <main className="page" data-page={url.page}>
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="query-state query-empty" data-state="empty">
        {t.notYet}
      </div>
    </main>
  );
}
