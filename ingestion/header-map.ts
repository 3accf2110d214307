import { normaliseHeader, type FeedSpec } from './feeds';

export interface HeaderMap {
  /** 1-based position of each mapped source field in a row's cells. */
  positions: Record<string, number>;
  /** Readable description of each required field that no header cell names. */
  missing: string[];
  /** Header cells that name no field of the feed (extra columns are ignored, not fatal). */
  unknown: string[];
  cellCount: number;
}

/** Splits one CSV line into cells, honouring double quotes; used for header lines only. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** The delimiter a header line uses: whichever of comma, semicolon and tab it has most of. */
export function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Maps header cells (any order, English or Arabic) to the feed's source fields, so swapped
 * columns land right and a missing one is named in the quarantine reason.
 */
export function mapHeader(cells: string[], spec: FeedSpec): HeaderMap {
  const byAlias = new Map<string, string>();
  for (const field of spec.fields) {
    for (const alias of field.aliases) {
      const key = normaliseHeader(alias);
      if (!byAlias.has(key)) byAlias.set(key, field.name);
    }
  }
  const positions: Record<string, number> = {};
  const unknown: string[] = [];
  cells.forEach((cell, index) => {
    const field = byAlias.get(normaliseHeader(cell));
    if (field === undefined) unknown.push(cell);
    else if (positions[field] === undefined) positions[field] = index + 1;
  });
  const missing: string[] = [];
  for (const group of spec.required) {
    const satisfied = group.some((alternative) => alternative.every((f) => positions[f] !== undefined));
    if (!satisfied) missing.push(group.map((alternative) => alternative.join('+')).join(' or '));
  }
  return { positions, missing, unknown, cellCount: cells.length };
}
