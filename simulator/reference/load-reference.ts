/** Reads the committed reference CSVs: the simulator simulates exactly the co-ops and products dbt seeds. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsvRecords } from '../csv';
import { REFERENCE_COLUMNS, REFERENCE_DIR, type ReferenceData, type ReferenceTable } from '../../domain/reference-data';

export async function loadReference(dir = REFERENCE_DIR): Promise<ReferenceData> {
  const data = {} as Record<ReferenceTable, Record<string, string>[]>;
  for (const table of Object.keys(REFERENCE_COLUMNS) as ReferenceTable[]) {
    const file = path.join(dir, `${table}.csv`);
    data[table] = parseCsvRecords(await readFile(file, 'utf8'), REFERENCE_COLUMNS[table], file);
  }
  return data as ReferenceData;
}
