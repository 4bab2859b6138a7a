/**
 * Reading training runs: turns CSV text, JSON text, an array of plain objects or
 * an object of arrays into validated `Runs` (every N, D, C and loss finite and
 * positive). This is the one entrance for data; everything downstream may
 * trust what it returns.
 *
 * - Text starting with `[` or `{` is JSON; anything else is delimited text whose
 *   delimiter (`,`, `;` or tab) is the most frequent of the three in the header
 *   line (outside quotes; comma on a tie). A UTF-8 BOM is stripped; CRLF is fine.
 * - Columns are recognised by name (see `columns.ts`); `options.columns` overrides.
 * - Rows are 1-based data rows, header excluded, counted as parsed: a blank line
 *   keeps its number but is skipped, so in a plain CSV (no blank lines before the
 *   header, no line breaks inside quotes) row k is line k + 1.
 * - D = C / (6N) when only compute is given (`derivedD`, C kept); C = 6ND when
 *   compute is not given (then `columns.C` is absent).
 * - `dropHighest: k` applies Epoch's outlier rule (Besiroglu et al. 2024, notebook):
 *   keep runs whose loss is strictly below the k-th largest loss, duplicates
 *   counted. Ties: every run whose loss equals the k-th largest is dropped too, so
 *   more than k runs go when that value is shared; k ≥ number of runs drops all.
 * - Size limits (src/core/limits.ts): text over `maxBytes` (UTF-8, default
 *   64 MiB) is refused before it is parsed, and input of more than `maxRows`
 *   data rows (default 1,000,000) while it is parsed, at the first row over:
 *   a `LimitError` (code 'too-large') naming the option that raises the limit.
 *   Messages quote at most 80 characters of any cell or name.
 */

import { COLUMN_ALIASES, matchColumns, normalizeName, type ColumnMapping, type Role } from './columns.js';
import { dataError, optionError } from '../i18n/error-words/read.js';
import type { DataError } from '../errors.js';
import { LIMITS, isLimitValue, quote, quoteList } from './limits.js';
import { describe, toTable, type Table } from './runs-table.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import type { Runs } from './runs-types.js';

/**
 * What `readRuns` accepts: CSV/TSV/JSON text, an array of row objects, or an
 * object whose array-valued (or typed-array-valued) keys are the columns.
 */
export type RunsInput = string | readonly object[] | object;

export interface ReadRunsOptions {
  /** Explicit column names per quantity; the rest are recognised by name. */
  columns?: ColumnMapping;
  /** Drop the runs at or above the k-th largest loss (Epoch's rule); default 0. */
  dropHighest?: number;
  /** Fewer runs than this (after dropping) is an error; default 1. */
  minRuns?: number;
  /** Column of per-run weights (finite, ≥ 0); none by default. */
  weights?: string;
  /** Column of unique training tokens (data-constrained fits); recognised as U, unique tokens, … when not named. */
  unique?: string;
  /** Column of a benchmark metric (finite, ≥ 0) that a task law predicts from the loss; recognised as metric, accuracy, error, … when not named. */
  metric?: string;
  /** Most data rows accepted, counted as `row` is (the header not, blank lines too); default 1,000,000. `Infinity` lifts the limit. */
  maxRows?: number;
  /** Longest text accepted, in UTF-8 bytes; default 64 MiB. `Infinity` lifts the limit. */
  maxBytes?: number;
}

/** Every option `readRuns` knows; any other name is an OptionError. */
export const READ_RUNS_OPTION_NAMES = ['columns', 'dropHighest', 'minRuns', 'weights', 'unique', 'metric', 'maxRows', 'maxBytes'] as const satisfies readonly (keyof ReadRunsOptions)[];
type _ReadRunsOptionsListed = NoneMissing<Exclude<keyof ReadRunsOptions, (typeof READ_RUNS_OPTION_NAMES)[number]>>;
/** `runsFromArrays` names its own columns. */
const ARRAY_OPTION_NAMES = READ_RUNS_OPTION_NAMES.filter((k) => k !== 'columns');

/** Unique-token columns: U, U_D, or any name with "unique" in it (U_unique_tokens, unique tokens). */
const isUniqueName = (normalized: string) => normalized === 'u' || normalized === 'ud' || normalized.includes('unique');

/** Metric columns, by exact name only: a file often holds several scores, and a task fit must not pick one silently. */
const METRIC_NAMES = ['metric', 'accuracy', 'acc', 'error', 'err', 'score'];
const isMetricName = (normalized: string) => METRIC_NAMES.includes(normalized);

/** Quantities as plain arrays, for `runsFromArrays`. */
export interface RunArrays {
  N: ArrayLike<number>;
  D?: ArrayLike<number>;
  C?: ArrayLike<number>;
  loss: ArrayLike<number>;
}

/** Input reduced to named columns; `row[i]` is the 1-based data row of record i. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number in a cell, or NaN when it is not a plain decimal number. */
export function parseNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    return NUMBER.test(t) ? Number(t) : NaN;
  }
  return NaN;
}

function checkOptions(options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== 'object') throw optionError('options', 'not-an-object', { option: 'options', got: describe(options) });
  checkOptionNames(options, known);
}

function checkLimit(option: 'maxRows' | 'maxBytes', value: unknown): number {
  if (!isLimitValue(value)) throw optionError(option, 'bad-limit', { option, got: describe(value) });
  return value;
}

function checkInteger(option: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw optionError(option, 'bad-integer', { option, min, got: describe(value) });
  }
  return value;
}

function missing(role: Role, names: readonly string[]): DataError {
  const hint = role === 'D' ? [...COLUMN_ALIASES.D.slice(0, 3), ...COLUMN_ALIASES.C.slice(0, 3)] : COLUMN_ALIASES[role].slice(0, 5);
  const found = names.length ? quoteList(names) : 'none';
  const key = role === 'loss' ? 'missing-loss-column' : role === 'N' ? 'missing-n-column' : 'missing-d-column';
  return dataError('missing-column', key, { names: hint.map((h) => `"${h}"`).join(', '), columns: found });
}

/** Keep runs whose loss is strictly below the k-th largest (duplicates counted). */
function keepBelowKthLargest(loss: Float64Array, k: number): number[] {
  const all = Array.from(loss.keys());
  if (k === 0) return all;
  if (k > loss.length) return [];
  const threshold = Float64Array.from(loss).sort()[loss.length - k];
  return all.filter((i) => loss[i] < threshold);
}

/**
 * Read and validate training runs. Throws `DataError` (codes 'empty-input',
 * 'parse', 'missing-column', 'bad-value', 'too-few-runs', and 'too-large' as a
 * `LimitError`) naming the row and column, or `OptionError` naming the option.
 */
export function readRuns(input: RunsInput, options: ReadRunsOptions = {}): Runs {
  checkOptions(options, READ_RUNS_OPTION_NAMES);
  const dropHighest = checkInteger('dropHighest', options.dropHighest ?? 0, 0);
  const minRuns = checkInteger('minRuns', options.minRuns ?? 1, 1);
  const maxRows = checkLimit('maxRows', options.maxRows ?? LIMITS.maxRows);
  const maxBytes = checkLimit('maxBytes', options.maxBytes ?? LIMITS.maxBytes);
  const table = toTable(input, maxRows, maxBytes);
  const match = matchColumns(table.names, options.columns);
  if (match.N === undefined) throw missing('N', table.names);
  if (match.D === undefined && match.C === undefined) throw missing('D', table.names);
  if (match.loss === undefined) throw missing('loss', table.names);

  const n = table.row.length;
  const roles = (['N', 'D', 'C', 'loss'] as const)
    .filter((r) => match[r] !== undefined)
    .map((r) => ({ role: r, name: match[r]!, column: table.names.indexOf(match[r]!) }))
    .sort((a, b) => a.column - b.column);
  for (const { name, column } of roles) {
    const size = table.size(column);
    if (size !== n) {
      throw dataError('parse', 'column-length', { column: quote(name), size, n }, { column: name });
    }
  }
  const values: Partial<Record<Role, Float64Array>> = {};
  for (const { role } of roles) values[role] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const { role, name, column } of roles) {
      const raw = table.cell(column, i);
      const x = parseNumber(raw);
      if (!(Number.isFinite(x) && x > 0)) {
        throw cellError(table, i, 'bad-value', name, { got: describe(raw) });
      }
      values[role]![i] = x;
    }
  }

  const weight = optionalColumn(table, options.weights, () => false, 'weights', 0, 'bad-weight');
  const U = optionalColumn(table, options.unique, isUniqueName, 'unique', Number.MIN_VALUE, 'bad-value');
  const metric = optionalColumn(table, options.metric, isMetricName, 'metric', 0, 'bad-metric');

  const N = values.N!, loss = values.loss!;
  const derivedD = values.D === undefined;
  const D = values.D ?? N.map((p, i) => values.C![i] / (6 * p));
  const C = values.C ?? N.map((p, i) => 6 * p * D[i]);
  // A derived quantity can leave double precision even when every cell is valid (C = 6·1e300·1e300).
  const derived = derivedD ? D : values.C ? undefined : C;
  if (derived) {
    const from = derivedD ? match.C! : match.D!;
    const what = derivedD ? 'D = C / (6N)' : 'C = 6ND';
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(derived[i]) && derived[i] > 0) continue;
      throw cellError(table, i, 'beyond-precision', from, { quantity: what, value: String(derived[i]) });
    }
  }
  const rows = Int32Array.from(table.row);

  const keep = keepBelowKthLargest(loss, dropHighest);
  if (keep.length < minRuns) {
    throw dropHighest > 0
      ? dataError('too-few-runs', 'too-few-runs-dropped', { kept: keep.length, drop: dropHighest, n, min: minRuns })
      : dataError('too-few-runs', 'too-few-runs', { kept: keep.length, min: minRuns });
  }
  const all = keep.length === n;
  const pick = (a: Float64Array) => (all ? a : Float64Array.from(keep, (i) => a[i]));

  const columns: { -readonly [K in keyof Runs['columns']]: Runs['columns'][K] } = { N: match.N, loss: match.loss };
  if (match.D !== undefined) columns.D = match.D;
  if (match.C !== undefined) columns.C = match.C;
  const runs: Runs = { N: pick(N), D: pick(D), C: pick(C), loss: pick(loss), rows: all ? rows : Int32Array.from(keep, (i) => rows[i]), columns, derivedD };
  if (weight) columns.weight = weight.name;
  if (U) columns.U = U.name;
  if (metric) columns.metric = metric.name;
  const alternatives = unmappedAlternatives(match, options.columns);
  return {
    ...runs, ...(alternatives && { alternatives }), ...(weight && { weight: pick(weight.values) }), ...(U && { U: pick(U.values) }),
    ...(metric && { metric: pick(metric.values) }),
  };
}

/** The alternatives of each quantity that was chosen by name rather than mapped by the caller; undefined when there are none. */
function unmappedAlternatives(match: ReturnType<typeof matchColumns>, mapping: ColumnMapping | undefined): Runs['alternatives'] {
  const out: Partial<Record<Role, readonly string[]>> = {};
  for (const role of ['N', 'D', 'C', 'loss'] as const) {
    if (match[role] !== undefined && mapping?.[role] === undefined && match.alternatives[role].length > 0) out[role] = match.alternatives[role];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * An optional numeric column: named by an option (which must exist), or found
 * by alias. Every value must be finite and ≥ `min`.
 */
function optionalColumn(
  table: Table, named: string | undefined, recognise: (normalized: string) => boolean, option: string, min: number, key: 'bad-value' | 'bad-weight' | 'bad-metric',
): { name: string; values: Float64Array } | undefined {
  let column = -1;
  if (named !== undefined) {
    if (typeof named !== 'string') throw optionError(option, 'not-a-column-name', { option, got: describe(named) });
    column = table.names.indexOf(named);
    if (column < 0) column = table.names.findIndex((n) => normalizeName(n) === normalizeName(named));
    if (column < 0) throw optionError(option, 'option-no-column', { option, name: quote(named), columns: quoteList(table.names) });
  } else {
    column = table.names.findIndex((n) => recognise(normalizeName(n)));
    if (column < 0) return undefined;
  }
  const name = table.names[column];
  const values = new Float64Array(table.row.length);
  for (let i = 0; i < values.length; i++) {
    const raw = table.cell(column, i);
    const x = parseNumber(raw);
    if (!(Number.isFinite(x) && x >= min)) {
      throw cellError(table, i, key, name, { got: describe(raw) });
    }
    values[i] = x;
  }
  return { name, values };
}

type CellKey = 'bad-value' | 'bad-weight' | 'bad-metric' | 'beyond-precision';

/**
 * The error for a bad cell in row i of `table`, in column `name`: it names the
 * text line when the table was read from delimited text (what an editor shows;
 * the key's "-line" wording), else the data row; the DataError carries both.
 */
export function cellError(table: Table, i: number, key: CellKey, name: string, values: { got: string } | { quantity: string; value: string }): DataError {
  const row = table.row[i], line = table.line?.[i];
  const column = quote(name);
  if (line !== undefined && Number.isFinite(line)) {
    return dataError('bad-value', `${key}-line` as const, { line, column, ...values } as never, { row, line, column: name });
  }
  return dataError('bad-value', key, { row, column, ...values } as never, { row, column: name });
}

/** Validated `Runs` from plain arrays `{N, D?, C?, loss}` (at least one of D, C). */
export function runsFromArrays(arrays: RunArrays, options: Omit<ReadRunsOptions, 'columns'> = {}): Runs {
  checkOptions(options, ARRAY_OPTION_NAMES);
  const columns: ColumnMapping = { N: 'N', loss: 'loss' };
  const input: Record<string, ArrayLike<number>> = { N: arrays.N, loss: arrays.loss };
  if (arrays.D !== undefined) (columns.D = 'D', input.D = arrays.D);
  if (arrays.C !== undefined) (columns.C = 'C', input.C = arrays.C);
  return readRuns(input, { ...options, columns });
}
