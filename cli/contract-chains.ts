/**
 * Each number's route through Rabt, read from the code itself: page → view (the queries a
 * page's modules send) → cube (the view's measures) → mart (the cube's table) → staging →
 * source (a co-op feed, an ML output table, the ledger). docs/contracts.md holds the table
 * this writes, and a test fails when the code and the table part ways.
 * Run: `npm run docs:chains` (rewrites the table in place).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCompiler } from '@cubejs-backend/schema-compiler';
import { DEFAULT_SCHEMA_PATH } from '../semantic/cube-server';
import { ModelRepository } from '../semantic/model-repository';
import { repoRoot } from './config';

export interface Chain {
  view: string;
  measures: string[];
  cubes: string[];
  marts: string[];
  staging: string[];
  sources: string[];
  pages: string[];
}

const START = '<!-- chains:start (written by npm run docs:chains; do not edit by hand) -->';
const END = '<!-- chains:end -->';
export const CONTRACTS_PATH = join(repoRoot, 'docs', 'contracts.md');

interface CompiledView {
  name: string;
  isView?: boolean;
  measures: Record<string, unknown>;
  cubes: { includes: string[] | '*'; joinPath: unknown }[];
}
interface CompiledCube {
  name: string;
  isView?: boolean;
  sqlTable?: () => string;
  sql?: () => string;
}

/** The model as the auditor sees it: the role whose model holds every view. */
async function compileModel(): Promise<{ views: CompiledView[]; martOf: Map<string, string[]>; rootOf: RootOf }> {
  const { compiler, cubeEvaluator } = prepareCompiler(
    new ModelRepository(DEFAULT_SCHEMA_PATH) as never,
    { compileContext: { securityContext: { role: 'auditor' } } } as never,
  );
  await compiler.compile();
  const evaluator = cubeEvaluator as unknown as {
    cubeList: (CompiledCube & CompiledView)[];
    evaluateReferences(cube: null, fn: unknown, options: object): string;
  };
  const martOf = new Map<string, string[]>();
  for (const cube of evaluator.cubeList.filter((c) => !c.isView)) {
    const sql = cube.sqlTable ? cube.sqlTable() : String(cube.sql?.());
    martOf.set(cube.name, [...new Set([...sql.matchAll(/\bmarts\.(\w+)/g)].map((m) => m[1]!))]);
  }
  const rootOf: RootOf = (joinPath) =>
    String(evaluator.evaluateReferences(null, joinPath, { collectJoinHints: true })).split('.')[0]!;
  return { views: evaluator.cubeList.filter((c) => c.isView), martOf, rootOf };
}
type RootOf = (joinPath: unknown) => string;

/** The cubes a view's numbers (its measures) come from. */
function measureCubes(view: CompiledView, rootOf: RootOf): string[] {
  const measures = new Set(Object.keys(view.measures));
  const roots = view.cubes
    .filter((c) => c.includes === '*' || c.includes.some((m) => measures.has(m)))
    .map((c) => rootOf(c.joinPath));
  return [...new Set(roots)];
}

interface DbtNode {
  refs: string[];
  sources: string[];
}

/** Every dbt model and snapshot by name, with what it reads (refs, and lake sources through the macros). */
function dbtGraph(): Map<string, DbtNode> {
  const graph = new Map<string, DbtNode>();
  for (const dir of ['models', 'snapshots']) {
    for (const file of walk(join(repoRoot, 'transform', dir), '.sql')) {
      const sql = readFileSync(file, 'utf8');
      const name = /\{%-?\s*snapshot\s+(\w+)/.exec(sql)?.[1] ?? file.replace(/^.*\//, '').replace(/\.sql$/, '');
      graph.set(name, {
        refs: [...sql.matchAll(/\bref\(\s*['"](\w+)['"]\s*\)/g)].map((m) => m[1]!),
        sources: [...sql.matchAll(/\b(?:source|lake_relation|stage_lake_source)\(\s*'(\w+)'\s*,\s*'(\w+)'\s*\)/g)].map(
          (m) => `${m[1]}.${m[2]}`,
        ),
      });
    }
  }
  return graph;
}

/** The staging models and sources upstream of the given models. */
function upstream(graph: Map<string, DbtNode>, models: string[]): { staging: string[]; sources: string[] } {
  const seen = new Set<string>();
  const staging = new Set<string>();
  const sources = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    if (name.startsWith('stg_')) staging.add(name);
    const node = graph.get(name);
    if (!node) return;
    node.sources.forEach((s) => sources.add(s));
    node.refs.forEach(visit);
  };
  models.forEach(visit);
  return { staging: [...staging].sort(), sources: [...sources].sort() };
}

/** The pages whose modules (followed through their relative imports) query `view`. */
function pagesQuerying(views: string[]): Map<string, string[]> {
  const pagesDir = join(repoRoot, 'dashboards', 'src', 'pages');
  const byView = new Map<string, string[]>(views.map((v) => [v, []]));
  for (const page of readdirSync(pagesDir).filter((f) => f.endsWith('.tsx') && !f.includes('.test.'))) {
    const text = [...moduleClosure(join(pagesDir, page))].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const view of views) {
      if (new RegExp(`['"\`]${view}\\.\\w`).test(text)) byView.get(view)!.push(page.replace(/\.tsx$/, ''));
    }
  }
  return byView;
}

function moduleClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  // Type-only imports carry no query, so they are not followed.
  for (const m of readFileSync(entry, 'utf8').matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const base = resolve(dirname(entry), m[1]!);
    const file = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(isFile);
    if (file) moduleClosure(file, seen);
  }
  return seen;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

export async function readChains(): Promise<Chain[]> {
  const { views, martOf, rootOf } = await compileModel();
  const graph = dbtGraph();
  const pages = pagesQuerying(views.map((v) => v.name));
  return views
    .map((view) => {
      const cubes = measureCubes(view, rootOf);
      const marts = [...new Set(cubes.flatMap((c) => martOf.get(c) ?? []))];
      return {
        view: view.name,
        measures: Object.keys(view.measures),
        cubes,
        marts,
        ...upstream(graph, marts),
        pages: pages.get(view.name) ?? [],
      };
    })
    .sort((a, b) => a.view.localeCompare(b.view));
}

const code = (names: string[]): string => (names.length ? names.map((n) => `\`${n}\``).join(', ') : '—');

export function chainsTable(chains: Chain[]): string {
  const head = [
    '| view | numbers (measures) | cube | mart | staging | source | page |',
    '|---|---|---|---|---|---|---|',
  ];
  const rows = chains.map((c) =>
    [c.view, c.measures.join(', ') || '—', code(c.cubes), code(c.marts), code(c.staging), code(c.sources)]
      .map((cell, i) => (i === 0 ? `\`${cell}\`` : cell))
      .concat(c.pages.length ? c.pages.join(', ') : '— (API only)')
      .join(' | '),
  );
  return [...head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

/** docs/contracts.md with its chains section replaced by `table`. */
export function withChains(markdown: string, table: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/contracts.md has no ${START} … ${END} section`);
  return `${markdown.slice(0, start + START.length)}\n${table}\n${markdown.slice(end)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = chainsTable(await readChains());
  writeFileSync(CONTRACTS_PATH, withChains(readFileSync(CONTRACTS_PATH, 'utf8'), table));
  console.log(`${relative(process.cwd(), CONTRACTS_PATH)}: chains written (${table.split('\n').length - 2} views)`);
}
