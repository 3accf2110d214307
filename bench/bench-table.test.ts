import { medianOf, renderTable } from './bench-table';

describe('bench table', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [[3, 1, 2], 2],
    [[4, null, 1, 2, 3], 2.5],
  ])('median of %j is %j', (values, median) => {
    expect(medianOf(values)).toBe(median);
  });

  it('prints one Markdown row per page, a dash where there is no chart', () => {
    const t = renderTable([
      { page: 'linkage', role: 'leadership', coldLcp: 812.4, coldChart: null, warmLcp: 300.6, warmChart: null },
    ]);
    expect(t.split('\n')).toEqual([
      '| page | role | LCP cold (ms) | first chart cold (ms) | LCP warm (ms) | first chart warm (ms) |',
      '| --- | --- | --- | --- | --- | --- |',
      '| linkage | leadership | 812 | — | 301 | — |',
    ]);
  });
});
