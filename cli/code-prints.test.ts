import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelsCodePrint, transformCodePrint } from './code-prints';

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'rabt-code-prints-'));
  for (const dir of ['transform/models/marts', 'transform/target', 'transform/logs', 'ml'])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'transform', 'dbt_project.yml'), 'name: rabt\n');
  writeFileSync(join(root, 'transform', 'models', 'marts', 'fct_a.sql'), 'select 1\n');
  writeFileSync(join(root, 'ml', 'score.ts'), 'export {};\n');
  return root;
}

const later = (path: string): void => utimesSync(path, new Date(), new Date(Date.now() + 60_000));

describe('transformCodePrint', () => {
  it.each([
    ['a model changes', (root: string) => later(join(root, 'transform', 'models', 'marts', 'fct_a.sql')), true],
    [
      'a model is added',
      (root: string) => writeFileSync(join(root, 'transform', 'models', 'marts', 'fct_b.sql'), 'select 2\n'),
      true,
    ],
    [
      'dbt_project.yml changes',
      (root: string) => writeFileSync(join(root, 'transform', 'dbt_project.yml'), 'name: rabt\nversion: 2\n'),
      true,
    ],
    [
      'dbt writes its target/',
      (root: string) => writeFileSync(join(root, 'transform', 'target', 'manifest.json'), '{}'),
      false,
    ],
    ['dbt writes its logs/', (root: string) => writeFileSync(join(root, 'transform', 'logs', 'dbt.log'), 'x'), false],
    ['only ml changes', (root: string) => later(join(root, 'ml', 'score.ts')), false],
  ])('%s → changed: %s', (_what, change, changed) => {
    const root = repo();
    const before = transformCodePrint(root);
    change(root);
    expect(transformCodePrint(root) !== before).toBe(changed);
  });
});

describe('modelsCodePrint', () => {
  it('changes when the models change, not when the warehouse code does', () => {
    const root = repo();
    const before = modelsCodePrint(root);
    later(join(root, 'transform', 'models', 'marts', 'fct_a.sql'));
    expect(modelsCodePrint(root)).toBe(before);
    later(join(root, 'ml', 'score.ts'));
    expect(modelsCodePrint(root)).not.toBe(before);
  });
});
