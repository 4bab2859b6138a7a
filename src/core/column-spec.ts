/**
 * One syntax for naming columns, shared by the CLI's --columns, the elements'
 * `columns` attribute and the API: `N=params,D=tokens,loss=c4 loss`, or the
 * same as a JSON object for names holding a comma or an equals sign. Besides
 * the quantities of src/core/columns.ts it names the weights column
 * (`weight=`, readRuns' `weights`), the unique-token column (`U=`, `unique`)
 * and the benchmark metric a task law predicts (`metric=`, `metric`).
 */

import { optionError } from '../i18n/error-words/read.js';
import type { ColumnMapping } from './columns.js';
import { clip, quote } from './limits.js';

/** What a column spec names: readRuns' `columns`, `weights` and `unique` options. */
export interface ColumnSpec {
  columns?: ColumnMapping;
  weights?: string;
  unique?: string;
  metric?: string;
}

export const COLUMN_SPEC_KEYS = ['N', 'D', 'C', 'loss', 'weight', 'U', 'metric'] as const;
type Key = (typeof COLUMN_SPEC_KEYS)[number];

/** At most this many characters are read (a fixed limit: seven names fit in far less). */
export const COLUMN_SPEC_MAX_LENGTH = 4096;

function pairs(text: string, option: string): [string, unknown][] {
  if (text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw optionError(option, 'column-spec-json', { option, detail: clip(String((e as Error).message), 80) });
    }
    return Object.entries(parsed as object); // text that starts with { parses to an object or not at all
  }
  return text.split(',').map((part) => {
    const at = part.indexOf('=');
    if (at < 0) throw optionError(option, 'column-spec-pair', { option, got: quote(part.trim()) });
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
}

/** The columns `text` names; an OptionError under `option` naming the part that is wrong. */
export function parseColumnSpec(text: string, option = 'columns'): ColumnSpec {
  if (typeof text !== 'string' || text.trim() === '') throw optionError(option, 'column-spec-empty', { option });
  if (text.length > COLUMN_SPEC_MAX_LENGTH) throw optionError(option, 'column-spec-too-long', { option, max: COLUMN_SPEC_MAX_LENGTH });
  const seen = new Map<Key, string>();
  for (const [key, column] of pairs(text, option)) {
    if (!(COLUMN_SPEC_KEYS as readonly string[]).includes(key)) {
      throw optionError(option, 'column-spec-unknown', { option, got: quote(key), allowed: COLUMN_SPEC_KEYS.join(', ') });
    }
    if (typeof column !== 'string' || column === '') throw optionError(option, 'column-spec-no-name', { option, key });
    if (seen.has(key as Key)) throw optionError(option, 'column-spec-twice', { option, key });
    seen.set(key as Key, column);
  }
  const spec: ColumnSpec = {};
  const mapping: ColumnMapping = {};
  for (const [key, column] of seen) {
    if (key === 'weight') spec.weights = column;
    else if (key === 'U') spec.unique = column;
    else if (key === 'metric') spec.metric = column;
    else mapping[key] = column;
  }
  if (Object.keys(mapping).length > 0) spec.columns = mapping;
  return spec;
}

/**
 * `named` (a mapping, spec text or nothing) with `role` set to `column`: a
 * mapping when it was one, else spec text (JSON, so any name survives) that
 * keeps the weight, U and metric columns it named.
 */
export function withColumn(named: ColumnMapping | string | undefined, role: keyof ColumnMapping, column: string): ColumnMapping | string {
  if (typeof named !== 'string' || named.trim() === '') return { ...(typeof named === 'object' ? named : {}), [role]: column };
  const spec = parseColumnSpec(named);
  return JSON.stringify({ ...spec.columns, [role]: column, ...(spec.weights !== undefined && { weight: spec.weights }), ...(spec.unique !== undefined && { U: spec.unique }),
    ...(spec.metric !== undefined && { metric: spec.metric }),
  });
}
