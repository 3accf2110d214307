import { statSync } from 'node:fs';
import { BaseDriver } from '@cubejs-backend/base-driver';
import type { QueryOptions, TableStructure } from '@cubejs-backend/base-driver';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DuckDBQuery } from './duckdb-query';
import { readerToRows, toGenericType } from './duckdb-value';

export interface DuckDBDriverOptions {
  /** The published warehouse file; opened read-only, re-attached when a build swaps it. */
  warehousePath: string;
  /** Connections kept open; also the orchestrator's queue concurrency. */
  poolSize?: number;
  /** A query running longer than this is interrupted. */
  queryTimeoutMs?: number;
  /** How often (at most) the published file is stat-ed for a swap. */
  swapCheckMs?: number;
}

/** A cancellable promise, the shape Cube's query queue looks for to cancel a running query. */
type Cancellable<T> = Promise<T> & { cancel?: () => Promise<void> };

interface Generation {
  alias: string;
  identity: string;
  /** When this driver attached it (ms since epoch). */
  attachedAt: number;
  inFlight: number;
  retired: boolean;
}

export const WAREHOUSE_SCHEMA = 'marts';
const META_SCHEMA = 'rabt_meta';

export class WarehouseNotPublishedError extends Error {
  constructor(path: string) {
    super(`No published warehouse at ${path} yet; run \`npx rabt build\``);
  }
}

export class QueryTimeoutError extends Error {
  constructor(ms: number) {
    super(`Query interrupted after ${ms} ms (timeout)`);
  }
}

/**
 * Cube 0.33 driver on @duckdb/node-api.
 *
 * The published warehouse is never opened for writing and never held in a way that blocks a
 * build: an in-memory DuckDB attaches it READ_ONLY under a generation alias (`wh_1`, `wh_2`…),
 * and views in the in-memory `marts` schema point at the current generation. When the build
 * renames a new file into place (new inode/mtime), the next query attaches it as the next
 * generation, repoints the views, and detaches the old one once its last query finished.
 * Because the in-memory database is writable, Cube's pre-aggregation tables live there and
 * survive swaps; `rabt_meta.publication` changes with every swap so refresh keys notice.
 */
export class DuckDBDriver extends BaseDriver {
  static dialectClass() {
    return DuckDBQuery;
  }

  static getDefaultConcurrency() {
    return 4;
  }

  readonly options: Required<DuckDBDriverOptions>;
  private instance: Promise<DuckDBInstance> | undefined;
  private idle: DuckDBConnection[] = [];
  private created = 0;
  private waiters: ((c: DuckDBConnection) => void)[] = [];
  private current: Generation | undefined;
  private generations = 0;
  private lastCheck = 0;
  private swapping: Promise<void> | undefined;
  private closed = false;
  private readonly schemas = new Map<string, Promise<void>>();

  constructor(options: DuckDBDriverOptions) {
    super({ testConnectionTimeout: 10_000 });
    this.options = {
      poolSize: DuckDBDriver.getDefaultConcurrency(),
      queryTimeoutMs: 60_000,
      swapCheckMs: 250,
      ...options,
    };
  }

  /** Identity of the published file: changes when a build renames a new one into place. */
  private fileIdentity(): string | undefined {
    try {
      const s = statSync(this.options.warehousePath);
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return undefined;
    }
  }

  private getInstance(): Promise<DuckDBInstance> {
    this.instance ??= DuckDBInstance.create(':memory:');
    return this.instance;
  }

  private async acquire(): Promise<DuckDBConnection> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.created < this.options.poolSize) {
      this.created += 1;
      const c = await (await this.getInstance()).connect();
      // Cube sends UTC strings cast with ::timestamptz; the machine's zone must not leak in.
      await c.run(`SET TimeZone = 'UTC'`);
      return c;
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private releaseConnection(c: DuckDBConnection): void {
    const next = this.waiters.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  /** Attach the published file if it is new; serialised so concurrent queries swap once. */
  private async ensureCurrent(): Promise<Generation> {
    const now = Date.now();
    if (this.current && now - this.lastCheck < this.options.swapCheckMs && !this.swapping) return this.current;
    if (this.swapping) await this.swapping;
    this.lastCheck = now;
    const identity = this.fileIdentity();
    if (identity === undefined) {
      if (this.current) return this.current; // file mid-rename: keep serving the last one
      throw new WarehouseNotPublishedError(this.options.warehousePath);
    }
    if (this.current?.identity !== identity) {
      this.swapping ??= this.attach(identity).finally(() => {
        this.swapping = undefined;
      });
      await this.swapping;
    }
    if (!this.current) throw new WarehouseNotPublishedError(this.options.warehousePath);
    return this.current;
  }

  private async attach(identity: string): Promise<void> {
    if (this.current?.identity === identity) return;
    const alias = `wh_${++this.generations}`;
    const c = await this.acquire();
    try {
      const path = this.options.warehousePath.replaceAll("'", "''");
      await c.run(`ATTACH '${path}' AS ${alias} (READ_ONLY)`);
      const tables = readerToRows(
        await c.runAndReadAll(
          `SELECT table_name FROM duckdb_tables() WHERE database_name = $1 AND schema_name = $2
           UNION SELECT view_name FROM duckdb_views() WHERE database_name = $1 AND schema_name = $2 AND NOT internal`,
          [alias, WAREHOUSE_SCHEMA],
        ),
      ).map((r) => String(r.table_name));
      const existing = readerToRows(
        await c.runAndReadAll(
          `SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' AND schema_name = $1`,
          [WAREHOUSE_SCHEMA],
        ),
      ).map((r) => String(r.view_name));
      const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
      let ddl = `BEGIN; CREATE SCHEMA IF NOT EXISTS memory.${WAREHOUSE_SCHEMA}; CREATE SCHEMA IF NOT EXISTS memory.${META_SCHEMA};`;
      for (const t of tables) {
        ddl += `CREATE OR REPLACE VIEW memory.${WAREHOUSE_SCHEMA}.${q(t)} AS SELECT * FROM ${alias}.${WAREHOUSE_SCHEMA}.${q(t)};`;
      }
      for (const v of existing.filter((v) => !tables.includes(v))) {
        ddl += `DROP VIEW memory.${WAREHOUSE_SCHEMA}.${q(v)};`;
      }
      ddl += `CREATE OR REPLACE TABLE memory.${META_SCHEMA}.publication AS SELECT '${identity}' AS version, now() AS attached_at; COMMIT;`;
      await c.run(ddl);
    } finally {
      this.releaseConnection(c);
    }
    const old = this.current;
    this.current = { alias, identity, attachedAt: Date.now(), inFlight: 0, retired: false };
    if (old) {
      old.retired = true;
      await this.maybeDetach(old);
    }
  }

  private async maybeDetach(g: Generation): Promise<void> {
    if (!g.retired || g.inFlight > 0 || this.closed) return;
    const c = await this.acquire();
    try {
      await c.run(`DETACH ${g.alias}`);
    } catch {
      // a query bound to it may still be finishing; the next release retries
      g.retired = true;
    } finally {
      this.releaseConnection(c);
    }
  }

  /** The published file's identity as last attached (changes on every publish). */
  async publicationVersion(): Promise<string> {
    return (await this.ensureCurrent()).identity;
  }

  /** The current publication and when this driver attached it. */
  async publication(): Promise<{ version: string; attachedAt: number }> {
    const g = await this.ensureCurrent();
    return { version: g.identity, attachedAt: g.attachedAt };
  }

  override async testConnection(): Promise<void> {
    await this.query('SELECT 1 AS ok', []);
  }

  override query<R = unknown>(sql: string, values: unknown[] = [], _options?: QueryOptions): Promise<R[]> {
    let interrupt: (() => void) | undefined;
    let cancelled = false;
    const run = async (): Promise<R[]> => {
      const generation = await this.ensureCurrent();
      generation.inFlight += 1;
      const c = await this.acquire();
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      try {
        if (cancelled) throw new Error('Query cancelled');
        interrupt = () => c.interrupt();
        timer = setTimeout(() => {
          timedOut = true;
          c.interrupt();
        }, this.options.queryTimeoutMs);
        const reader = await c.runAndReadAll(sql, values.map(toDuckDBParam));
        return readerToRows(reader) as R[];
      } catch (error) {
        if (timedOut) throw new QueryTimeoutError(this.options.queryTimeoutMs);
        if (cancelled) throw new Error('Query cancelled');
        throw error;
      } finally {
        clearTimeout(timer);
        interrupt = undefined;
        this.releaseConnection(c);
        generation.inFlight -= 1;
        if (generation.retired) void this.maybeDetach(generation);
      }
    };
    const promise: Cancellable<R[]> = run();
    promise.cancel = async () => {
      cancelled = true;
      interrupt?.();
    };
    return promise;
  }

  override async getTablesQuery(schemaName: string) {
    return this.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_catalog = 'memory' AND table_schema = $1`,
      [schemaName],
    );
  }

  override createSchemaIfNotExists(schemaName: string): Promise<void> {
    // Cube asks for the schema from every pre-aggregation build it runs at once, and DuckDB
    // refuses two transactions creating the same schema (a write-write conflict), so each
    // schema is created by one statement that the other callers wait for.
    let created = this.schemas.get(schemaName);
    if (!created) {
      created = this.query(`CREATE SCHEMA IF NOT EXISTS memory.${schemaName}`, []).then(() => undefined);
      created.catch(() => this.schemas.delete(schemaName));
      this.schemas.set(schemaName, created);
    }
    return created;
  }

  override async tableColumnTypes(table: string): Promise<TableStructure> {
    const [schema, name] = table.split('.');
    const rows = await this.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_catalog = 'memory' AND table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
      [schema, name],
    );
    return rows.map((r) => ({ name: r.column_name, type: toGenericType(r.data_type) }));
  }

  override async queryColumnTypes(sql: string, params: unknown[] = []) {
    const c = await this.acquire();
    try {
      const prepared = await c.prepare(`SELECT * FROM (${sql}) AS q LIMIT 0`);
      prepared.bind(params.map(toDuckDBParam));
      const result = await prepared.run();
      return result.columnNames().map((name, i) => ({ name, type: toGenericType(result.columnType(i).toString()) }));
    } finally {
      this.releaseConnection(c);
    }
  }

  override readOnly(): boolean {
    // Pre-aggregations are written into the in-memory catalog, never into the warehouse.
    return false;
  }

  override async release(): Promise<void> {
    this.closed = true;
    for (const c of this.idle) c.closeSync();
    this.idle = [];
    const instance = await this.instance;
    instance?.closeSync();
    this.instance = undefined;
  }
}

function toDuckDBParam(v: unknown): DuckDBValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
