import type { IncomingMessage, ServerResponse } from 'node:http';
import { VIEW_ACCESS } from './query-rewrite';
import type { SecurityContext } from '../domain/roles';

type Req = IncomingMessage & { originalUrl?: string; securityContext?: SecurityContext };
type Res = ServerResponse & { json(body: unknown): unknown };

const META_PATH = '/cubejs-api/v1/meta';

/** The views a role's /meta lists: only those it may query (VIEW_ACCESS). */
export function visibleViews<T extends { name: string }>(cubes: T[], role: string | undefined): T[] {
  return cubes.filter((c) => VIEW_ACCESS[c.name]?.some((r) => r === role) ?? false);
}

/**
 * Cube compiles the YAML views into every role's model, so its /meta would list views a role
 * is then refused in /load. This trims each role's /meta to what it may query, so the
 * dashboards can build their menus from it. (Refusal itself is queryRewrite's job.)
 */
export function metaFilter(req: Req, res: Res, next: () => void): void {
  if ((req.originalUrl ?? req.url ?? '').split('?')[0] === META_PATH) {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const cubes = (body as { cubes?: { name: string }[] } | null)?.cubes;
      if (!Array.isArray(cubes)) return json(body);
      return json({ ...(body as object), cubes: visibleViews(cubes, req.securityContext?.role) });
    };
  }
  next();
}
