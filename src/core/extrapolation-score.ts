/**
 * Extrapolation scoring (Alabdulmohsin, Neyshabur and Zhai 2022, arXiv
 * 2209.06640): a law is judged by how well it predicts points beyond the
 * range it was fitted on, not by how well it fits that range. The `holdout`
 * points of largest x are held out; M1, M2 and M4 are fitted to the rest, and
 * each is scored by the root mean square of ln(predicted) − ln(actual) over the
 * held-out points.
 *
 * M1, ε = β·x^c, is scaling-kit's power form and M2, ε = ε∞ + β·x^c, its
 * saturating form, both fitted by `fitSync` with squared residuals of log loss
 * (the power form's is the paper's M1 exactly, the least-squares line in log
 * space; the paper fits M2 on the log of ε − ε∞ instead). M4 is `fitM4`.
 */

import { dataError, optionError } from '../i18n/error-words/extrapolate.js';
import { optionError as optionsError } from '../i18n/error-words/options.js';
import { checkCurve } from './curve-input.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { fitM4, m4Parameters, M4_OPTION_NAMES, type M4Fit, type M4Options } from './m4-fit.js';
import { predictM4 } from './m4-predict.js';
import { fitSync } from './fit.js';
import { evaluateLaw } from './forms-eval.js';
import { runsFromArrays } from './runs.js';
import type { FitResult } from './fit-result.js';
import type { EngineName } from '../engine/types.js';
import { ENGINE_NAMES } from '../engine/types.js';
import { LAW_VARIABLES, type LossVariable } from '../laws/variables.js';

export interface ExtrapolationOptions extends M4Options {
  /** How many points of largest x to hold out (ties: the later point is held out first). Required. */
  holdout?: number;
  /** What x is, for the M1 and M2 laws: 'D' (default, data size as in the paper), 'N' or 'C'. */
  variable?: LossVariable;
  /** Engine of the M1 and M2 fits (fitSync's `engine`); default 'auto'. */
  engine?: EngineName | 'auto';
}

export const EXTRAPOLATION_OPTION_NAMES = ['holdout', 'variable', 'engine', ...M4_OPTION_NAMES] as const satisfies readonly (keyof ExtrapolationOptions)[];
type _ExtrapolationOptionsListed = NoneMissing<Exclude<keyof ExtrapolationOptions, (typeof EXTRAPOLATION_OPTION_NAMES)[number]>>;

export type EstimatorName = 'M1' | 'M2' | 'M4';
export const ESTIMATORS: readonly EstimatorName[] = ['M1', 'M2', 'M4'];

export interface HeldOutPoint {
  /** 0-based index of the point in the input. */
  index: number;
  x: number;
  loss: number;
  /** Each estimator's prediction of the loss at x. */
  predicted: Record<EstimatorName, number>;
}

export interface ExtrapolationScore {
  /** Indices (0-based, input order) of the points fitted. */
  training: number[];
  /** The held-out points, largest x last. */
  heldOut: HeldOutPoint[];
  /** Largest x fitted; every held-out x is at least this. */
  cutoff: number;
  /** Root mean square of ln(predicted) − ln(actual) over the held-out points, per estimator. */
  rmse: Record<EstimatorName, number>;
  /** The estimator with the lowest RMSE (the first of M1, M2, M4 on a tie). */
  best: EstimatorName;
  /** The three fits; rows their diagnostics name are 1-based points of the input. */
  fits: { M1: FitResult<'power'>; M2: FitResult<'saturating'>; M4: M4Fit };
}

/** `r` with the rows its diagnostics name (1-based among the points fitted) as 1-based points of the input. */
function inputRows<F extends 'power' | 'saturating'>(r: FitResult<F>, kept: readonly number[]): FitResult<F> {
  const diagnostics = r.diagnostics.map((d) => (d.code === 'outliers' ? { ...d, rows: d.rows.map((row) => kept[row - 1] + 1) } : d));
  return { ...r, diagnostics };
}

/** Fits M1, M2 and M4 to all but the `holdout` points of largest x and scores their predictions of those points. */
export function extrapolationScore(x: ArrayLike<number>, loss: ArrayLike<number>, options: ExtrapolationOptions): ExtrapolationScore {
  if (options === null || typeof options !== 'object') throw optionError('options', 'not-an-object', { option: 'options', got: String(options) });
  checkOptionNames(options, EXTRAPOLATION_OPTION_NAMES);
  const { holdout, variable = 'D', engine = 'auto', ...m4Options } = options;
  if (!LAW_VARIABLES.includes(variable)) throw optionsError('variable', 'option-not-one-of', { option: 'variable', allowed: LAW_VARIABLES.join(', '), got: String(variable) });
  if (!([...ENGINE_NAMES, 'auto'] as unknown[]).includes(engine)) throw optionsError('engine', 'option-not-one-of', { option: 'engine', allowed: [...ENGINE_NAMES, 'auto'].join(', '), got: String(engine) });
  const curve = checkCurve(x, loss);
  const n = curve.x.length, min = m4Parameters(m4Options.eps0 !== undefined) + 1;
  if (holdout === undefined) throw optionError('holdout', 'extrapolate-missing-holdout', {});
  if (!(Number.isInteger(holdout) && holdout >= 1 && holdout <= n - min)) {
    throw optionError('holdout', 'extrapolate-holdout-range', { max: n - min, min, n, got: String(holdout) });
  }
  // Every point below a given ε0, named by its place in the input (fitM4 sees only the points it fits).
  const eps0 = m4Options.eps0;
  if (typeof eps0 === 'number' && eps0 > 0) {
    const i = curve.loss.findIndex((l) => !(l < eps0));
    if (i >= 0) throw dataError('bad-value', 'm4-loss-not-below-eps0', { point: i + 1, loss: curve.loss[i], eps0 });
  }
  // Largest x first; on a tie the later point first, as backtest holds out runs.
  const order = Array.from(curve.x.keys()).sort((i, j) => curve.x[j] - curve.x[i] || j - i);
  const held = order.slice(0, holdout).reverse(), kept = order.slice(holdout).sort((i, j) => i - j);
  const tx = kept.map((i) => curve.x[i]), tl = kept.map((i) => curve.loss[i]);
  const m4 = fitM4(tx, tl, m4Options);
  // One variable: x in every column the forms might read; the law reads `variable`'s.
  const runs = runsFromArrays({ N: tx, D: tx, C: tx, loss: tl });
  const common = { variable, loss: 'squared', engine, workers: 0 } as const;
  const m1 = inputRows(fitSync<'power'>(runs, { ...common, form: 'power' }), kept);
  const m2 = inputRows(fitSync<'saturating'>(runs, { ...common, form: 'saturating' }), kept);
  const heldOut: HeldOutPoint[] = held.map((index) => {
    const xi = curve.x[index];
    const at = { N: xi, D: xi, C: xi };
    return { index, x: xi, loss: curve.loss[index], predicted: { M1: evaluateLaw(m1.law, at), M2: evaluateLaw(m2.law, at), M4: predictM4(m4.params, xi) } };
  });
  const score = (e: EstimatorName) => {
    let s = 0;
    for (const p of heldOut) s += Math.log(p.predicted[e] / p.loss) ** 2;
    return Math.sqrt(s / heldOut.length);
  };
  const rmse = { M1: score('M1'), M2: score('M2'), M4: score('M4') };
  let best: EstimatorName = 'M1';
  for (const e of ESTIMATORS) if (rmse[e] < rmse[best]) best = e;
  let cutoff = 0;
  for (const v of tx) cutoff = Math.max(cutoff, v);
  return { training: kept, heldOut, cutoff, rmse, best, fits: { M1: m1, M2: m2, M4: m4 } };
}
