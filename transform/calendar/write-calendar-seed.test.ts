import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarCsv } from './write-calendar-seed';

describe('calendar seed', () => {
  it('has one row per day with the header first', () => {
    const lines = calendarCsv('2025-03-29', '2025-03-31').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^date_day,day_of_week,/);
    expect(lines.slice(1).map((line) => line.slice(0, 10))).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(lines[2]).toContain(',fitr,');
  });

  it('is what the committed seed holds (rerun write-calendar-seed.ts after changing the calendar)', () => {
    const committed = readFileSync(join(__dirname, '..', 'seeds', 'reference', 'ref_calendar.csv'), 'utf8');
    expect(committed).toBe(calendarCsv());
  });
});
