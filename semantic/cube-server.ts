import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import CubejsServerCore from '@cubejs-backend/server-core';
import { CubejsHandlerError } from '@cubejs-backend/api-gateway';
import { DuckDBDriver } from './duckdb-driver';
import { DuckDBQuery } from './duckdb-query';
import { metaFilter } from './meta-filter';
import { ModelRepository } from './model-repository';
import { rewriteQuery, type CubeQuery } from './query-rewrite';
import { createResponseCache, type ResponseCache } from './response-cache';
import { builtRollups, ROLLUP_SCHEMA, ROLLUP_TABLES_SQL } from './rollup-tables';
import { AccessDeniedError, verifyToken } from './tokens';
import { ROLES, type SecurityContext } from '../domain/roles';

export const DEFAULT_SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), 'model');

export interface StartCubeOptions {
  port: number;
  warehousePath: string;
  apiSecret: string;
  /** Folder of YAML/JS models; defaults to semantic/model. */
  schemaPath?: string;
  /** Origins allowed by CORS (the dashboards'); default any, since auth is a bearer token, not a cookie. */
  corsOrigin?: string | string[];
  /** Host to bind; default all interfaces like Cube itself. */
  host?: string;
  /** DuckDB connections and Cube queue concurrency. */
  concurrency?: number;
  /** Per-query timeout in the driver. */
  queryTimeoutMs?: number;
  /**
   * Build every rollup in the background from start-up, and again after each publish, instead of
   * on the first query that needs it: the first visit to the crisis room otherwise waits for
   * its rollups (~45 s at demo scale). Off by default so short-lived test servers stay quiet.
   */
  buildRollupsInBackground?: boolean;
  /** Cube's log lines (default: only errors, to stderr). */
  logger?: (message: string, params: Record<string, unknown>) => void;
}

export interface RunningCube {
  url: string;
  /** The models' rollups, and those with a table in the warehouse so far. */
  rollups(): Promise<{ declared: string[]; built: string[] }>;
  close(): Promise<void>;
  /** The driver, for benchmarks and tests that compare against straight DuckDB. */
  driver: DuckDBDriver;
  /** Hits and misses of the answer cache in front of /load. */
  cacheStats: ResponseCache['stats'];
  /** Resolves once the answer cache has made the compressed copies it started. */
  cacheSettled: ResponseCache['settled'];
}

// express and cors ship with @cubejs-backend/server (untyped here); Cube's gateway mounts on express.
const require = createRequire(import.meta.url);
type ExpressApp = ((req: IncomingMessage, res: unknown) => void) & {
  use(...handlers: unknown[]): void;
  disable(setting: string): void;
};
const express = require('express') as (() => ExpressApp) & { json(opts: Record<string, unknown>): unknown };
const cors = require('cors') as (opts: Record<string, unknown>) => unknown;

type AuthedRequest = IncomingMessage & { securityContext?: SecurityContext; originalUrl?: string; path?: string };

const RAW_SQL_PATHS = ['/cubejs-api/v1/sql', '/cubejs-api/v1/cubesql'];

/** How often Cube's scheduler checks the refresh keys when it builds rollups in the background. */
const ROLLUP_REFRESH_EVERY_S = 10;
const ROLLUP_BUILD_TIMEOUT_S = 600;
/** A board's context needs its co-op; every other role's model compiles without one. */
const ROLLUP_BUILDER_ROLES = ROLES.filter((role) => role !== 'coop_board');

/** The models' refresh keys (`every: "2 second"` on rabt_meta.publication in model/cubes). */
const REFRESH_KEY_EVERY_MS = 2000;

function forbidden(message: string): CubejsHandlerError {
  return new CubejsHandlerError(403, 'Forbidden', message);
}

function defaultLogger(message: string, params: Record<string, unknown>): void {
  if (params && typeof params === 'object' && 'error' in params) {
    process.stderr.write(`[cube] ${message}: ${String(params.error).split('\n')[0]}\n`);
  }
}

type CubeCore = InstanceType<typeof CubejsServerCore>;

/** Cube's checkAuth: a valid token's claims become the request's security context; raw SQL is for auditors. */
function checkAuthWith(apiSecret: string) {
  return async (req: AuthedRequest, auth?: string): Promise<void> => {
    if (!auth) throw forbidden("Authorization header isn't set");
    let ctx: SecurityContext;
    try {
      ctx = await verifyToken(auth, apiSecret);
    } catch (error) {
      throw forbidden((error as Error).message);
    }
    const path = req.originalUrl ?? req.url ?? '';
    if (RAW_SQL_PATHS.some((p) => path.startsWith(p)) && ctx.role !== 'auditor') {
      throw forbidden(`The SQL endpoint is open to auditors only, not ${ctx.role}`);
    }
    req.securityContext = ctx;
  };
}

/** Cube's queryRewrite: the access rules of query-rewrite.ts, a refusal as a 403. */
async function queryRewrite(query: unknown, { securityContext }: { securityContext?: SecurityContext }) {
  try {
    return rewriteQuery(query as CubeQuery, securityContext) as never;
  } catch (error) {
    if (error instanceof AccessDeniedError) throw forbidden(error.message);
    throw error;
  }
}

/** Cube core over the driver and the model folder, every option explicit. */
function createCore(opts: StartCubeOptions, driver: DuckDBDriver): CubeCore {
  const concurrency = opts.concurrency ?? 4;
  const queueOptions = { concurrency, executionTimeout: Math.ceil((opts.queryTimeoutMs ?? 60_000) / 1000) + 5 };
  const repository = new ModelRepository(opts.schemaPath ?? DEFAULT_SCHEMA_PATH);
  // Cast: 0.33's CreateOptions types lag its runtime (devServer, checkAuth(req) shapes).
  return new CubejsServerCore({
    // Everything explicit, so nothing depends on NODE_ENV or CUBEJS_* in the environment.
    devServer: false,
    telemetry: false,
    apiSecret: opts.apiSecret,
    repositoryFactory: () => repository,
    dbType: 'duckdb',
    driverFactory: () => driver,
    dialectFactory: () => DuckDBQuery,
    cacheAndQueueDriver: 'memory',
    scheduledRefreshTimer: opts.buildRollupsInBackground ? ROLLUP_REFRESH_EVERY_S : false,
    preAggregationsSchema: ROLLUP_SCHEMA,
    logger: opts.logger ?? defaultLogger,
    orchestratorOptions: {
      queryCacheOptions: { queueOptions },
      // A rollup build may wait behind others for longer than a query may; nobody waits on it.
      preAggregationsOptions: {
        queueOptions: { ...queueOptions, executionTimeout: ROLLUP_BUILD_TIMEOUT_S },
        externalRefresh: false,
      },
      rollupOnlyMode: false,
    },
    // One compiled model per role, so a role's JS model can leave members out entirely.
    contextToAppId: ({ securityContext }: { securityContext?: unknown }) =>
      `rabt_${(securityContext as SecurityContext | undefined)?.role ?? 'anonymous'}`,
    // Rollups are tables shared by every role that compiles the same SQL; these roles' models
    // hold all of them (a board's is the planner's co-op rollup, filtered by its query).
    scheduledRefreshContexts: async () =>
      opts.buildRollupsInBackground ? ROLLUP_BUILDER_ROLES.map((role) => ({ securityContext: { role } })) : [],
    // GraphQL stays off: one query surface (REST) to reason about.
    contextToApiScopes: async () => ['meta', 'data'],
    checkAuth: checkAuthWith(opts.apiSecret),
    queryRewrite,
  } as unknown as ConstructorParameters<typeof CubejsServerCore>[0]);
}

/** express with CORS, the answer cache and the /meta filter in front of Cube's routes. */
async function createApp(opts: StartCubeOptions, core: CubeCore, cache: ResponseCache): Promise<ExpressApp> {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    cors({
      origin: opts.corsOrigin ?? '*',
      allowedHeaders: 'authorization,content-type,x-request-id',
    }),
  );
  // Parsed here so the answer cache can read it; Cube's own parser skips a parsed body.
  app.use('/cubejs-api/v1/load', express.json({ limit: '1mb' }));
  app.use(cache.middleware);
  app.use(metaFilter);
  await core.initApp(app as never);
  return app;
}

async function listen(app: ExpressApp, port: number, host: string | undefined): Promise<Server> {
  const server: Server = createServer(app);
  // Longer than clients keep idle connections, so the server never closes one a client is reusing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/**
 * The rollups as Cube compiled them for the roles that build them: table names are
 * `<cube>_<pre-aggregation>` plus a version hash.
 */
async function declaredRollups(core: CubeCore): Promise<string[]> {
  const lists = await Promise.all(
    ROLLUP_BUILDER_ROLES.map(async (role) =>
      (await core.getCompilerApi({ securityContext: { role }, requestId: 'rollups' } as never)).preAggregations({}),
    ),
  );
  const rollups = (lists.flat() as { cube: string; preAggregationName: string; preAggregation: { type: string } }[])
    .filter((p) => p.preAggregation.type === 'rollup')
    .map((p) => `${p.cube}_${p.preAggregationName}`);
  return [...new Set(rollups)].sort();
}

/** Start the real Cube 0.33 REST API over the published warehouse. */
export async function startCube(opts: StartCubeOptions): Promise<RunningCube> {
  const driver = new DuckDBDriver({
    warehousePath: opts.warehousePath,
    poolSize: opts.concurrency ?? 4,
    queryTimeoutMs: opts.queryTimeoutMs ?? 60_000,
  });
  const core = createCore(opts, driver);
  const cache = createResponseCache({
    verify: (token) => verifyToken(token, opts.apiSecret),
    publication: () => driver.publication(),
    settleMs: REFRESH_KEY_EVERY_MS + 1000,
  });
  const server = await listen(await createApp(opts, core, cache), opts.port, opts.host);
  const { port } = server.address() as AddressInfo;

  let closed = false;
  let declared: Promise<string[]> | undefined;
  return {
    url: `http://localhost:${port}`,
    driver,
    async rollups() {
      const tables = (await driver.query<{ table_name: string }>(ROLLUP_TABLES_SQL, [])).map((r) =>
        String(r.table_name),
      );
      const rollups = await (declared ??= declaredRollups(core));
      return { declared: rollups, built: builtRollups(rollups, tables) };
    },
    cacheStats: cache.stats,
    cacheSettled: cache.settled,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.shutdown();
      await driver.release();
    },
  };
}
