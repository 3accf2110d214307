import { createContext, useContext } from 'react';
import type { Lang } from './format/locale';
import type { Messages } from './i18n/messages';
import type { Session } from './state/session';
import type { UrlState } from './state/url-state';

export interface AppContextValue {
  lang: Lang;
  t: Messages;
  url: UrlState;
  /** Replace part of the URL state; push=true adds a history entry (drills), false replaces it. */
  navigate: (patch: Partial<UrlState>, push?: boolean) => void;
  session: Session;
  setSession: (s: Session) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside <App>');
  return v;
}
