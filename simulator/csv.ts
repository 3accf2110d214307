/** Minimal RFC 4180 CSV: enough for the reference files and the vendor exports we write. */

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvField).join(',');
}

/** Parses CSV text into rows of fields; quoted fields may hold commas, quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into records, checking the header is exactly `expected`. */
export function parseCsvRecords(text: string, expected: readonly string[], source: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== expected.join(',')) {
    throw new Error(`${source}: header must be "${expected.join(',')}", got "${header?.join(',') ?? ''}"`);
  }
  return rows.map((fields, index) => {
    if (fields.length !== expected.length) {
      throw new Error(`${source}: line ${index + 2} has ${fields.length} fields, expected ${expected.length}`);
    }
    return Object.fromEntries(expected.map((name, k) => [name, fields[k] as string]));
  });
}
