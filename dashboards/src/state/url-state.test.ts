import { DEFAULT_STATE, parseUrlState, serializeUrlState } from './url-state';

describe('URL state', () => {
  it.each([
    ['', DEFAULT_STATE],
    ['?lang=en', { ...DEFAULT_STATE, lang: 'en' }],
    ['?page=audit&lang=fr', { ...DEFAULT_STATE, page: 'audit' }],
    ['?page=nowhere', DEFAULT_STATE],
    ['?gov=KW-JA&coop=C012', { ...DEFAULT_STATE, gov: 'KW-JA', coop: 'C012' }],
    // Anything that is not an id is dropped before it can reach a Cube filter.
    ["?gov=KW-JA' or 1=1&coop=../C1&product=abc", DEFAULT_STATE],
    ['?product=6281000000012', { ...DEFAULT_STATE, product: '6281000000012' }],
  ])('%j', (search, expected) => {
    expect(parseUrlState(search)).toEqual(expected);
  });

  it.each([
    [DEFAULT_STATE, ''],
    [{ ...DEFAULT_STATE, lang: 'en' as const, gov: 'KW-KU' }, '?lang=en&gov=KW-KU'],
    [{ ...DEFAULT_STATE, page: 'linkage' as const }, '?page=linkage'],
  ])('serialises %j as %j and back', (state, search) => {
    expect(serializeUrlState(state)).toBe(search);
    expect(parseUrlState(search)).toEqual(state);
  });
});
