/**
 * Writes the reference CSVs into transform/seeds/reference/ (the committed copy that dbt
 * seeds and ingestion read). Run: `npm run reference:generate`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine } from '../csv';
import { buildReference } from './build-reference';
import { REFERENCE_COLUMNS, REFERENCE_DIR, type ReferenceTable } from '../../domain/reference-data';

export function referenceCsvText(table: ReferenceTable, rows: ReadonlyArray<Record<string, string>>): string {
  const columns = REFERENCE_COLUMNS[table];
  const lines = [csvLine(columns), ...rows.map((row) => csvLine(columns.map((c) => row[c])))];
  return `${lines.join('\n')}\n`;
}

export async function writeReference(dir = REFERENCE_DIR): Promise<Record<ReferenceTable, number>> {
  await mkdir(dir, { recursive: true });
  const data = buildReference();
  const counts = {} as Record<ReferenceTable, number>;
  for (const table of Object.keys(REFERENCE_COLUMNS) as ReferenceTable[]) {
    await writeFile(path.join(dir, `${table}.csv`), referenceCsvText(table, data[table]), 'utf8');
    counts[table] = data[table].length;
  }
  return counts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeReference().then(
    (counts) => console.log('reference written:', counts),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
