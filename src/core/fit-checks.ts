/**
 * What the end of a fit must say about itself, never silently: which raw
 * parameters sit on a bound the caller gave (`activeBounds`), and whether the
 * fitted law can be written in double precision at all (`checkRepresentable`:
 * θ is finite, but e^θ of a scale parameter overflows when the runs' units are
 * extreme, a start or bound is absurd, or the fit ran off towards infinity).
 * Its advice is only what would work: new units only when the same law in
 * those units fits in double precision. Used by fit.ts on the polished optimum.
 */

import { dataError, optionError } from '../i18n/error-words/fit.js';
import { quote } from './limits.js';
import type { ResolvedFitOptions } from './fit-options.js';
import type { Runs } from './runs-types.js';
import type { FitData, Variable } from '../engine/types.js';
import { LAWS, type Role } from '../laws/index.js';

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

/** The largest |ln v| of any positive finite double v (ln of the smallest subnormal). */
const LN_RANGE = -Math.log(Number.MIN_VALUE);
/** ln of the largest double: e^θ overflows above it. */
const LN_MAX = Math.log(Number.MAX_VALUE);

const weightedMean = (xs: Float64Array, w: Float64Array): number => {
  let s = 0, sw = 0;
  for (let i = 0; i < xs.length; i++) if (w[i] > 0) (s += w[i] * xs[i], sw += w[i]);
  return sw > 0 ? s / sw : xs.reduce((a, b) => a + b, 0) / xs.length;
};

/** Raw parameters that are logs of scale parameters (the law has e^θ), by name: ln…, and a, b, e. */
const isLogScale = (name: string) => name.startsWith('ln') || name === 'a' || name === 'b' || name === 'e';

/**
 * θ moved by new units stands for a usable law: every raw parameter finite, no
 * e^θ overflowing, and the ones that overflowed before now inside the range
 * (not flipped to an underflow: a scale of 0 is no law either).
 */
function usable(names: readonly string[], before: ArrayLike<number>, after: ArrayLike<number>): boolean {
  return names.every((name, i) => {
    if (!Number.isFinite(after[i])) return false;
    if (!isLogScale(name)) return true;
    return after[i] < LN_MAX && (Number.isFinite(Math.exp(before[i])) || after[i] > -LN_MAX);
  });
}

/**
 * Would dividing columns by powers of ten make the fitted law representable?
 * With the runs: divide each column by the power of ten nearest e^(its mean ln)
 * and see whether the law, rewritten in those units, is usable; returns the
 * roles to divide and the exponent of ten for each (one role when one
 * suffices), or null when no such rescaling helps: the fit diverged (θ ran off
 * towards infinity, which new units only move). Without the runs: 'maybe' when
 * the most any column's units could move θ would be enough, else null.
 */
function rescaling(opts: ResolvedFitOptions, theta: ArrayLike<number>, data: FitData | undefined): [Role, number][] | null | 'maybe' {
  const { spec, names } = opts;
  // Units move the form's full θ; a tied fit's advice would need it expanded: none is given.
  if (spec.tie) return null;
  const shifts = LAWS[spec.form].unitShifts(theta, spec.breaks);
  const moved = (m: (role: Role) => number) => Float64Array.from(shifts, (c, i) => {
    let t = theta[i];
    for (const [role, k] of Object.entries(c) as [Role, number][]) if (m(role) !== 0) t -= k * m(role);
    return t;
  });
  if (!data) {
    // Each column's mean ln is within ±LN_RANGE: move every θ up to that far towards 0 and see.
    const best = Float64Array.from(shifts, (c, i) => {
      const most = Object.values(c).reduce((s: number, k) => s + Math.abs(k ?? 0) * LN_RANGE, 0);
      return Math.sign(theta[i]) * Math.max(0, Math.abs(theta[i]) - most);
    });
    return usable(names, theta, best) ? 'maybe' : null;
  }
  const column = (role: Role) => role === 'loss' ? data.lnL : role === 'N' ? data.lnN : role === 'D' ? data.lnD : spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
  const roles = [...new Set(shifts.flatMap((c) => Object.keys(c) as Role[]))];
  const tens = new Map(roles.map((r) => [r, Math.round(weightedMean(column(r), data.weight) / Math.LN10)]));
  const m = (only?: Role) => (role: Role) => (only === undefined || role === only ? tens.get(role)! * Math.LN10 : 0);
  const used = roles.filter((r) => tens.get(r) !== 0);
  for (const r of used) if (usable(names, theta, moved(m(r)))) return [[r, tens.get(r)!]];
  return used.length > 1 && usable(names, theta, moved(m())) ? used.map((r) => [r, tens.get(r)!]) : null;
}

/** The input column behind a role, as named in the runs. */
function columnOf(role: Role, variable: Variable, columns: Runs['columns']): string {
  const key = role === 'x' ? variable : role;
  return columns[key] ?? (key === 'D' || key === 'C' ? columns.D ?? columns.C : undefined) ?? columns.N;
}

/**
 * Throws a typed error when the fitted law or its objective is not a finite
 * number: an OptionError naming the bound or `starts` the caller gave that led
 * there; a DataError naming the column to rescale, and by how much, when new
 * units would bring the law within double precision; else a DataError saying
 * the fit diverged (no finite law of this form fits the runs), with advice
 * that works: bound the parameter or choose another form. Pass the fitted
 * `data` so the rescaling advice is checked against the runs themselves.
 */
export function checkRepresentable(opts: ResolvedFitOptions, theta: ArrayLike<number>, params: object, objective: number, columns: Runs['columns'], data?: FitData): void {
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
  // What is beyond double precision, as the values of the message's opening: a parameter of the law, or the objective.
  const param = bad ? { form: spec.form, param: bad[0], value: bad[1], name, at } : undefined;
  const whole = { form: spec.form, loss: spec.loss, objective };
  const side = i >= 0 ? boundAt(opts, theta, i) : undefined;
  if (side) {
    const bound = side === 'lower' ? lower![i] : upper![i];
    throw param
      ? optionError(`${side}.${name}`, 'fit-param-bound', { ...param, side, bound })
      : optionError(`${side}.${name}`, 'fit-objective-bound', { ...whole, side, name, bound });
  }
  if (opts.starts) throw param ? optionError('starts', 'fit-param-starts', param) : optionError('starts', 'fit-objective-starts', whole);
  if (!param) {
    // θ is finite, so each residual is: the sum overflows through huge weights, or (squared raw residuals) huge losses or predictions.
    let wmax = 0;
    if (data) for (const w of data.weight) wmax = Math.max(wmax, w);
    if (wmax > 1e280) {
      // Above 1e280 the power of ten to divide by is always positive.
      const column = columns.weight ?? 'weight';
      throw dataError('bad-value', 'fit-weights-too-large', { ...whole, column: quote(column), power: Math.round(Math.log10(wmax)) }, { column });
    }
    if (spec.loss === 'squared-raw') {
      const k = data ? Math.round(weightedMean(data.lnL, data.weight) / Math.LN10) : 0;
      const sum = (scale: number) => data ? data.loss.reduce((s, l, j) => s + data.weight[j] * (l / scale) ** 2, 0) : NaN;
      // The fitted target: the loss, or a task law's score.
      const column = (LAWS[spec.form].task ? columns.metric : undefined) ?? columns.loss;
      // A sum that overflows at scale 1 and not at 10^k has k ≥ 1: divide.
      if (data && !Number.isFinite(sum(1)) && Number.isFinite(sum(10 ** k))) {
        throw dataError('bad-value', 'fit-losses-too-large', { ...whole, column: quote(column), power: k }, { column });
      }
      throw dataError('bad-value', 'fit-losses-overflow', { ...whole, column: quote(column) }, { column });
    }
    const target = (LAWS[spec.form].task ? columns.metric : undefined) ?? columns.loss;
    throw dataError('bad-value', 'fit-objective-diverged', { ...whole, column: quote(target) }, { column: target });
  }
  const plan = rescaling(opts, theta, data);
  const column = columns[LAWS[spec.form].roleOf(name, spec.variable)] ?? columns.N;
  if (plan === null) throw dataError('bad-value', 'fit-param-diverged', { ...param, column: quote(column) }, { column });
  if (plan === 'maybe') {
    // Without the runs it cannot be told which: say both, each with what would work.
    throw dataError('bad-value', 'fit-param-extreme-or-diverged', { ...param, column: quote(column) }, { column });
  }
  const [c1, c2, c3] = plan.map(([role, k]) => [columnOf(role, spec.variable, columns), k] as const);
  const where = { column: c1[0] };
  // One column: divide or multiply by a power of ten. Several (at most N, D and loss): divide each by 1e±k.
  if (c3) throw dataError('bad-value', 'fit-units-divide-three', { ...param, column: quote(c1[0]), power: c1[1], column2: quote(c2[0]), power2: c2[1], column3: quote(c3[0]), power3: c3[1] }, where);
  if (c2) throw dataError('bad-value', 'fit-units-divide-two', { ...param, column: quote(c1[0]), power: c1[1], column2: quote(c2[0]), power2: c2[1] }, where);
  throw c1[1] >= 0
    ? dataError('bad-value', 'fit-units-divide', { ...param, column: quote(c1[0]), power: c1[1] }, where)
    : dataError('bad-value', 'fit-units-multiply', { ...param, column: quote(c1[0]), power: -c1[1] }, where);
}
