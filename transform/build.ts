import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Write, audit, publish. dbt builds and tests a copy of the warehouse next to the
 * published file; only when every node passed is the copy renamed over the published
 * file (an atomic rename on one filesystem), so Cube, reading the published file, never
 * sees a half-built or failing warehouse and keeps answering during the build.
 */

export const TRANSFORM_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(TRANSFORM_DIR, '..');

export interface BuildProgressEvent {
  stage: 'dbt';
  /** Nodes finished so far and the total dbt announced (models, seeds, tests). */
  done?: number;
  total?: number;
  message: string;
  node?: string;
  status?: string;
}

export interface BuildOptions {
  dataDir: string;
  lakeDir: string;
  warehousePath: string;
  /** dbt node selection (`--select`). */
  select?: string;
  /** Start from an empty warehouse and rebuild incremental models whole. */
  fullRefresh?: boolean;
  onProgress?: (event: BuildProgressEvent) => void;
  /** dbt project variables (`--vars`), e.g. `{ lookback_days: 1 }`. */
  vars?: Record<string, unknown>;
  /** The dbt project to run (default transform/); tests run a copy with their own seeds. */
  projectDir?: string;
  /** Where dbt writes run_results.json and manifest.json (default transform/target). */
  targetDir?: string;
  /** The dbt executable (default .venv/bin/dbt). */
  dbtBin?: string;
}

export interface NodeResult {
  unique_id: string;
  resource_type: string;
  status: string;
  execution_time: number;
  message: string | null;
  failures: number | null;
}

export interface BuildSummary {
  published: boolean;
  warehousePath: string;
  buildPath: string;
  /** Whether the build started from a copy of the published warehouse (incremental) or empty. */
  startedFrom: 'published' | 'empty';
  seconds: number;
  nodes: number;
  models: number;
  tests: number;
  passed: number;
  warned: number;
  /** unique_ids of nodes that failed or errored (tests that failed name themselves here). */
  failed: string[];
  skipped: number;
  runResultsPath: string;
  results: NodeResult[];
}

export class BuildFailedError extends Error {
  constructor(
    message: string,
    readonly summary: BuildSummary,
  ) {
    super(message);
    this.name = 'BuildFailedError';
  }
}

/** `<dir>/rabt.duckdb` → `<dir>/rabt.build.duckdb` (docs/contracts.md). */
export function buildPathFor(warehousePath: string): string {
  return warehousePath.endsWith('.duckdb')
    ? `${warehousePath.slice(0, -'.duckdb'.length)}.build.duckdb`
    : `${warehousePath}.build`;
}

function removeDatabase(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

interface DbtLogLine {
  info?: { name?: string; msg?: string; level?: string };
  data?: {
    node_info?: { unique_id?: string; node_status?: string; resource_type?: string };
    index?: number;
    total?: number;
    num_models?: number;
    status?: string;
    num_failures?: number;
  };
}

// dbt colours its messages even in JSON logs.
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Turns one line of `dbt --log-format json` into a progress event, or null for noise. */
export function progressFromDbtLine(line: string): BuildProgressEvent | null {
  let parsed: DbtLogLine;
  try {
    parsed = JSON.parse(line) as DbtLogLine;
  } catch {
    return line.trim() ? { stage: 'dbt', message: line.trim() } : null;
  }
  const name = parsed.info?.name ?? '';
  const msg = (parsed.info?.msg ?? '').replace(ANSI_COLOUR, '');
  const data = parsed.data ?? {};
  // Per-node results carry "N of M"; the rest (start lines, debug chatter) is dropped
  // except errors, which the caller wants to see as they happen.
  if (/Result$/.test(name) && typeof data.index === 'number') {
    return {
      stage: 'dbt',
      done: data.index,
      total: data.total ?? data.num_models,
      message: msg,
      node: data.node_info?.unique_id,
      status: data.status ?? data.node_info?.node_status,
    };
  }
  if (parsed.info?.level === 'error' && msg) return { stage: 'dbt', message: msg };
  return null;
}

export async function runDbt(
  args: string[],
  env: NodeJS.ProcessEnv,
  dbtBin: string,
  cwd: string,
  onProgress?: (event: BuildProgressEvent) => void,
): Promise<{ code: number; errors: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(dbtBin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const errors: string[] = [];
    let pending = '';
    const onLine = (line: string) => {
      const event = progressFromDbtLine(line);
      if (!event) return;
      if (event.done === undefined) errors.push(event.message);
      onProgress?.(event);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) onLine(pending);
      if (stderr.trim()) errors.push(stderr.trim());
      resolvePromise({ code: code ?? 1, errors });
    });
  });
}

function readRunResults(path: string, startedAt: number): NodeResult[] {
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
    metadata?: { generated_at?: string };
    results?: Array<{
      unique_id: string;
      status: string;
      execution_time: number;
      message: string | null;
      failures: number | null;
    }>;
  };
  // A run that died before writing results must not borrow the previous run's file.
  const generated = Date.parse(parsed.metadata?.generated_at ?? '');
  if (Number.isFinite(generated) && generated < startedAt - 1000) return [];
  return (parsed.results ?? []).map((r) => ({
    unique_id: r.unique_id,
    resource_type: r.unique_id.split('.')[0] ?? 'unknown',
    status: r.status,
    execution_time: r.execution_time,
    message: r.message,
    failures: r.failures,
  }));
}

/** The environment dbt runs in: where it writes (the build copy) and reads (the lake). */
export function dbtEnvironment(paths: {
  buildPath: string;
  lakeDir: string;
  dataDir: string;
  targetDir: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    RABT_WAREHOUSE_BUILD_PATH: paths.buildPath,
    RABT_LAKE_DIR: resolve(paths.lakeDir),
    RABT_DATA_DIR: resolve(paths.dataDir),
    DBT_LOG_PATH: join(paths.targetDir, '..', 'logs'),
    // Air-gapped: no usage pings, no version check against the hub.
    DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
    DBT_VERSION_CHECK: 'false',
    DBT_PARTIAL_PARSE: 'true',
    TZ: process.env.TZ ?? 'UTC',
  };
}

export function dbtBinary(dbtBin?: string): string {
  const bin = dbtBin ?? join(REPO_DIR, '.venv', 'bin', 'dbt');
  if (!existsSync(bin)) throw new Error(`dbt not found at ${bin}: run the set-up (npm start) to create .venv`);
  return bin;
}

export async function buildWarehouse(options: BuildOptions): Promise<BuildSummary> {
  const started = Date.now();
  const warehousePath = resolve(options.warehousePath);
  const buildPath = buildPathFor(warehousePath);
  const lakeDir = resolve(options.lakeDir);
  const targetDir = resolve(options.targetDir ?? join(TRANSFORM_DIR, 'target'));
  const dbtBin = dbtBinary(options.dbtBin);

  mkdirSync(dirname(warehousePath), { recursive: true });
  mkdirSync(lakeDir, { recursive: true });
  removeDatabase(buildPath);
  const startedFrom = !options.fullRefresh && existsSync(warehousePath) ? 'published' : 'empty';
  // The published file is only ever read here; the copy is what dbt writes to.
  if (startedFrom === 'published') copyFileSync(warehousePath, buildPath);

  const projectDir = resolve(options.projectDir ?? TRANSFORM_DIR);
  const args = [
    'build',
    '--project-dir',
    projectDir,
    '--profiles-dir',
    projectDir,
    '--target-path',
    targetDir,
    '--log-format',
    'json',
  ];
  if (options.select) args.push('--select', options.select);
  if (options.fullRefresh) args.push('--full-refresh');
  if (options.vars) args.push('--vars', JSON.stringify(options.vars));

  const env = dbtEnvironment({ buildPath, lakeDir, dataDir: options.dataDir, targetDir });

  const { code, errors } = await runDbt(args, env, dbtBin, projectDir, options.onProgress);
  const runResultsPath = join(targetDir, 'run_results.json');
  const results = readRunResults(runResultsPath, started);
  const failed = results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.unique_id);
  const count = (type: string) => results.filter((r) => r.resource_type === type).length;
  const summary: BuildSummary = {
    published: false,
    warehousePath,
    buildPath,
    startedFrom,
    seconds: 0,
    nodes: results.length,
    models: count('model'),
    tests: count('test') + count('unit_test'),
    passed: results.filter((r) => r.status === 'success' || r.status === 'pass').length,
    warned: results.filter((r) => r.status === 'warn').length,
    failed,
    skipped: results.filter((r) => r.status === 'skipped').length,
    runResultsPath,
    results,
  };

  if (code !== 0 || failed.length > 0 || results.length === 0) {
    summary.seconds = (Date.now() - started) / 1000;
    const why = results
      .filter((r) => failed.includes(r.unique_id))
      .map((r) => `${r.unique_id}: ${(r.message ?? r.status).split('\n').slice(0, 3).join(' ').trim()}`);
    const what =
      failed.length > 0
        ? `failed: ${failed.join(', ')}\n${why.join('\n')}`
        : errors.slice(-5).join('\n') || `dbt exited with code ${code}`;
    throw new BuildFailedError(`warehouse build did not pass, published warehouse left as it was; ${what}`, summary);
  }

  // dbt closed its connection, so DuckDB has normally checkpointed and left no WAL; if one
  // is there it holds committed data and moves with the file (the WAL goes first so the
  // published name never pairs the new file with a stale log).
  rmSync(`${warehousePath}.wal`, { force: true });
  if (existsSync(`${buildPath}.wal`)) renameSync(`${buildPath}.wal`, `${warehousePath}.wal`);
  renameSync(buildPath, warehousePath);
  summary.published = true;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
