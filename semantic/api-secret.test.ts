import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveApiSecret } from './api-secret';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rabt-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveApiSecret', () => {
  it('prefers CUBEJS_API_SECRET and writes nothing', () => {
    expect(resolveApiSecret(dir, { CUBEJS_API_SECRET: 'from-env-0123456789' })).toBe('from-env-0123456789');
    expect(() => statSync(join(dir, '.cube-secret'))).toThrow();
  });

  it('generates 32 random bytes once, owner-only, and reuses them', () => {
    const first = resolveApiSecret(join(dir, 'data'), {});
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, 'data', '.cube-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(resolveApiSecret(join(dir, 'data'), {})).toBe(first);
    expect(resolveApiSecret(mkdtempSync(join(dir, 'other-')), {})).not.toBe(first);
  });
});
