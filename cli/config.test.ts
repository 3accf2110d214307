import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, loadConfig, repoRoot } from './config';

describe('loadConfig', () => {
  it('defaults everything under data/ in the repo', () => {
    const config = loadConfig({});
    expect(config.dataDir).toBe(join(repoRoot, 'data'));
    expect(config.lakeDir).toBe(join(repoRoot, 'data', 'lake'));
    expect(config.warehousePath).toBe(join(repoRoot, 'data', 'warehouse', 'rabt.duckdb'));
    expect(config.cubePort).toBe(4000);
    expect(config.webPort).toBe(8080);
  });

  it('derives the other paths from RABT_DATA_DIR, and lets each be overridden', () => {
    const config = loadConfig({ RABT_DATA_DIR: '/srv/rabt', RABT_LAKE_DIR: '/mnt/lake' });
    expect(config.simDir).toBe('/srv/rabt/sim');
    expect(config.lakeDir).toBe('/mnt/lake');
    expect(config.warehousePath).toBe('/srv/rabt/warehouse/rabt.duckdb');
  });

  it.each(['http', '-1', '70000', '4.5'])('refuses CUBEJS_PORT=%s with the variable named', (bad) => {
    expect(() => loadConfig({ CUBEJS_PORT: bad })).toThrow(/CUBEJS_PORT/);
  });
});

describe('ENVIRONMENT and the README', () => {
  it("lists exactly the variables of the README's configuration table, with the same defaults", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => ({
      name: m[1],
      readmeDefault: m[2]!.trim(),
    }));
    expect(rows.map((r) => r.name)).toEqual(ENVIRONMENT.map((v) => v.name));
    for (const { name, readmeDefault } of rows) {
      const declared = ENVIRONMENT.find((v) => v.name === name)!.default;
      expect(readmeDefault.replaceAll('`', ''), name).toContain(declared.replace(/ \(.*\)$/, ''));
    }
  });
});
