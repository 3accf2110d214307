import {
  DEFAULT_KUWAITI_TARGET_PCT,
  DEFAULT_STATE,
  kindParam,
  kuwaitiTarget,
  parseKinds,
  parseUrlState,
  serializeUrlState,
} from './url-state';

describe('URL state', () => {
  it.each([
    ['', DEFAULT_STATE],
    ['?lang=en', { ...DEFAULT_STATE, lang: 'en' }],
    ['?page=audit&lang=fr', { ...DEFAULT_STATE, page: 'audit' }],
    ['?page=nowhere', DEFAULT_STATE],
    ['?gov=KW-JA&coop=C012', { ...DEFAULT_STATE, gov: 'KW-JA', coop: 'C012' }],
    // Anything that is not an id is dropped before it can reach a Cube filter.
    ["?gov=KW-JA' or 1=1&coop=../C1&product=abc&site=C001-M;drop", DEFAULT_STATE],
    ['?product=6281000000012', { ...DEFAULT_STATE, product: '6281000000012' }],
    ['?site=C001-B01&day=2025-06-30', { ...DEFAULT_STATE, site: 'C001-B01', day: '2025-06-30' }],
    ['?day=2025-13-01&from=yesterday', DEFAULT_STATE],
    [
      '?day=2025-06-21&batch=452698e7e6e6d4c6903423f0',
      { ...DEFAULT_STATE, day: '2025-06-21', batch: '452698e7e6e6d4c6903423f0' },
    ],
    ["?batch=x' or '1'='1", DEFAULT_STATE],
    ['?grain=month&by=coop&metric=quantity', { ...DEFAULT_STATE, grain: 'month', by: 'coop', metric: 'quantity' }],
    ['?grain=hour&by=planet&metric=mood', DEFAULT_STATE],
    // A reversed range is put the right way round.
    ['?from=2025-06-30&to=2025-03-01', { ...DEFAULT_STATE, from: '2025-03-01', to: '2025-06-30' }],
    ['?page=admin&target=45', { ...DEFAULT_STATE, page: 'admin', target: '45' }],
    ['?target=100', { ...DEFAULT_STATE, target: '100' }],
    ['?target=0', DEFAULT_STATE],
    ['?target=101', DEFAULT_STATE],
    ['?target=30.5', DEFAULT_STATE],
    // The anomaly queue's filters: kinds sorted and once each, whatever order the link had.
    ['?page=audit&kind=price_gouging', { ...DEFAULT_STATE, page: 'audit', kind: 'price_gouging' }],
    ['?kind=duplicate_aid,price_gouging,duplicate_aid', { ...DEFAULT_STATE, kind: 'duplicate_aid,price_gouging' }],
    ["?kind=price_gouging,x' or 1=1,,DROP", { ...DEFAULT_STATE, kind: 'price_gouging' }],
    ['?kind=,', DEFAULT_STATE],
    ['?qcoop=C011&minScore=12.5', { ...DEFAULT_STATE, qcoop: 'C011', minScore: '12.5' }],
    ['?qcoop=C1&minScore=-3', DEFAULT_STATE],
    ['?minScore=1e9', DEFAULT_STATE],
    ['?minScore=0', { ...DEFAULT_STATE, minScore: '0' }],
    ['?qfrom=2025-06-01&qto=2025-06-30', { ...DEFAULT_STATE, qfrom: '2025-06-01', qto: '2025-06-30' }],
    ['?qfrom=2025-06-30&qto=2025-06-01', { ...DEFAULT_STATE, qfrom: '2025-06-01', qto: '2025-06-30' }],
    // the queue's range and the drill's are separate: a case sets from/to without touching the filter
    [
      '?from=2025-06-16&to=2025-06-22&qfrom=2025-01-01',
      { ...DEFAULT_STATE, from: '2025-06-16', to: '2025-06-22', qfrom: '2025-01-01' },
    ],
  ])('%j', (search, expected) => {
    expect(parseUrlState(search)).toEqual(expected);
  });

  it.each([
    [DEFAULT_STATE, ''],
    [{ ...DEFAULT_STATE, lang: 'en' as const, gov: 'KW-KU' }, '?lang=en&gov=KW-KU'],
    [{ ...DEFAULT_STATE, page: 'linkage' as const }, '?page=linkage'],
    [
      {
        ...DEFAULT_STATE,
        page: 'consumption' as const,
        grain: 'day' as const,
        by: 'governorate' as const,
        from: '2025-03-01',
        to: '2025-06-30',
      },
      '?page=consumption&grain=day&by=governorate&from=2025-03-01&to=2025-06-30',
    ],
    [
      {
        ...DEFAULT_STATE,
        page: 'audit' as const,
        gov: 'KW-HA',
        kind: 'duplicate_aid,price_gouging',
        qcoop: 'C011',
        minScore: '10.25',
        qfrom: '2025-06-01',
        qto: '2025-06-30',
      },
      '?page=audit&gov=KW-HA&kind=duplicate_aid%2Cprice_gouging&qcoop=C011&minScore=10.25&qfrom=2025-06-01&qto=2025-06-30',
    ],
    [
      { ...DEFAULT_STATE, page: 'audit' as const, lang: 'en' as const, kind: 'stocktake_shrinkage' },
      '?page=audit&lang=en&kind=stocktake_shrinkage',
    ],
  ])('serialises %j as %j and back', (state, search) => {
    expect(serializeUrlState(state)).toBe(search);
    expect(parseUrlState(search)).toEqual(state);
  });

  it.each([
    [null, DEFAULT_KUWAITI_TARGET_PCT],
    ['45', 45],
  ])('Kuwaiti target %j → %d %%', (target, pct) => {
    expect(kuwaitiTarget({ target })).toBe(pct);
  });

  it.each([
    [[], null],
    [['price_gouging'], 'price_gouging'],
    [['suspicious_refunds', 'duplicate_aid', 'suspicious_refunds'], 'duplicate_aid,suspicious_refunds'],
    [['Price Gouging', 'a,b'], null],
  ])('kinds %j → kind=%j', (kinds, param) => {
    expect(kindParam(kinds)).toBe(param);
    expect(parseKinds(param)).toEqual(param === null ? [] : param.split(','));
  });
});
