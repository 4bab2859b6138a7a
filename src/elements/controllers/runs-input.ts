/**
 * What an element's data sources hold, read without the page's state: the
 * header of CSV or JSON text (for the column pickers), a `<table>` as CSV, a
 * `Runs` object recognised and thinned by Epoch's outlier rule. Used by
 * RunsSourceController (./runs-source.ts).
 */

import { csvFormatRows, dsvFormat } from 'd3-dsv';
import { readRuns } from '../../core/runs.js';
import type { Runs } from '../../core/runs-types.js';

/** True for an already validated `Runs` object. */
export function isRuns(value: unknown): value is Runs {
  const r = value as Runs | null;
  return !!r && typeof r === 'object' && r.N instanceof Float64Array && r.loss instanceof Float64Array
    && r.rows instanceof Int32Array && typeof r.columns === 'object';
}

/** The header names of CSV/JSON text or row objects (empty when there is none to read). */
export function headersOf(input: unknown): string[] {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trimStart();
    if (text[0] === '[' || text[0] === '{') {
      try { return headersOf(JSON.parse(text)); } catch { return []; }
    }
    const line = text.slice(0, text.search(/\r?\n|$/));
    const count = (d: string) => line.split(d).length;
    const delimiter = count('\t') > count(',') && count('\t') >= count(';') ? '\t' : count(';') > count(',') ? ';' : ',';
    return (dsvFormat(delimiter).parseRows(line)[0] ?? []).map((h) => h.trim());
  }
  if (Array.isArray(input)) return [...new Set(input.flatMap((o) => (o && typeof o === 'object' ? Object.keys(o) : [])))];
  if (input && typeof input === 'object') return Object.keys(input).filter((k) => isColumn((input as Record<string, unknown>)[k]));
  return [];
}

const isColumn = (v: unknown): boolean => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

/** A `<table>` as CSV text: the header row (thead, else the first row) and every other row's cells. */
export function tableToCsv(table: HTMLTableElement): string {
  const rows = Array.from(table.rows);
  const head = table.tHead?.rows[0] ?? rows[0];
  if (!head) return '';
  const text = (row: HTMLTableRowElement) => Array.from(row.cells, (c) => (c.textContent ?? '').trim());
  return csvFormatRows([text(head), ...rows.filter((r) => r !== head && r.parentElement !== table.tHead).map(text)]);
}

/** A `Runs` after Epoch's rule, keeping its column names, alternatives and input rows. */
export function dropFromRuns(runs: Runs, dropHighest: number): Runs {
  if (!dropHighest) return runs;
  const kept = readRuns({ N: runs.N, D: runs.D, C: runs.C, loss: runs.loss }, { dropHighest, columns: { N: 'N', D: 'D', C: 'C', loss: 'loss' } });
  const at = Array.from(kept.rows, (r) => r - 1);
  const pick = (a: Float64Array) => Float64Array.from(at, (i) => a[i]);
  return {
    ...kept, columns: runs.columns, derivedD: runs.derivedD, rows: Int32Array.from(at, (i) => runs.rows[i]),
    ...(runs.alternatives && { alternatives: runs.alternatives }),
    ...(runs.U && { U: pick(runs.U) }), ...(runs.weight && { weight: pick(runs.weight) }),
  };
}

/**
 * The first HTML tag in inline data, or undefined. No CSV or JSON of runs holds
 * one; when it does, a Markdown processor most likely ended the element's HTML
 * block at a blank line inside the data and wrapped the rest in paragraphs
 * (markdown-it, as in Eleventy, does), so the reader is told that, not that
 * "<p>8e8" is not a number.
 */
export function inlineMarkup(text: string): string | undefined {
  return /<\/?(?:p|br|div|span|em|strong|code|pre|a|li|ul|ol|h[1-6])\b[^>]*>/i.exec(text)?.[0];
}

/** Focuses `area` and selects its line `line` (1-based; \n, \r\n or \r end a line), if it has one. */
export function selectLine(area: HTMLTextAreaElement, line: number): void {
  const text = area.value, lines = text.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return;
  let start = 0;
  for (let i = 0; i < line - 1; i++) start += lines[i].length + (text[start + lines[i].length] === '\r' && text[start + lines[i].length + 1] === '\n' ? 2 : 1);
  area.focus();
  area.setSelectionRange(start, start + lines[line - 1].length);
}
