import { useApp } from '../app-context';
import { PAGES, type Page } from '../state/url-state';
import { ROLES, type Role } from '../state/session';

export function TopBar() {
  const { t, lang, url, navigate, session, setSession } = useApp();
  const pageTitle: Record<Page, string> = {
    crisis: t.crisisRoom,
    consumption: t.consumption,
    audit: t.audit,
    linkage: t.linkage,
    admin: t.admin,
  };
  return (
    <header className="top-bar">
      <div className="brand">
        <strong>{t.appName}</strong> <span>{t.appTagline}</span>
      </div>
      <nav className="pages no-print" aria-label="pages">
        {PAGES.map((p) => (
          <a
            key={p}
            href={`?page=${p}${lang === 'en' ? '&lang=en' : ''}`}
            aria-current={url.page === p ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: p }, true);
            }}
          >
            {pageTitle[p]}
          </a>
        ))}
      </nav>
      <div className="session no-print">
        <label>
          {t.role}{' '}
          <select
            data-testid="role-select"
            value={session.role}
            onChange={(e) => {
              const role = e.target.value as Role;
              setSession({ role, coopId: role === 'coop_board' ? (session.coopId ?? 'C001') : null });
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t[`roles_${r}`]}
              </option>
            ))}
          </select>
        </label>
        {session.role === 'coop_board' && (
          <label>
            {t.coop}{' '}
            <input
              data-testid="coop-input"
              size={6}
              defaultValue={session.coopId ?? ''}
              onBlur={(e) => {
                const v = e.target.value.trim().toUpperCase();
                if (/^C\d{3,}$/.test(v)) setSession({ role: 'coop_board', coopId: v });
              }}
            />
          </label>
        )}
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
        <button
          type="button"
          data-testid="lang-switch"
          lang={lang === 'ar' ? 'en' : 'ar'}
          onClick={() => navigate({ lang: lang === 'ar' ? 'en' : 'ar' })}
        >
          {t.switchLang}
        </button>
      </div>
    </header>
  );
}
