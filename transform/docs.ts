import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TRANSFORM_DIR, dbtBinary, dbtEnvironment, runDbt } from './build';

/*
 * `dbt docs generate --static` over the published warehouse: one self-contained HTML page
 * (manifest and catalog inlined, nothing fetched), so it opens on an air-gapped machine.
 * dbt attaches its database read-write, so it reads a copy and never the published file.
 */

export interface DocsOptions {
  warehousePath: string;
  lakeDir: string;
  dataDir: string;
  targetDir?: string;
  projectDir?: string;
  dbtBin?: string;
}

export interface DocsSummary {
  indexPath: string;
  /** Relations dbt found in the warehouse and documented with their columns. */
  catalogNodes: number;
  seconds: number;
}

export async function generateDocs(options: DocsOptions): Promise<DocsSummary> {
  const started = performance.now();
  const warehousePath = resolve(options.warehousePath);
  if (!existsSync(warehousePath)) throw new Error(`no published warehouse at ${warehousePath}: run rabt build first`);
  const targetDir = resolve(options.targetDir ?? join(TRANSFORM_DIR, 'target'));
  const projectDir = resolve(options.projectDir ?? TRANSFORM_DIR);
  const scratch = mkdtempSync(join(tmpdir(), 'rabt-docs-'));
  const copyPath = join(scratch, 'rabt.duckdb');
  const catalogPath = join(targetDir, 'catalog.json');
  const indexPath = join(targetDir, 'static_index.html');
  // a failed run must not pass on the previous run's files
  for (const path of [catalogPath, indexPath]) rmSync(path, { force: true });
  try {
    copyFileSync(warehousePath, copyPath);
    const env = dbtEnvironment({ buildPath: copyPath, lakeDir: options.lakeDir, dataDir: options.dataDir, targetDir });
    const args = [
      'docs',
      'generate',
      '--static',
      '--project-dir',
      projectDir,
      '--profiles-dir',
      projectDir,
      '--target-path',
      targetDir,
      '--log-format',
      'json',
    ];
    const { code, errors } = await runDbt(args, env, dbtBinary(options.dbtBin), projectDir);
    if (code !== 0 || !existsSync(catalogPath) || !existsSync(indexPath)) {
      throw new Error(`dbt docs generate failed (exit ${code}): ${errors.slice(-5).join('\n')}`);
    }
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { nodes: Record<string, unknown> };
    return {
      indexPath,
      catalogNodes: Object.keys(catalog.nodes).length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
