import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small YAML reader for the tests that hold dbt's YAML to the declarations in domain/:
 * block mappings and sequences by indentation, flow `{…}` and `[…]` collections, quoted and
 * plain scalars, comments, and `>`/`|` block scalars — the subset dbt's model and source files
 * use. No YAML library is a dependency of the project; anything outside the subset throws
 * rather than being read wrongly.
 */
export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  no: number;
}

export const TRANSFORM_MODELS = join(__dirname, '..', 'transform', 'models');

export function readDbtYaml(...path: string[]): Yaml {
  return parseYaml(readFileSync(join(TRANSFORM_MODELS, ...path), 'utf8'));
}

export function parseYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '' || text.trim() === '---') return;
    if (/^\s*\t/.test(text)) throw new Error(`line ${i + 1}: tabs are not YAML indentation`);
    lines.push({ indent: text.length - text.trimStart().length, text: text.trimStart(), no: i + 1 });
  });
  if (lines.length === 0) return null;
  const [value, next] = parseBlock(lines, 0, lines[0]!.indent);
  if (next < lines.length) throw new Error(`line ${lines[next]!.no}: unexpected indentation`);
  return value;
}

/** The line without a trailing `# comment` (a `#` inside quotes or a word is kept). */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

const isSeqItem = (l: Line) => l.text === '-' || l.text.startsWith('- ');

function parseBlock(lines: Line[], i: number, indent: number): [Yaml, number] {
  return isSeqItem(lines[i]!) ? parseSequence(lines, i, indent) : parseMapping(lines, i, indent);
}

function parseSequence(lines: Line[], i: number, indent: number): [Yaml[], number] {
  const out: Yaml[] = [];
  while (i < lines.length && lines[i]!.indent === indent && isSeqItem(lines[i]!)) {
    const rest = lines[i]!.text.slice(1).trimStart();
    if (rest === '') {
      const [v, next] = nested(lines, i + 1, indent);
      out.push(v);
      i = next;
    } else if (mappingKey(rest) !== null) {
      // `- key: value` opens a mapping indented at the key's column.
      const column = indent + (lines[i]!.text.length - rest.length);
      const copy = [...lines];
      copy[i] = { indent: column, text: rest, no: lines[i]!.no };
      const [v, next] = parseMapping(copy, i, column);
      out.push(v);
      i = next;
    } else {
      const [v, next] = inlineValue(lines, i, rest, indent);
      out.push(v);
      i = next;
    }
  }
  return [out, i];
}

function parseMapping(lines: Line[], i: number, indent: number): [{ [key: string]: Yaml }, number] {
  const out: { [key: string]: Yaml } = {};
  while (i < lines.length && lines[i]!.indent === indent && !isSeqItem(lines[i]!)) {
    const line = lines[i]!;
    const key = mappingKey(line.text);
    if (key === null) throw new Error(`line ${line.no}: expected "key: value"`);
    const rest = line.text.slice(key.length).replace(/^:\s*/, '');
    const name = unquote(key.trim());
    if (rest === '') {
      const next = lines[i + 1];
      // A sequence may sit at its key's own indentation.
      if (next && next.indent === indent && isSeqItem(next)) [out[name], i] = parseSequence(lines, i + 1, indent);
      else [out[name], i] = nested(lines, i + 1, indent);
    } else [out[name], i] = inlineValue(lines, i, rest, indent);
  }
  return [out, i];
}

/** A block under a key or dash: more indented than its parent, or null when there is none. */
function nested(lines: Line[], i: number, parentIndent: number): [Yaml, number] {
  const next = lines[i];
  if (!next || next.indent <= parentIndent) return [null, i];
  return parseBlock(lines, i, next.indent);
}

/** The key of a `key: value` or `key:` line (quoted keys too), or null when the line is no mapping entry. */
function mappingKey(text: string): string | null {
  if (text.startsWith('{') || text.startsWith('[')) return null;
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*(?=:(\s|$))/.exec(text);
  if (quoted) return quoted[0];
  const m = /^[^"'\s][^:]*?(?=:(\s|$))/.exec(text);
  return m ? m[0] : null;
}

/** A value on the key's line: flow collections may run over lines, plain scalars fold the more-indented lines after them. */
function inlineValue(lines: Line[], i: number, rest: string, indent: number): [Yaml, number] {
  if (rest === '>' || rest === '|' || /^[>|][-+]?$/.test(rest)) {
    const parts: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.indent > indent) parts.push(lines[j++]!.text);
    return [parts.join(rest.startsWith('|') ? '\n' : ' '), j];
  }
  let text = rest;
  let j = i + 1;
  if (text.startsWith('{') || text.startsWith('[')) {
    while (!balanced(text) && j < lines.length) text += ` ${lines[j++]!.text}`;
    const [v, end] = parseFlow(text, 0);
    if (text.slice(end).trim() !== '') throw new Error(`line ${lines[i]!.no}: text after a flow collection`);
    return [v, j];
  }
  while (j < lines.length && lines[j]!.indent > indent && !text.startsWith('"') && !text.startsWith("'"))
    text += ` ${lines[j++]!.text}`;
  return [scalar(text), j];
}

function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth === 0;
}

function parseFlow(s: string, pos: number): [Yaml, number] {
  const skip = (p: number) => {
    while (p < s.length && /\s/.test(s[p]!)) p++;
    return p;
  };
  pos = skip(pos);
  const open = s[pos];
  if (open === '{' || open === '[') {
    const close = open === '{' ? '}' : ']';
    const map: { [key: string]: Yaml } = {};
    const list: Yaml[] = [];
    pos = skip(pos + 1);
    while (s[pos] !== close) {
      if (pos >= s.length) throw new Error(`unclosed ${open} in ${s}`);
      if (open === '{') {
        const [k, afterKey] = flowToken(s, pos, true);
        // A flow entry without ":" is a key with a null value (as a stray comma in a
        // plain description makes the text after it), as every YAML reader takes it.
        if (s[afterKey] !== ':') {
          map[String(k)] = null;
          pos = skip(afterKey);
        } else {
          const [v, afterValue] = parseFlow(s, afterKey + 1);
          map[String(k)] = v;
          pos = skip(afterValue);
        }
      } else {
        const [v, afterValue] = parseFlow(s, pos);
        list.push(v);
        pos = skip(afterValue);
      }
      if (s[pos] === ',') pos = skip(pos + 1);
      else if (s[pos] !== close) throw new Error(`expected "," or "${close}" at ${pos} in ${s}`);
    }
    return [open === '{' ? map : list, pos + 1];
  }
  return flowToken(s, pos, false);
}

/** A scalar inside a flow collection: quoted, or plain up to `,` `}` `]` (and `:` for a key). */
function flowToken(s: string, pos: number, isKey: boolean): [Yaml, number] {
  while (/\s/.test(s[pos] ?? '')) pos++;
  const q = s[pos];
  if (q === '"' || q === "'") {
    const m = (q === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/).exec(s.slice(pos));
    if (!m) throw new Error(`unclosed quote in ${s}`);
    let end = pos + m[0].length;
    while (/\s/.test(s[end] ?? '')) end++;
    return [unquote(m[0]), end];
  }
  let end = pos;
  while (end < s.length && !',}]'.includes(s[end]!) && !(isKey && s[end] === ':')) end++;
  const text = s.slice(pos, end).trim();
  return [isKey ? text : scalar(text), end];
}

function unquote(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text;
}

function scalar(text: string): Yaml {
  const t = text.trim();
  if (t.startsWith('"') || t.startsWith("'")) return unquote(t);
  if (t === 'null' || t === '~' || t === '') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}
