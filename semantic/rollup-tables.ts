import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Cube keeps rollup tables in the warehouse (cube-server.ts's preAggregationsSchema). */
export const ROLLUP_SCHEMA = 'prod_pre_aggregations';

/**
 * Every rollup the models declare, as `<cube>_<pre-aggregation>`: the prefix of the table Cube
 * builds for it (Cube appends a version hash). Read from the YAML by its layout: a cube is a
 * `- name:` two spaces in, a pre-aggregation a `- name:` deeper whose entry says `type: rollup`.
 */
export function modelRollups(schemaPath: string): string[] {
  const rollups: string[] = [];
  const cubesDir = join(schemaPath, 'cubes');
  for (const file of readdirSync(cubesDir).filter((f) => f.endsWith('.yml')).sort()) {
    let cube = '';
    let entry: string | null = null;
    for (const line of readFileSync(join(cubesDir, file), 'utf8').split('\n')) {
      const cubeName = /^ {2}- name: (\w+)/.exec(line);
      if (cubeName) {
        cube = cubeName[1]!;
        entry = null;
        continue;
      }
      const entryName = /^ {6}- name: (\w+)/.exec(line);
      if (entryName) entry = entryName[1]!;
      else if (entry && /^ {8}type: rollup\b/.test(line)) rollups.push(`${cube}_${entry}`);
    }
  }
  return rollups;
}

/** The declared rollups that have a table in the warehouse (a table name is the rollup's prefix plus a hash). */
export function builtRollups(declared: readonly string[], tableNames: readonly string[]): string[] {
  return declared.filter((rollup) => tableNames.some((table) => table.startsWith(`${rollup}_`)));
}

export const ROLLUP_TABLES_SQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = '${ROLLUP_SCHEMA}'`;
