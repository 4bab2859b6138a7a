/**
 * The errors raised while reading runs (runs.ts, runs-table.ts, columns.ts),
 * as keys with values: every one is built here, from its English template, so
 * its `message` is that template filled in and its `detail` the key and the
 * values. The words for readers live in src/i18n/errors.ts (English, the same
 * templates, and Chinese); test/node/errors-i18n.test.ts holds the two English
 * tables equal and every key worded in both languages.
 *
 * Values are plain text, already quoted and clipped as the core quotes data
 * (limits.ts `quote`, `quoteList`, `clip`; runs-table.ts `describe`), or numbers.
 */

import { DataError, LimitError, OptionError, type ErrorCode, type ErrorMessageDetail } from '../errors.js';

/** English template per key; `{name}` is filled with values[name]. */
export const READ_ERROR_TEXT = {
  'not-an-object': 'invalid {option}; expected an object: {got}',
  'bad-limit': 'invalid {option}; expected an integer ≥ 1 or Infinity: {got}',
  'bad-integer': 'invalid {option}; expected an integer ≥ {min}: {got}',
  'missing-n-column': 'no parameter count (N) column (names such as {names}, or set the columns option); columns found: {columns}',
  'missing-d-column': 'no tokens (D) or compute (C) column (names such as {names}, or set the columns option); columns found: {columns}',
  'missing-loss-column': 'no loss column (names such as {names}, or set the columns option); columns found: {columns}',
  'column-length': 'column {column} has {size} values, expected {n} like the longest column',
  'bad-value': 'row {row}, column {column}: expected a positive finite number, got {got}',
  'bad-weight': 'row {row}, column {column}: expected a finite number ≥ 0, got {got}',
  'beyond-precision': 'row {row}, column {column}: {quantity} is {value}, beyond double precision; rescale the units',
  'too-few-runs': 'too few runs: {kept}; at least {min} needed (minRuns)',
  'too-few-runs-dropped': 'too few runs: {kept} after dropHighest: {drop} left {kept} of {n}; at least {min} needed (minRuns)',
  'not-a-column-name': 'invalid {option}; expected a column name: {got}',
  'option-no-column': 'invalid {option}: no column {name}; columns found: {columns}',
  'mapping-no-column': 'invalid {option}; no column {name} among {columns}',
  'mapping-unknown-key': 'invalid columns.{key}; expected one of N, D, C, loss',
  'mapping-taken': 'invalid columns.{role}; column {column} is already mapped',
  'empty-no-rows': 'empty input: a header but no data rows',
  'empty-array': 'empty input: an empty array',
  'empty-columns': 'empty input: every column is empty',
  'empty-text': 'empty input: no text',
  'too-many-rows': 'too many rows: more than {max}, the limit; raise it with the maxRows option',
  'too-many-bytes': 'input too large: over {max}, the limit; raise it with the maxBytes option',
  'unclosed-quote': 'unclosed quote: the field opened by the quote on line {line} runs to the end of the input',
  'row-not-object': 'row {row}: expected an object of column values, got {got}',
  'no-array-key': 'expected an array of objects or an object of arrays; found no array-valued key',
  'invalid-json': 'invalid JSON: {detail}',
  'bad-input': 'expected CSV or JSON text, an array of objects or an object of arrays; got {got}',
} as const;

export type ReadErrorKey = keyof typeof READ_ERROR_TEXT;

/** The placeholders of a template, as a union of names. */
type Names<T extends string> = T extends `${string}{${infer N}}${infer Rest}` ? N | Names<Rest> : never;
/** The values a key's template needs, each text or a number. */
export type ReadErrorValues<K extends ReadErrorKey> = { readonly [N in Names<(typeof READ_ERROR_TEXT)[K]>]: string | number };

/** Fills `{name}` placeholders (the same rule as src/i18n/tables.ts `format`). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function worded<K extends ReadErrorKey>(key: K, values: ReadErrorValues<K>): [string, ErrorMessageDetail] {
  const v = values as Readonly<Record<string, string | number>>;
  return [fillTemplate(READ_ERROR_TEXT[key], v), { key, values: v }];
}

/** A DataError with `key`'s English message and detail. */
export function readDataError<K extends ReadErrorKey>(code: ErrorCode, key: K, values: ReadErrorValues<K>, where: { row?: number; column?: string } = {}): DataError {
  const [message, detail] = worded(key, values);
  return new DataError(code, message, where, detail);
}

/** An OptionError naming `option`, with `key`'s English message and detail. */
export function readOptionError<K extends ReadErrorKey>(option: string, key: K, values: ReadErrorValues<K>): OptionError {
  const [message, detail] = worded(key, values);
  return new OptionError(option, message, detail);
}

/** A LimitError for `limit` at `max`, its message shown as `shownMax` (formatCount). */
export function readLimitError(limit: 'maxRows' | 'maxBytes', max: number, shownMax: string): LimitError {
  const [message, detail] = worded(limit === 'maxRows' ? 'too-many-rows' : 'too-many-bytes', { max: shownMax });
  return new LimitError(limit, max, message, detail);
}
