/**
 * What the end of a fit must say about itself, never silently: which raw
 * parameters sit on a bound the caller gave (`activeBounds`), and whether the
 * fitted law can be written in double precision at all (`checkRepresentable`:
 * θ is finite, but e^θ of a scale parameter overflows when the runs' units are
 * extreme or a start or bound is absurd). Used by fit.ts on the polished optimum.
 */

import { DataError, OptionError } from './errors.js';
import type { ResolvedFitOptions } from './fit-options.js';
import type { Runs } from './runs-types.js';
import type { FormName, Variable } from '../engine/types.js';

/**
 * How close to a bound counts as on it: the solver's last step is cut at the
 * bound, and x + t·d rounds to a few ulps inside it.
 */
export const BOUND_TOLERANCE = 1e-9;

/** Which finite bound the caller gave holds θ[i]: 'lower', 'upper' or undefined. */
export function boundAt(opts: ResolvedFitOptions, theta: ArrayLike<number>, i: number): 'lower' | 'upper' | undefined {
  const near = (b: number) => Math.abs(theta[i] - b) <= BOUND_TOLERANCE * Math.max(1, Math.abs(b));
  if (opts.lower && Number.isFinite(opts.lower[i]) && (theta[i] <= opts.lower[i] || near(opts.lower[i]))) return 'lower';
  if (opts.upper && Number.isFinite(opts.upper[i]) && (theta[i] >= opts.upper[i] || near(opts.upper[i]))) return 'upper';
  return undefined;
}

/** Names of the raw parameters sitting on (within BOUND_TOLERANCE of) a finite bound the caller gave. */
export function activeBounds(opts: ResolvedFitOptions, theta: ArrayLike<number>): string[] {
  return opts.names.filter((_, i) => boundAt(opts, theta, i) !== undefined);
}

/** The input quantity a raw parameter scales with, to name the column whose units are to blame. */
function roleOf(form: FormName, name: string, variable: Variable): 'N' | 'D' | 'C' | 'loss' {
  if (name === 'e' || (form === 'broken' && name === 'lna')) return 'loss';
  switch (form) {
    case 'chinchilla': return name === 'a' || name === 'alpha' ? 'N' : 'D';
    case 'kaplan': return name === 'lnNc' || name === 'alphaN' ? 'N' : 'D';
    case 'data-constrained': return name === 'lnRN' ? 'N' : 'D';
    case 'overtrained': return 'C';
    default: return variable;
  }
}

/**
 * Throws a typed error when the fitted law or its objective is not a finite
 * number: an OptionError naming the bound or `starts` the caller gave that led
 * there, else a DataError naming the column whose scale is out of reach.
 */
export function checkRepresentable(opts: ResolvedFitOptions, theta: ArrayLike<number>, params: object, objective: number, columns: Runs['columns']): void {
  const flat: [string, number][] = [];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'number') flat.push([prefix, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
  };
  walk('', params);
  const bad = flat.find(([, v]) => !Number.isFinite(v));
  if (!bad && Number.isFinite(objective)) return;
  const { names, lower, upper, spec } = opts;
  const overflows = (k: number) => !Number.isFinite(theta[k]) || !Number.isFinite(Math.exp(theta[k]));
  const bounded = (k: number) => boundAt(opts, theta, k) !== undefined;
  // The raw parameter behind it: the first whose e^θ overflows, else (objective) the first held by a bound.
  let i = names.findIndex((_, k) => overflows(k));
  if (i < 0) i = names.findIndex((_, k) => bounded(k));
  const name = names[Math.max(0, i)], at = theta[Math.max(0, i)];
  const what = bad
    ? `the fitted ${spec.form} law has ${bad[0]} = ${bad[1]}, beyond double precision (θ ${name} = ${at})`
    : `the ${spec.loss} objective of the fitted ${spec.form} law is ${objective}, beyond double precision`;
  const side = i >= 0 ? boundAt(opts, theta, i) : undefined;
  if (side === 'lower') throw new OptionError(`lower.${name}`, `${what}: invalid lower.${name} ${lower![i]}`);
  if (side === 'upper') throw new OptionError(`upper.${name}`, `${what}: invalid upper.${name} ${upper![i]}`);
  if (opts.starts) throw new OptionError('starts', `${what}: the starts given lead out of range; invalid starts`);
  const role = bad ? roleOf(spec.form, name, spec.variable) : 'loss';
  const column = columns[role] ?? columns.N;
  throw new DataError('bad-value', `${what}: the values of column "${column}" are too extreme for this form; rescale them`, { column });
}
