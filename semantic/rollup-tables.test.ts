import { builtRollups, untilRollupsBuilt } from './rollup-tables';

describe('builtRollups', () => {
  it.each([
    [
      ['sales_daily', 'stock_now'],
      ['sales_daily_abc123_x', 'stock_now_def'],
      ['sales_daily', 'stock_now'],
    ],
    [['sales_daily', 'stock_now'], ['sales_daily_abc123_x'], ['sales_daily']],
    [['sales_daily'], ['sales_dailyx_abc'], []],
    [['sales_daily'], [], []],
  ])('%j with tables %j → %j', (declared, tables, expected) => {
    expect(builtRollups(declared, tables)).toEqual(expected);
  });
});

describe('untilRollupsBuilt', () => {
  it('reports each change and resolves once every rollup is built', async () => {
    const states = [
      { declared: ['a', 'b'], built: [] },
      { declared: ['a', 'b'], built: [] },
      { declared: ['a', 'b'], built: ['a'] },
      { declared: ['a', 'b'], built: ['a', 'b'] },
    ];
    let reads = 0;
    const seen: number[] = [];
    await untilRollupsBuilt(async () => states[Math.min(reads++, states.length - 1)]!, {
      everyMs: 1,
      onChange: (s) => seen.push(s.built.length),
    });
    expect(reads).toBe(4);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('gives up after the timeout, naming what was built', async () => {
    await expect(
      untilRollupsBuilt(async () => ({ declared: ['a', 'b'], built: ['a'] }), { everyMs: 5, timeoutMs: 20 }),
    ).rejects.toThrow(/not built after .* a$/);
  });
});
