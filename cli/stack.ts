import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RabtConfig } from './config';
import { repoRoot } from './config';

export interface RunningStack {
  cubeUrl: string;
  cubeApiUrl: string;
  webUrl: string;
  apiSecret: string;
  /** The models' rollups, and those built so far. */
  rollups(): Promise<{ declared: string[]; built: string[] }>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Build every rollup from start-up instead of on first use (for serving people, not tests). */
  buildRollupsInBackground?: boolean;
}

/** Cube over the published warehouse, and the web server with the dashboards and demo tokens. */
export async function startStack(config: RabtConfig, options: StackOptions = {}): Promise<RunningStack> {
  if (!existsSync(config.warehousePath)) {
    throw new Error(
      `No published warehouse at ${config.warehousePath}. Run \`npx rabt build\` (or \`npm start\`) first.`,
    );
  }
  const distDir = join(repoRoot, 'dashboards', 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('The dashboards are not built. Run `npm run build:dashboards` (npm start does it for you).');
  }
  const { resolveApiSecret } = await import('../semantic/api-secret');
  const { startCube } = await import('../semantic/cube-server');
  const { startWebServer } = await import('../semantic/web-server');
  const { reviewLogPath } = await import('../semantic/reviews/review-routes');
  const apiSecret = resolveApiSecret(config.dataDir);
  const cube = await startCube({
    port: config.cubePort,
    warehousePath: config.warehousePath,
    apiSecret,
    buildRollupsInBackground: options.buildRollupsInBackground ?? false,
  });
  const cubeApiUrl = `${cube.url.replace(/\/$/, '')}/cubejs-api/v1`;
  try {
    const web = await startWebServer({
      port: config.webPort,
      distDir,
      apiSecret,
      cubeApiUrl,
      reviewLogPath: reviewLogPath(config.dataDir),
    });
    return {
      cubeUrl: cube.url,
      cubeApiUrl,
      webUrl: web.url,
      apiSecret,
      rollups: () => cube.rollups(),
      async close() {
        await web.close();
        await cube.close();
      },
    };
  } catch (error) {
    await cube.close();
    throw error;
  }
}
