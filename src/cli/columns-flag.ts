/**
 * --columns, shared by every command that reads runs: which input column
 * holds each quantity, in the syntax the API and the elements' `columns`
 * attribute share (src/core/column-spec.ts): `N=params,D=tokens,loss=c4_loss`,
 * `metric=` for the benchmark score a task form predicts, `weight=` and `U=`
 * for the weights and unique-token columns, or a JSON
 * object for names with commas.
 */

import { parseColumnSpec, type ColumnSpec } from '../core/column-spec.js';
import { ScalingKitError } from '../errors.js';
import { UsageError, type OptionSpec } from './args.js';

export const COLUMNS_FLAG = { columns: { type: 'string' } } as const satisfies OptionSpec;

export const COLUMNS_USAGE = '[--columns N=COL,D=COL,C=COL,loss=COL,metric=COL,weight=COL,U=COL]';

/** Usage lines on what --columns does. */
export const COLUMNS_NOTE = `  --columns names the column of each quantity; without it columns are recognised by name, and a choice
  among several candidates is reported. A JSON object ('{"loss": "c4, final"}') takes names with commas.`;

/** The columns --columns names; {} when absent; a UsageError naming the part that is wrong. */
export function columnsOption(values: Record<string, unknown>): ColumnSpec {
  const raw = values.columns;
  if (raw === undefined) return {};
  try {
    return parseColumnSpec(String(raw), '--columns');
  } catch (e) {
    if (e instanceof ScalingKitError) throw new UsageError(e.message.replace(/^invalid --columns; /, 'option --columns: '));
    throw e;
  }
}

/** --columns merged with a command's own --weights and --unique; naming one column two ways is an error. */
export function mergeColumnFlags(spec: ColumnSpec, weights: string | undefined, unique: string | undefined): ColumnSpec {
  if (spec.weights !== undefined && weights !== undefined && spec.weights !== weights) throw new UsageError('option --columns: weight= and --weights name different columns');
  if (spec.unique !== undefined && unique !== undefined && spec.unique !== unique) throw new UsageError('option --columns: U= and --unique name different columns');
  const out: ColumnSpec = { ...spec };
  if (weights !== undefined) out.weights = weights;
  if (unique !== undefined) out.unique = unique;
  return out;
}
