import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestByCase, parseReviewLines, ReviewLog, type ReviewEntry } from './review-log';

const entry = (anomaly_id: string, status: ReviewEntry['status'], reviewed_at: string): ReviewEntry => ({
  anomaly_id,
  status,
  comment: 'c',
  reviewer: 'r',
  role: 'auditor',
  reviewed_at,
});

describe('review log', () => {
  it.each([
    ['', 0],
    [`${JSON.stringify(entry('a', 'reviewed', '2025-01-01T00:00:00Z'))}\n`, 1],
    // A torn last line and a line of another shape are skipped; the good ones count.
    [`${JSON.stringify(entry('a', 'reviewed', '2025-01-01T00:00:00Z'))}\n{"anomaly_id":"b","sta`, 1],
    [`{"anomaly_id":"b","status":"maybe"}\n${JSON.stringify(entry('a', 'confirmed', '2025-01-01T00:00:00Z'))}\n`, 1],
  ])('parses %j into %d entries', (text, n) => {
    expect(parseReviewLines(text)).toHaveLength(n);
  });

  it('keeps the newest verdict of each case', () => {
    const latest = latestByCase([
      entry('a', 'reviewed', '2025-01-01T00:00:00.000Z'),
      entry('b', 'dismissed', '2025-01-02T00:00:00.000Z'),
      entry('a', 'confirmed', '2025-01-03T00:00:00.000Z'),
    ]);
    expect([...latest.entries()].map(([id, e]) => [id, e.status])).toEqual([
      ['a', 'confirmed'],
      ['b', 'dismissed'],
    ]);
  });

  it('appends lines and never rewrites the earlier ones', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rabt-reviews-')), 'nested', 'log.jsonl');
    const log = new ReviewLog(path);
    expect(await log.read()).toEqual([]);
    await Promise.all([
      log.append(
        { anomaly_id: 'a', status: 'reviewed', comment: 'first', reviewer: 'Noura' },
        'auditor',
        new Date('2025-06-30T09:00:00Z'),
      ),
      log.append(
        { anomaly_id: 'b', status: 'confirmed', comment: 'second', reviewer: 'Fahad' },
        'auditor',
        new Date('2025-06-30T09:01:00Z'),
      ),
    ]);
    const before = readFileSync(path, 'utf8');
    await log.append(
      { anomaly_id: 'a', status: 'dismissed', comment: 'third', reviewer: 'Noura' },
      'auditor',
      new Date('2025-06-30T09:02:00Z'),
    );
    const after = readFileSync(path, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect((await log.read()).map((e) => [e.anomaly_id, e.status, e.comment, e.reviewed_at])).toEqual([
      ['a', 'reviewed', 'first', '2025-06-30T09:00:00.000Z'],
      ['b', 'confirmed', 'second', '2025-06-30T09:01:00.000Z'],
      ['a', 'dismissed', 'third', '2025-06-30T09:02:00.000Z'],
    ]);
    // Another process (or a restart) reads the same history from the file.
    writeFileSync(path, after + '{"torn');
    expect(await new ReviewLog(path).read()).toHaveLength(3);
  });
});
