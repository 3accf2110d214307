import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface RabtConfig {
  dataDir: string;
  simDir: string;
  lakeDir: string;
  warehousePath: string;
  cubePort: number;
  webPort: number;
  host: string;
}

/** Every environment variable Rabt reads, with its default; the README's table is this list. */
export const ENVIRONMENT = [
  { name: 'RABT_DATA_DIR', default: 'data', meaning: 'root of everything Rabt writes (git-ignored)' },
  { name: 'RABT_SIM_DIR', default: '$RABT_DATA_DIR/sim', meaning: 'simulated co-op output: inbox/ and truth/' },
  {
    name: 'RABT_LAKE_DIR',
    default: '$RABT_DATA_DIR/lake',
    meaning: 'the Parquet lake: raw/, quarantine/, ledger/, ml/',
  },
  {
    name: 'RABT_WAREHOUSE_PATH',
    default: '$RABT_DATA_DIR/warehouse/rabt.duckdb',
    meaning: 'the published warehouse Cube reads',
  },
  { name: 'CUBEJS_PORT', default: '4000', meaning: 'Cube REST API port' },
  { name: 'RABT_WEB_PORT', default: '8080', meaning: 'dashboards and demo-token port' },
  { name: 'RABT_HOST', default: '127.0.0.1', meaning: 'address the servers listen on' },
  {
    name: 'CUBEJS_API_SECRET',
    default: 'generated into $RABT_DATA_DIR/.cube-secret',
    meaning: 'JWT signing secret shared by Cube and the token endpoint',
  },
  { name: 'RABT_PYTHON', default: 'python3', meaning: 'Python used to create the dbt venv' },
  { name: 'RABT_DEBUG', default: 'unset', meaning: 'print stack traces on errors' },
] as const;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`${name}=${value} is not a port number (0–65535).`);
  }
  return parsed;
}

function pathFrom(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  return isAbsolute(value) ? value : resolve(repoRoot, value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RabtConfig {
  const dataDir = pathFrom(env.RABT_DATA_DIR, join(repoRoot, 'data'));
  return {
    dataDir,
    simDir: pathFrom(env.RABT_SIM_DIR, join(dataDir, 'sim')),
    lakeDir: pathFrom(env.RABT_LAKE_DIR, join(dataDir, 'lake')),
    warehousePath: pathFrom(env.RABT_WAREHOUSE_PATH, join(dataDir, 'warehouse', 'rabt.duckdb')),
    cubePort: port(env.CUBEJS_PORT, 4000, 'CUBEJS_PORT'),
    webPort: port(env.RABT_WEB_PORT, 8080, 'RABT_WEB_PORT'),
    host: env.RABT_HOST || '127.0.0.1',
  };
}
