import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckDBQuery, FIXED_OFFSET_ZONES } from './duckdb-query';

// The fast fixed-offset forms must give exactly what DuckDB's ICU time-zone functions give.
let db: DuckDBInstance;
let c: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  await c.run(`SET TimeZone = 'UTC'`);
});
afterAll(() => {
  c.closeSync();
  db.closeSync();
});

const convertTz = (timezone: string, field: string): string =>
  DuckDBQuery.prototype.convertTz.call({ timezone }, field);

async function same(a: string, b: string): Promise<[string, string]> {
  const rows = (await c.runAndReadAll(`SELECT (${a})::VARCHAR AS a, (${b})::VARCHAR AS b`)).getRowObjectsJson();
  return [String(rows[0]?.a), String(rows[0]?.b)];
}

const instants = [
  '2025-06-14 00:00:00+00',
  '2025-06-14 20:59:59.999+00', // 23:59:59.999 in Kuwait, still the 14th
  '2025-06-14 21:00:00+00', // midnight of the 15th in Kuwait
  '2026-03-01 12:34:56.789+00',
  '1999-12-31 21:00:00+00',
];

describe('DuckDBQuery.convertTz', () => {
  it.each(Object.keys(FIXED_OFFSET_ZONES).flatMap((zone) => instants.map((t) => [zone, t])))(
    'in %s gives the same wall clock as ICU for %s',
    async (zone, instant) => {
      const [fast, icu] = await same(
        convertTz(zone, `TIMESTAMPTZ '${instant}'`),
        `TIMESTAMPTZ '${instant}' AT TIME ZONE '${zone}'`,
      );
      expect(fast).toBe(icu);
    },
  );

  it('keeps the Postgres form for zones with daylight saving', () => {
    expect(convertTz('Europe/London', 'x')).toBe(`(x::timestamptz AT TIME ZONE 'Europe/London')`);
  });
});

describe('Kuwaiti day as an instant (the time dimensions in model/cubes)', () => {
  it.each(['2025-06-14', '2024-03-11', '2000-01-01'])('makes %s start at Kuwait midnight', async (day) => {
    const [fast, icu] = await same(
      `make_timestamptz(epoch_us(DATE '${day}'::timestamp) - 10800000000)`,
      `timezone('Asia/Kuwait', DATE '${day}'::timestamp)`,
    );
    expect(fast).toBe(icu);
  });
});
