import cube, { type CubeApi } from '@cubejs-client/core';
import type { Session } from '../state/session';

interface AppConfig {
  cubeApiUrl: string;
}

interface TokenResponse {
  token: string;
  expires_at?: string;
}

let configPromise: Promise<AppConfig> | null = null;

/** The web server tells the app where Cube is, so one build works on any port or host. */
export function loadConfig(): Promise<AppConfig> {
  configPromise ??= fetch('/api/config').then(async (r) => {
    if (!r.ok) throw new Error(`/api/config answered ${r.status}`);
    return (await r.json()) as AppConfig;
  });
  return configPromise;
}

export function tokenUrl(session: Session): string {
  const p = new URLSearchParams({ role: session.role });
  if (session.role === 'coop_board' && session.coopId) p.set('coop_id', session.coopId);
  return `/api/token?${p.toString()}`;
}

/** A fresh demo token for the session (the review log checks the same token Cube does). */
export async function fetchToken(session: Session): Promise<TokenResponse> {
  const r = await fetch(tokenUrl(session));
  if (!r.ok) throw new Error(`/api/token answered ${r.status}`);
  return (await r.json()) as TokenResponse;
}

/** A Cube client whose token comes from the demo endpoint and is renewed a minute before it expires. */
export async function createCubeApi(session: Session): Promise<CubeApi> {
  const { cubeApiUrl } = await loadConfig();
  let cached: { token: string; renewAt: number } | null = null;
  const token = async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const body = await fetchToken(session);
    const expires = body.expires_at ? Date.parse(body.expires_at) : Number.NaN;
    cached = { token: body.token, renewAt: Number.isFinite(expires) ? expires - 60_000 : Date.now() + 10 * 60_000 };
    return body.token;
  };
  // No fetchTimeout: @cubejs-client reuses one timeout signal across a query's "Continue wait"
  // polls, so a cold Cube's slow first answer would be cut off and shown as "network Error".
  return cube(token, { apiUrl: cubeApiUrl });
}
