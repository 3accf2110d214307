import { mkdtempSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, readState, writeState } from './state';

describe('pipeline state', () => {
  it('round-trips and treats a damaged file as empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rabt-state-'));
    const path = join(dir, 'state.json');
    expect(readState(path)).toEqual({});
    writeState(path, { ingestedInbox: 'abc', simulation: { scale: 'small', seed: 1 } });
    expect(readState(path)).toEqual({ ingestedInbox: 'abc', simulation: { scale: 'small', seed: 1 } });
    writeFileSync(path, '{not json');
    expect(readState(path)).toEqual({});
  });

  it('changes when a file is added, grows or is touched, and not otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rabt-fp-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.csv'), 'x');
    const first = fingerprint(dir);
    expect(fingerprint(dir)).toBe(first);
    writeFileSync(join(dir, 'a', 'two.csv'), 'y');
    const second = fingerprint(dir);
    expect(second).not.toBe(first);
    utimesSync(join(dir, 'a', 'two.csv'), new Date(0), new Date(0));
    expect(fingerprint(dir)).not.toBe(second);
  });
});
