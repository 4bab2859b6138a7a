/**
 * The first step of reading runs: input of any accepted kind (CSV/TSV/JSON text,
 * row objects, an object of columns) as one `Table` of named columns and
 * numbered rows, within the size limits (src/core/limits.ts). Which column is
 * which, and whether the values are usable, is ./runs.ts's business.
 */

import { dsvFormat } from 'd3-dsv';
import type { DataError } from '../errors.js';
import { clip, formatCount, overBytes, quote } from './limits.js';
import { dataError, limitError } from '../i18n/error-words/read.js';
import { recordLines } from './csv-lines.js';

export interface Table {
  readonly names: readonly string[];
  readonly row: readonly number[];
  /** Delimited text only: the text line each kept row starts on (1-based, in the text as given). */
  readonly line?: readonly number[];
  cell(column: number, i: number): unknown;
  /** Number of values column `c` holds (object-of-arrays input may disagree). */
  size(column: number): number;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function empty(key: 'empty-no-rows' | 'empty-array' | 'empty-columns' | 'empty-text'): DataError {
  return dataError('empty-input', key, {});
}

function pickDelimiter(header: string): string {
  const count: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in count) count[ch]++;
  }
  let best = ',';
  for (const d of ['\t', ';']) if (count[d] > count[best]) best = d;
  return best;
}

/** Refuses input of more than `maxRows` data rows (a LimitError naming maxRows). */
function checkRows(count: number, maxRows: number): void {
  if (count > maxRows) throw limitError('maxRows', maxRows, 'too-many-rows', { max: formatCount(maxRows) });
}

/**
 * Where a quote opens a field that is never closed, or -1. d3-dsv then takes
 * the rest of the text as that one field; this walks fields as it does
 * (a field is quoted when it starts with '"', and "" inside stands for '"').
 */
function unclosedQuote(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0), n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 34) {
      let from = i + 1, close = -1;
      while ((close = text.indexOf('"', from)) >= 0 && text.charCodeAt(close + 1) === 34) from = close + 2;
      if (close < 0) return i;
      i = close + 1; // the character after the closing quote ends the field
      i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    while (i < n) {
      const c = text.charCodeAt(i++);
      if (c === d || c === 10) break;
      if (c === 13) {
        if (text.charCodeAt(i) === 10) i++;
        break;
      }
    }
  }
  return -1;
}

function tableFromCsv(text: string, maxRows: number, firstLine: number): Table {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = pickDelimiter(header);
  // Record r (0 is the header) is data row r: stop at the first row over the limit, before keeping more.
  const records = dsvFormat(delimiter).parseRows(text, (fields, r) => (checkRows(r, maxRows), fields));
  // A last field that spans lines may be a quote never closed, which swallowed the rest of the input: say so.
  const last = records[records.length - 1];
  if (/[\r\n]/.test(last[last.length - 1] ?? '')) {
    const at = unclosedQuote(text, delimiter);
    if (at >= 0) {
      let line = firstLine;
      for (let i = 0; i < at; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      const row = records.length - 1;
      throw dataError('parse', 'unclosed-quote', { line }, row > 0 ? { row } : {});
    }
  }
  const names = records[0].map((h) => h.trim());
  const starts = recordLines(text, delimiter, firstLine);
  const kept: string[][] = [];
  const row: number[] = [], line: number[] = [];
  for (let r = 1; r < records.length; r++) {
    if (records[r].every((f) => f.trim() === '')) continue;
    kept.push(records[r]);
    row.push(r);
    line.push(starts[r] ?? NaN);
  }
  if (kept.length === 0) throw empty('empty-no-rows');
  return { names, row, line, cell: (c, i) => kept[i][c] ?? '', size: () => kept.length };
}

function tableFromObjects(list: readonly unknown[], maxRows: number): Table {
  if (list.length === 0) throw empty('empty-array');
  checkRows(list.length, maxRows);
  const names: string[] = [];
  const seen = new Set<string>();
  list.forEach((o, i) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      throw dataError('parse', 'row-not-object', { row: i + 1, got: describe(o) }, { row: i + 1 });
    }
    for (const k of Object.keys(o)) if (!seen.has(k)) (seen.add(k), names.push(k));
  });
  const objs = list as readonly Record<string, unknown>[];
  const row = objs.map((_, i) => i + 1);
  return { names, row, cell: (c, i) => objs[i][names[c]], size: () => objs.length };
}

function tableFromArrays(obj: Record<string, unknown>, maxRows: number): Table {
  const names = Object.keys(obj).filter((k) => isArrayLike(obj[k]));
  if (names.length === 0) {
    throw dataError('parse', 'no-array-key', {});
  }
  const cols = names.map((k) => obj[k] as ArrayLike<unknown>);
  const n = cols.reduce((most, c) => Math.max(most, c.length), 0);
  if (n === 0) throw empty('empty-columns');
  checkRows(n, maxRows);
  const row = Array.from({ length: n }, (_, i) => i + 1);
  return { names, row, cell: (c, i) => cols[c][i], size: (c) => cols[c].length };
}

export function toTable(input: unknown, maxRows: number, maxBytes: number): Table {
  if (typeof input === 'string') {
    if (overBytes(input, maxBytes)) throw limitError('maxBytes', maxBytes, 'too-many-bytes', { max: formatCount(maxBytes, true) });
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const start = text.trimStart();
    if (start === '') throw empty('empty-text');
    // Lines trimmed from the start still count: errors name lines of the text as given.
    const skipped = text.length - start.length;
    let firstLine = 1;
    for (let i = 0; i < skipped; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) firstLine++;
    }
    if (start[0] !== '[' && start[0] !== '{') return tableFromCsv(start, maxRows, firstLine);
    try {
      input = JSON.parse(start) as unknown;
    } catch (e) {
      throw dataError('parse', 'invalid-json', { detail: clip((e as Error).message, 120) });
    }
  }
  if (Array.isArray(input)) return tableFromObjects(input, maxRows);
  if (input !== null && typeof input === 'object' && !isArrayLike(input)) {
    return tableFromArrays(input as Record<string, unknown>, maxRows);
  }
  throw dataError('parse', 'bad-input', { got: describe(input) });
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v === undefined) return 'nothing';
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}
