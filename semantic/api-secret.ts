import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HS256 secret Cube verifies tokens with and the web server signs demo tokens with.
 * `CUBEJS_API_SECRET` wins; otherwise a random one is generated once under the data dir
 * (git-ignored, owner-only) so a fresh clone never ships or reuses a literal secret.
 */
export function resolveApiSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CUBEJS_API_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir, '.cube-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
