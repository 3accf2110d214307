/**
 * The house rules the test command enforces (README, "House rules"), each shown catching a
 * violation planted for it. A rule that lets its planted violation through fails here, so a
 * config change cannot quietly switch a rule off.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: repo });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries (ESLint import-x/no-restricted-paths)', () => {
  const BOUNDARY = 'import-x/no-restricted-paths';
  it.each([
    ['ml/planted.ts', '../simulator/simulate', 'simulate', true],
    ['ingestion/planted.ts', '../ml/score', 'score', true],
    ['semantic/planted.ts', '../cli/pipeline', 'runPipeline', true],
    ['domain/planted.ts', '../ingestion/ingest', 'ingestInbox', true],
    ['ml/planted.ts', '../domain/feeds', 'ALL_FEEDS', false],
    ['cli/planted.ts', '../ml/score', 'score', false],
  ])('%s importing %s (%s) is refused: %s', async (file, from, name, refused) => {
    const code = `import { ${name} } from '${from}';\nexport const x = ${name};\n`;
    expect((await ruleIds(code, file)).includes(BOUNDARY)).toBe(refused);
  });
});

describe('function length (ESLint max-lines-per-function, 80)', () => {
  const fn = (lines: number): string =>
    `export function long(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(lines - 4)}  return n;\n}\n`;
  it.each([
    ['ml/planted.ts', 81, true],
    ['ml/planted.ts', 80, false],
    ['ml/planted.test.ts', 200, false],
  ])('%s with a %i-line function: refused=%s', async (file, lines, refused) => {
    expect((await ruleIds(fn(lines), file)).includes('max-lines-per-function')).toBe(refused);
  });
});

describe('formatting (Prettier --check)', () => {
  const options = async (file: string) => ({
    ...(await prettier.resolveConfig(join(repo, file))),
    filepath: join(repo, file),
  });

  it('refuses code that is not in the house format and accepts it formatted', async () => {
    const planted = 'export const x = {a:1,\n  b:"two"}\n';
    expect(await prettier.check(planted, await options('ml/planted.ts'))).toBe(false);
    const formatted = await prettier.format(planted, await options('ml/planted.ts'));
    expect(formatted).toBe("export const x = { a: 1, b: 'two' };\n");
    expect(await prettier.check(formatted, await options('ml/planted.ts'))).toBe(true);
  });

  it('checks every code folder (none is ignored)', async () => {
    const ignorePath = join(repo, '.prettierignore');
    for (const file of ['domain/feeds.ts', 'ml/score.ts', 'dashboards/src/app.tsx', 'semantic/model/views/audit.js']) {
      expect((await prettier.getFileInfo(join(repo, file), { ignorePath })).ignored, file).toBe(false);
    }
  });
});

describe('dead code (knip)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rabt-knip-'));
    const write = (file: string, text: string): void => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    write('package.json', JSON.stringify({ name: 'planted', private: true, type: 'module' }));
    write('knip.json', readFileSync(join(repo, 'knip.json'), 'utf8'));
    write('cli/main.ts', "import { used } from '../ml/used';\nconsole.log(used());\n");
    write('ml/used.ts', 'export function used(): number {\n  return 1;\n}\nexport const plantedUnused = 2;\n');
    write('ml/orphan.ts', 'export const orphan = 3;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an unused export and an unused file with the repo config', async () => {
    const knip = join(repo, 'node_modules', '.bin', 'knip');
    const result = await run(knip, ['--no-progress', '--directory', dir]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(result.code).not.toBe(0);
    expect(result.out).toContain('plantedUnused');
    expect(result.out).toContain('ml/orphan.ts');
    expect(result.out).not.toMatch(/\bused\b.*ml\/used\.ts/);
  });
});

describe('SQL style (SQLFluff, DuckDB dialect, on the dbt models)', () => {
  const sqlfluff = join(repo, '.venv', 'bin', 'sqlfluff');
  const lint = (sql: string): Promise<{ code: number; out: string }> =>
    new Promise((done) => {
      const child = execFile(
        sqlfluff,
        ['lint', '-', '--stdin-filename', 'transform/models/marts/planted.sql'],
        { cwd: repo },
        (error, stdout) => done({ code: error ? Number(error.code) : 0, out: stdout }),
      );
      child.stdin?.end(sql);
    });
  const model = (select: string): string =>
    `with\n\nsource as (\n    select * from {{ ref('stg_feeds__aid') }}\n),\n\nfinal as (\n${select}\n)\n\nselect * from final\n`;

  it('refuses a model with upper-case keywords and accepts it in the house style', async () => {
    const planted = await lint(model('    SELECT civil_id, amount_kwd FROM source'));
    expect(planted.code).toBe(1);
    expect(planted.out).toContain('CP01');
    const clean = await lint(model('    select\n        civil_id,\n        amount_kwd\n    from source'));
    expect(clean.out).not.toContain('FAIL');
    expect(clean.code).toBe(0);
  });
});
