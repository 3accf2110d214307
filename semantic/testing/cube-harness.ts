import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SignJWT } from 'jose';
import { startCube, type RunningCube } from '../cube-server';
import { writeTinyWarehouse, type TinyWarehouseOptions } from '../fixtures/tiny-warehouse';
import { issueToken } from '../tokens';
import { type Role } from '../../domain/roles';

export interface CubeHarness {
  cube: RunningCube;
  secret: string;
  warehousePath: string;
  dir: string;
  token(role: Role, coopId?: string): Promise<string>;
  load(token: string | undefined, query: unknown): Promise<{ status: number; body: LoadBody }>;
  meta(token: string | undefined): Promise<{ status: number; body: MetaBody }>;
  /** The same answer straight from the warehouse file (read-only), to compare Cube against. */
  direct(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface LoadBody {
  data?: Record<string, unknown>[];
  error?: string;
  query?: Record<string, unknown>;
  /** Rollup tables that answered the query, keyed by table name. */
  usedPreAggregations?: Record<string, unknown>;
}
export interface MetaBody {
  cubes?: { name: string; measures: { name: string }[]; dimensions: { name: string }[] }[];
  error?: string;
}

/** A real Cube server over a tiny temp warehouse, with helpers to call it as any role. */
export async function startCubeHarness(warehouse: TinyWarehouseOptions = {}): Promise<CubeHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'rabt-cube-'));
  const warehousePath = join(dir, 'rabt.duckdb');
  await writeTinyWarehouse(warehousePath, warehouse);
  const secret = `harness-${process.pid}-${Date.now()}`.padEnd(64, 's');
  const cube = await startCube({ port: 0, warehousePath, apiSecret: secret });
  const headers = (token?: string): Record<string, string> => ({
    'content-type': 'application/json',
    ...(token ? { authorization: token } : {}),
  });
  return {
    cube,
    secret,
    warehousePath,
    dir,
    token: async (role, coopId) => (await issueToken({ role, coop_id: coopId }, secret)).token,
    async load(token, query) {
      // Cube answers 200 {error: 'Continue wait'} while a query is still queued; clients retry.
      for (;;) {
        const res = await fetch(`${cube.url}/cubejs-api/v1/load`, {
          method: 'POST',
          headers: headers(token),
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as LoadBody;
        if (body.error !== 'Continue wait') return { status: res.status, body };
      }
    },
    async meta(token) {
      const res = await fetch(`${cube.url}/cubejs-api/v1/meta`, { headers: headers(token) });
      return { status: res.status, body: (await res.json()) as MetaBody };
    },
    async direct(sql) {
      const db = await DuckDBInstance.create(warehousePath, { access_mode: 'READ_ONLY' });
      const c = await db.connect();
      try {
        return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
      } finally {
        c.closeSync();
        db.closeSync();
      }
    },
    async close() {
      await cube.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sign arbitrary claims (for refusal tests: wrong role, missing claim, expired, other key). */
export async function signRaw(claims: Record<string, unknown>, secret: string, expiresAt: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}
