export const ROLES = ['leadership', 'planner', 'auditor', 'controller', 'coop_board'] as const;
export type Role = (typeof ROLES)[number];

/** Who the demo login says the reader is. Kept out of the URL: a shared link must not carry a role. */
export interface Session {
  role: Role;
  coopId: string | null;
}

export const DEFAULT_SESSION: Session = { role: 'leadership', coopId: null };
const KEY = 'rabt.session';

export function parseSession(text: string | null): Session {
  if (!text) return DEFAULT_SESSION;
  try {
    const v = JSON.parse(text) as Partial<Session>;
    const role = (ROLES as readonly string[]).includes(v.role ?? '') ? (v.role as Role) : DEFAULT_SESSION.role;
    const coopId = typeof v.coopId === 'string' && /^C\d{3,}$/.test(v.coopId) ? v.coopId : null;
    // A board without a co-op is no session at all: fall back rather than show everything.
    if (role === 'coop_board' && !coopId) return DEFAULT_SESSION;
    return { role, coopId: role === 'coop_board' ? coopId : null };
  } catch {
    return DEFAULT_SESSION;
  }
}

export function loadSession(): Session {
  try {
    return parseSession(localStorage.getItem(KEY));
  } catch {
    return DEFAULT_SESSION;
  }
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Private windows may refuse storage; the session then lasts for the page.
  }
}
