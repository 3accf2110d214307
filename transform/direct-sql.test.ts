import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCompiledSql, statementsFor } from './direct-sql';

const model = (materialized: string, extra: Record<string, unknown> = {}) => ({
  unique_id: 'model.rabt.m',
  resource_type: 'model',
  relation_name: '"rabt"."marts"."m"',
  compiled_code: 'select 1 as k',
  config: { materialized, ...extra },
});

describe('statementsFor', () => {
  it.each([
    ['a view', model('view'), false, ['create or replace view "rabt"."marts"."m" as select 1 as k']],
    ['a table', model('table'), false, ['create or replace table "rabt"."marts"."m" as select 1 as k']],
    [
      'an incremental model on a full build',
      model('incremental', { unique_key: ['k'] }),
      false,
      ['create or replace table "rabt"."marts"."m" as select 1 as k'],
    ],
    [
      'an incremental model on an incremental build',
      model('incremental', { unique_key: ['k'] }),
      true,
      [
        'create or replace temp table direct_model_rabt_m as select 1 as k',
        'delete from "rabt"."marts"."m" using (select distinct k from direct_model_rabt_m) as direct_keys where "rabt"."marts"."m".k = direct_keys.k',
        'insert into "rabt"."marts"."m" by name select * from direct_model_rabt_m',
      ],
    ],
    [
      'a data test',
      { ...model('test'), resource_type: 'test' },
      false,
      ['select count(*) from (select 1 as k) as failures'],
    ],
    ['a seed', { ...model('seed'), resource_type: 'seed' }, false, []],
    ['a node dbt did not compile', { ...model('table'), compiled_code: undefined }, false, []],
  ])('%s', (_name, node, incremental, expected) => {
    expect(statementsFor(node, incremental)).toEqual(expected);
  });
});

describe('runCompiledSql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rabt-direct-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays the nodes in run order and replaces the incremental keys it recomputes', async () => {
    const nodes = {
      'model.rabt.days': {
        unique_id: 'model.rabt.days',
        resource_type: 'model',
        relation_name: 'rabt.marts.days',
        compiled_code: `select * from (values (date '2025-06-14', 5), (date '2025-06-15', 7)) as t(d, q)`,
        config: { materialized: 'incremental', unique_key: ['d'] },
      },
      'test.rabt.positive': {
        unique_id: 'test.rabt.positive',
        resource_type: 'test',
        compiled_code: 'select * from rabt.marts.days where q <= 0',
        config: {},
      },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ nodes }));
    writeFileSync(
      join(dir, 'run_results.json'),
      JSON.stringify({ results: [{ unique_id: 'model.rabt.days' }, { unique_id: 'test.rabt.positive' }] }),
    );
    const db = join(dir, 'w.duckdb');
    const setup = await DuckDBInstance.create(db);
    const connection = await setup.connect();
    await connection.run(
      `create schema marts; create table marts.days as select * from (values (date '2025-06-13', 1), (date '2025-06-14', 2)) as t(d, q)`,
    );
    connection.closeSync();
    setup.closeSync();

    const result = await runCompiledSql({ databasePath: db, targetDir: dir, incremental: true });
    expect(result).toMatchObject({ models: 1, tests: 1 });

    const check = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const reader = await check.connect();
    const rows = (
      await reader.runAndReadAll(`select d::varchar as d, q from marts.days order by d`)
    ).getRowObjectsJson();
    reader.closeSync();
    check.closeSync();
    // 13 June untouched, 14 June replaced (not doubled), 15 June added
    expect(rows).toEqual([
      { d: '2025-06-13', q: 1 },
      { d: '2025-06-14', q: 5 },
      { d: '2025-06-15', q: 7 },
    ]);
  });
});
