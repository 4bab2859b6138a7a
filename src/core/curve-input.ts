/**
 * One learning curve: the loss against one variable x (the data size in
 * Alabdulmohsin et al. 2022's benchmark), as two arrays (`checkCurve`) or
 * read from a table by column name (`readCurve`), for the M4 fit and
 * extrapolation scoring. Every x and loss must be positive and finite, and the
 * curve needs three distinct x values: a power law in x has an exponent to fit.
 * A curve holds at most 100,000 points (LIMITS.curvePoints, a fixed limit).
 */

import { dataError, optionError } from '../i18n/error-words/extrapolate.js';
import { dataError as readError, optionError as readOptionError } from '../i18n/error-words/read.js';
import { optionError as optionsError } from '../i18n/error-words/options.js';
import { COLUMN_ALIASES, matchColumns, type ColumnMapping } from './columns.js';
import { describe, toTable } from './runs-table.js';
import { cellError, parseNumber, type RunsInput } from './runs.js';
import { LIMITS, formatCount, isLimitValue, quote, quoteList } from './limits.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { LAW_VARIABLES, type LossVariable } from '../laws/variables.js';

export interface Curve {
  x: Float64Array;
  loss: Float64Array;
}

/** Fewest distinct x values of a curve. */
export const MIN_DISTINCT_X = 3;

/** The value given, as an error shows it: a number as text, anything else described. */
const shown = (v: unknown) => (typeof v === 'number' ? String(v) : describe(v));

function numbers(option: 'x' | 'loss', value: unknown): Float64Array {
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) throw optionError(option, 'curve-not-array', { option });
  const list = value as ArrayLike<unknown>;
  if (list.length > LIMITS.curvePoints) throw dataError('too-large', 'curve-too-many-points', { count: formatCount(list.length), max: formatCount(LIMITS.curvePoints) });
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw dataError('bad-value', option === 'x' ? 'curve-bad-x' : 'curve-bad-loss', { point: i + 1, got: shown(v) });
    }
    out[i] = v;
  }
  return out;
}

/** How many distinct values `x` holds. */
export function distinctCount(x: ArrayLike<number>): number {
  return new Set(Array.from(x)).size;
}

/**
 * The curve as checked arrays: the same length, every value positive and
 * finite (a DataError naming the 1-based point), three distinct x or more.
 */
export function checkCurve(x: unknown, loss: unknown): Curve {
  const xs = numbers('x', x), ls = numbers('loss', loss);
  if (xs.length !== ls.length) throw dataError('parse', 'curve-lengths', { n: xs.length, m: ls.length });
  const distinct = distinctCount(xs);
  if (distinct < MIN_DISTINCT_X) throw dataError('too-few-runs', 'curve-few-distinct-x', { min: MIN_DISTINCT_X, distinct });
  return { x: xs, loss: ls };
}

export interface ReadCurveOptions {
  /** Which quantity's column is x: 'D' (default: data size, as the paper), 'N' or 'C'. */
  variable?: LossVariable;
  /** Column names by quantity (x under its variable, and loss); the rest are recognised by name. */
  columns?: ColumnMapping;
  /** Most data rows accepted (default 1,000,000) and longest text in UTF-8 bytes (default 64 MiB), as readRuns. */
  maxRows?: number;
  maxBytes?: number;
}

export const READ_CURVE_OPTION_NAMES = ['variable', 'columns', 'maxRows', 'maxBytes'] as const satisfies readonly (keyof ReadCurveOptions)[];
type _ReadCurveOptionsListed = NoneMissing<Exclude<keyof ReadCurveOptions, (typeof READ_CURVE_OPTION_NAMES)[number]>>;

export interface CurveTable extends Curve {
  /** 1-based data row of each point. */
  rows: Int32Array;
  variable: LossVariable;
  /** The columns read: x (the variable's) and loss. */
  columns: { x: string; loss: string };
}

function limit(option: 'maxRows' | 'maxBytes', value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!isLimitValue(value)) throw readOptionError(option, 'bad-limit', { option, got: describe(value) });
  return value;
}

/**
 * A curve from CSV/TSV/JSON text, row objects or an object of arrays (what
 * readRuns reads): x from the column of `variable` (named in `columns`, or
 * recognised by name as readRuns does), the loss from the loss column. Errors
 * name the row and column, as readRuns' do.
 */
export function readCurve(input: RunsInput, options: ReadCurveOptions = {}): CurveTable {
  if (options === null || typeof options !== 'object') throw optionError('options', 'not-an-object', { option: 'options', got: describe(options) });
  checkOptionNames(options, READ_CURVE_OPTION_NAMES);
  const variable = options.variable ?? 'D';
  if (!LAW_VARIABLES.includes(variable)) throw optionsError('variable', 'option-not-one-of', { option: 'variable', allowed: LAW_VARIABLES.join(', '), got: describe(variable) });
  const table = toTable(input, limit('maxRows', options.maxRows, LIMITS.maxRows), limit('maxBytes', options.maxBytes, LIMITS.maxBytes));
  const match = matchColumns(table.names, options.columns);
  const found = table.names.length ? quoteList(table.names) : 'none';
  const xName = match[variable], lossName = match.loss;
  if (xName === undefined) {
    throw dataError('missing-column', 'curve-missing-x', { variable, names: COLUMN_ALIASES[variable].slice(0, 4).map((h) => `"${h}"`).join(', '), columns: found });
  }
  if (lossName === undefined) {
    throw readError('missing-column', 'missing-loss-column', { names: COLUMN_ALIASES.loss.slice(0, 5).map((h) => `"${h}"`).join(', '), columns: found });
  }
  const n = table.row.length;
  const read = (name: string): Float64Array => {
    const column = table.names.indexOf(name);
    const size = table.size(column);
    if (size !== n) throw readError('parse', 'column-length', { column: quote(name), size, n }, { column: name });
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const raw = table.cell(column, i), v = parseNumber(raw);
      if (!(Number.isFinite(v) && v > 0)) throw cellError(table, i, 'bad-value', name, { got: describe(raw) });
      out[i] = v;
    }
    return out;
  };
  const x = read(xName), loss = read(lossName);
  const distinct = distinctCount(x);
  if (distinct < MIN_DISTINCT_X) throw dataError('too-few-runs', 'curve-few-distinct-x', { min: MIN_DISTINCT_X, distinct });
  return { x, loss, rows: Int32Array.from(table.row), variable, columns: { x: xName, loss: lossName } };
}
