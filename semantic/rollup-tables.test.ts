import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtRollups, modelRollups } from './rollup-tables';
import { DEFAULT_SCHEMA_PATH } from './cube-server';

describe('modelRollups', () => {
  it('names each rollup by its cube, and skips other pre-aggregation types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rabt-rollups-'));
    mkdirSync(join(dir, 'cubes'));
    writeFileSync(
      join(dir, 'cubes', 'a.yml'),
      [
        'cubes:',
        '  - name: sales',
        '    pre_aggregations:',
        '      - name: daily',
        '        type: rollup',
        '      - name: raw',
        '        type: original_sql',
        '  - name: stock',
        '    pre_aggregations:',
        '      - name: now',
        '        external: false',
        '        type: rollup',
      ].join('\n'),
    );
    expect(modelRollups(dir)).toEqual(['sales_daily', 'stock_now']);
  });

  it("finds the project's rollups (the crisis room's and the explorer's)", () => {
    const rollups = modelRollups(DEFAULT_SCHEMA_PATH);
    expect(rollups).toContain('stock_now_by_coop_product');
    expect(rollups).toContain('sales_daily_by_category_governorate');
  });
});

describe('builtRollups', () => {
  it.each([
    [['sales_daily', 'stock_now'], ['sales_daily_abc123_x', 'stock_now_def'], ['sales_daily', 'stock_now']],
    [['sales_daily', 'stock_now'], ['sales_daily_abc123_x'], ['sales_daily']],
    [['sales_daily'], ['sales_dailyx_abc'], []],
    [['sales_daily'], [], []],
  ])('%j with tables %j → %j', (declared, tables, expected) => {
    expect(builtRollups(declared, tables)).toEqual(expected);
  });
});
