import { prepareCompiler } from '@cubejs-backend/schema-compiler';
import { DEFAULT_SCHEMA_PATH } from './cube-server';
import { ModelRepository } from './model-repository';

/**
 * The model's naming rules (semantic/README.md, Model): one cube or view per file, the file named
 * after it; a cube is named after the mart it sits on (a cube over SQL: the one mart its SQL
 * reads, or that mart's name and what it derives from it) and is private, since the views are the
 * API. Compiled as the auditor, whose model holds every view.
 */
interface CompiledCube {
  name: string;
  fileName: string;
  isView?: boolean;
  public?: boolean;
  sqlTable?: () => string;
  sql?: () => string;
}

let cubes: CompiledCube[];
let views: CompiledCube[];
let files: string[];

beforeAll(async () => {
  const repository = new ModelRepository(DEFAULT_SCHEMA_PATH);
  const { compiler, cubeEvaluator } = prepareCompiler(
    repository as never,
    {
      compileContext: { securityContext: { role: 'auditor' } },
    } as never,
  );
  await compiler.compile();
  const compiled = (cubeEvaluator as unknown as { cubeList: CompiledCube[] }).cubeList;
  cubes = compiled.filter((c) => !c.isView);
  views = compiled.filter((c) => c.isView);
  files = (await repository.dataSchemaFiles()).map((f) => f.fileName);
}, 60_000);

const stem = (fileName: string): string => fileName.replace(/^.*\//, '').replace(/\.(ya?ml|js)$/, '');

describe('model naming', () => {
  it('keeps one cube or view per file, in cubes/ or views/, named after it', () => {
    for (const c of cubes) expect([c.name, c.fileName]).toEqual([c.name, expect.stringMatching(/^cubes\//)]);
    for (const v of views) expect([v.name, v.fileName]).toEqual([v.name, expect.stringMatching(/^views\//)]);
    for (const c of [...cubes, ...views]) expect([c.name, stem(c.fileName)]).toEqual([c.name, c.name]);
    const defined = [...cubes, ...views].map((c) => c.fileName).sort();
    expect(defined).toEqual(files.filter((f) => /^(cubes|views)\//.test(f)).sort());
    expect(cubes.length).toBeGreaterThan(30);
    expect(views.length).toBeGreaterThan(25);
  });

  it('names every cube after the mart it sits on', () => {
    for (const c of cubes) {
      if (c.sqlTable) {
        expect([c.name, c.sqlTable()]).toEqual([c.name, `marts.${c.name}`]);
        continue;
      }
      const marts = [...new Set([...String(c.sql?.()).matchAll(/\bmarts\.(\w+)/g)].map((m) => m[1]))];
      expect([c.name, marts.length]).toEqual([c.name, 1]);
      expect(c.name === marts[0] || c.name.startsWith(`${marts[0]}_`), `${c.name} over marts.${marts[0]}`).toBe(true);
    }
  });

  it('keeps every cube private: only views are queried', () => {
    expect(cubes.filter((c) => c.public !== false).map((c) => c.name)).toEqual([]);
  });
});
