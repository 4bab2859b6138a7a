/**
 * Runs as the kernels read them (logs of every column, weights normalised),
 * shared by `fit` and `bootstrap`.
 */

import { readRuns, type RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import type { FitOptions } from './fit-options.js';
import type { FitData } from '../engine/types.js';

const isRuns = (x: unknown): x is Runs => typeof x === 'object' && x !== null && (x as Runs).N instanceof Float64Array && (x as Runs).rows instanceof Int32Array;

/**
 * The runs a fit with these options reads from `input` (`P` parameters): Runs are
 * validated when made, so they are read again only to apply reading options.
 * `bootstrap` reads through here too, so its runs are always the fit's.
 */
export function runsForFit(input: Runs | RunsInput, o: Pick<FitOptions, 'columns' | 'dropHighest' | 'weights' | 'unique'>, P: number): Runs {
  const weights = o.weights ?? (isRuns(input) && input.weight ? 'weight' : undefined);
  const reread = !isRuns(input) || o.columns || o.dropHighest || o.weights || o.unique || input.N.length < P;
  return reread ? readRuns(input, { columns: o.columns, dropHighest: o.dropHighest, minRuns: P, weights, unique: o.unique }) : (input as Runs);
}

export function fitDataFromRuns(runs: Runs): FitData {
  const ln = (a: Float64Array) => a.map(Math.log);
  const lnD = ln(runs.D);
  return {
    count: runs.N.length,
    lnN: ln(runs.N), lnD, lnC: ln(runs.C), lnU: runs.U ? ln(runs.U) : lnD,
    lnL: ln(runs.loss), loss: Float64Array.from(runs.loss),
    weight: runs.weight ? normalisedWeights(runs.weight) : new Float64Array(runs.N.length).fill(1),
  };
}

/**
 * Weights divided by their largest (so 1e300 does not overflow a sum), then
 * scaled by the power of two that brings their mean nearest 1: equal weights
 * of any size become exactly 1, and weights near 1 (an integer 2 standing for
 * a run listed twice) come back bit for bit, so the objective keeps its
 * meaning. Weights that are all zero are left so; the fit's diagnostics say so.
 */
export function normalisedWeights(weight: Float64Array): Float64Array {
  let max = 0;
  for (const w of weight) max = Math.max(max, w);
  if (!(max > 0) || !Number.isFinite(max)) return Float64Array.from(weight);
  const relative = weight.map((w) => w / max);
  let sum = 0;
  for (const w of relative) sum += w;
  const scale = 2 ** Math.round(Math.log2(weight.length / sum));
  return relative.map((w) => w * scale);
}
