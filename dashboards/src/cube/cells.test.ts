import { bilingual, cellText } from './cells';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['C001', 'C001'],
    [12.5, '12.5'],
    [0, '0'],
    [false, 'false'],
  ])('%j → %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('bilingual', () => {
  const row = {
    'v.name_ar': 'الجهراء',
    'v.name_en': 'Jahra',
    'v.only_en_ar': null,
    'v.only_en_en': 'Rice',
    'v.none_ar': '',
  };
  it.each([
    ['v.name', 'ar', 'الجهراء'],
    ['v.name', 'en', 'Jahra'],
    ['v.only_en', 'ar', 'Rice'],
    ['v.only_en', 'en', 'Rice'],
    ['v.none', 'en', ''],
    ['v.missing', 'ar', ''],
  ] as const)('%s in %s → %j', (prefix, lang, expected) => {
    expect(bilingual(row, prefix, lang)).toBe(expected);
  });
});
