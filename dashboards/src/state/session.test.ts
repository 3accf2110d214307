import { DEFAULT_SESSION, parseSession } from './session';

describe('parseSession', () => {
  it.each([
    [null, DEFAULT_SESSION],
    ['not json', DEFAULT_SESSION],
    ['{"role":"auditor"}', { role: 'auditor', coopId: null }],
    ['{"role":"auditor","coopId":"C001"}', { role: 'auditor', coopId: null }],
    ['{"role":"coop_board","coopId":"C004"}', { role: 'coop_board', coopId: 'C004' }],
    ['{"role":"coop_board"}', DEFAULT_SESSION],
    ['{"role":"coop_board","coopId":"all"}', DEFAULT_SESSION],
    ['{"role":"root"}', DEFAULT_SESSION],
  ])('%j', (text, expected) => {
    expect(parseSession(text)).toEqual(expected);
  });
});
