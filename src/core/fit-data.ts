/**
 * Runs as the kernels read them (logs of every column, weights normalised),
 * shared by `fit` and `bootstrap`.
 */

import { readRuns, type RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import type { FitOptions } from './fit-options.js';
import type { FitData, ObjectiveSpec } from '../engine/types.js';
import { quote } from './limits.js';
import { isTaskForm } from '../laws/index.js';
import { dataError } from '../i18n/error-words/fit.js';

const isRuns = (x: unknown): x is Runs => typeof x === 'object' && x !== null && (x as Runs).N instanceof Float64Array && (x as Runs).rows instanceof Int32Array;

/**
 * The runs a fit with these options reads from `input` (`P` parameters): Runs are
 * validated when made, so they are read again only to apply reading options.
 * `bootstrap` reads through here too, so its runs are always the fit's.
 */
export function runsForFit(input: Runs | RunsInput, o: Pick<FitOptions, 'form' | 'columns' | 'dropHighest' | 'weights' | 'unique' | 'metric'>, P: number): Runs {
  const given = isRuns(input);
  const weights = o.weights ?? (given && input.weight ? 'weight' : undefined);
  const metric = o.metric ?? (given && input.metric ? 'metric' : undefined);
  const reread = !given || o.columns || o.dropHighest || o.weights || o.unique || o.metric || input.N.length < P;
  const runs = reread ? readRuns(input, { columns: o.columns, dropHighest: o.dropHighest, minRuns: P, weights, unique: o.unique, metric }) : (input as Runs);
  if (o.form !== undefined && isTaskForm(o.form) && !runs.metric) throw dataError('missing-column', 'missing-metric-column', { form: o.form });
  return runs;
}

/**
 * The runs as the kernels read them. A task fit (`task`) fits the metric: it
 * takes the place of the loss, and the loss becomes the law's input.
 */
export function fitDataFromRuns(runs: Runs, task = false): FitData {
  const ln = (a: Float64Array) => a.map(Math.log);
  const lnD = ln(runs.D);
  const target = task && runs.metric ? runs.metric : runs.loss;
  return {
    count: runs.N.length,
    lnN: ln(runs.N), lnD, lnC: ln(runs.C), lnU: runs.U ? ln(runs.U) : lnD,
    lnL: ln(target), loss: Float64Array.from(target), input: Float64Array.from(runs.loss),
    weight: runs.weight ? normalisedWeights(runs.weight) : new Float64Array(runs.N.length).fill(1),
  };
}

/**
 * The kernels' data for a fit of `spec`, with the checks the form needs of the
 * runs: unique tokens for data-constrained, and for a task form with a log
 * loss, metrics that have a log (rows named as in the input).
 */
export function fitDataFor(runs: Runs, spec: Pick<ObjectiveSpec, 'form' | 'loss'>): FitData {
  if (spec.form === 'data-constrained' && !runs.U) throw dataError('missing-column', 'missing-unique-column', {});
  const task = isTaskForm(spec.form);
  if (task && runs.metric && (spec.loss === 'huber' || spec.loss === 'squared')) {
    const i = runs.metric.findIndex((y) => !(y > 0));
    if (i >= 0) {
      const column = runs.columns.metric!, row = runs.rows[i];
      throw dataError('bad-value', 'metric-not-positive', { row, column: quote(column), loss: spec.loss, got: String(runs.metric[i]) }, { row, column });
    }
  }
  return fitDataFromRuns(runs, task);
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
