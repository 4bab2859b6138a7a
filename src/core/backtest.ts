/**
 * Backtesting a fit: can the small runs predict the big ones? Fit the law on
 * the runs up to a compute cutoff (or on all but the k largest-compute runs),
 * predict each held-out run, and report the errors run by run and in summary.
 * This is the check that matters for planning: a law is only as useful as its
 * extrapolation to budgets nobody has trained at yet.
 *
 * Held-out runs are predicted with the fitted law (any form) at their own
 * N, D, C and unique tokens; a task law predicts their score from their own
 * loss. Apply outlier rules (Epoch's `dropHighest`) when reading
 * the runs, before the split; `fitOptions.dropHighest` is refused because it
 * would thin the training set only.
 */

import { dataError, optionError } from '../i18n/error-words/options.js';
import { fit } from './fit.js';
import { FIT_OPTION_NAMES, type FitOptions } from './fit-options.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { evaluateLaw } from './forms-eval.js';
import { isTaskForm } from '../laws/index.js';
import type { FormName } from '../engine/types.js';
import type { Runs } from './runs-types.js';

export interface BacktestOptions {
  /** Hold out every run with C above this many FLOPs; train on C ≤ it. */
  holdoutAbove?: number;
  /** Hold out the k runs of largest C (ties: the later input row is held out first). */
  holdoutLargest?: number;
  /** Options for `fit` on the training runs (any form; no dropHighest). */
  fitOptions?: FitOptions;
}

/** Every option `backtest` knows; any other name is an OptionError (and `fitOptions` holds `fit`'s, FIT_OPTION_NAMES). */
export const BACKTEST_OPTION_NAMES = ['holdoutAbove', 'holdoutLargest', 'fitOptions'] as const satisfies readonly (keyof BacktestOptions)[];
type _BacktestOptionsListed = NoneMissing<Exclude<keyof BacktestOptions, (typeof BACKTEST_OPTION_NAMES)[number]>>;

const fitAny = (runs: Runs, options: FitOptions) => fit<FormName>(runs, options);
export type BacktestFit = Awaited<ReturnType<typeof fitAny>>;

/** One held-out run and its prediction. */
export interface HeldOutRun {
  /** 1-based data row in the input. */
  row: number;
  N: number;
  D: number;
  C: number;
  loss: number;
  /** The run's benchmark score, for a task law: what it predicts (from the run's own loss). */
  metric?: number;
  predicted: number;
  /** (predicted − actual) / actual, actual the loss (the metric for a task law): positive when the law over-predicts. */
  relativeError: number;
}

export interface BacktestSummary {
  /** Held-out runs. */
  runs: number;
  /** Mean and largest |relativeError|. */
  meanAbsRelativeError: number;
  maxAbsRelativeError: number;
  /** Mean signed relativeError: the bias (positive: predictions too pessimistic). */
  meanRelativeError: number;
  /** √(mean (ln predicted − ln actual)²), the scale the fit's objective works on; NaN when a value has no log (a task score of 0). */
  rmseLogLoss: number;
}

export interface BacktestResult {
  /** Runs fitted and runs held out (rows kept from the input). */
  training: Runs;
  heldOut: Runs;
  /** Largest C trained on; every held-out run has C ≥ it (> it with holdoutAbove). */
  cutoff: number;
  predictions: HeldOutRun[];
  summary: BacktestSummary;
  fit: BacktestFit;
}

/** Fewest training runs: the Chinchilla law has five parameters. */
export const MIN_TRAINING_RUNS = 5;

/**
 * The runs at `indices`, in that order, with their data rows kept. Every
 * per-run array (N, D, C, loss and any optional one such as U or weight) is
 * subset; the rest (columns, derivedD) is shared.
 */
export function selectRuns(runs: Runs, indices: ArrayLike<number>): Runs {
  const n = runs.N.length;
  const out: Record<string, unknown> = { ...runs };
  for (const [key, value] of Object.entries(runs)) {
    if (value instanceof Float64Array && value.length === n) out[key] = Float64Array.from(indices, (i) => value[i]);
  }
  out.rows = Int32Array.from(indices, (i) => runs.rows[i]);
  return out as unknown as Runs;
}

/** Splits runs into [those where `keep(i)` holds, the rest], input order kept in each. */
export function partitionRuns(runs: Runs, keep: (index: number) => boolean): [Runs, Runs] {
  const yes: number[] = [], no: number[] = [];
  for (let i = 0; i < runs.N.length; i++) (keep(i) ? yes : no).push(i);
  return [selectRuns(runs, yes), selectRuns(runs, no)];
}

export function heldOutMask(runs: Runs, o: BacktestOptions): boolean[] {
  const n = runs.C.length;
  const above = o.holdoutAbove, largest = o.holdoutLargest;
  if (above === undefined && largest === undefined) throw optionError('holdoutAbove', 'missing-holdout', {});
  if (above !== undefined && largest !== undefined) throw optionError('holdoutLargest', 'both-holdouts', {});
  if (above !== undefined) {
    if (!(typeof above === 'number' && Number.isFinite(above) && above > 0)) throw optionError('holdoutAbove', 'option-not-positive-flops', { option: 'holdoutAbove', got: String(above) });
    const mask = Array.from(runs.C, (c) => c > above);
    if (!mask.includes(true)) {
      const top = runs.C.reduce((m, c) => Math.max(m, c), 0);
      throw optionError('holdoutAbove', 'nothing-above', { above, top });
    }
    return mask;
  }
  if (!(Number.isInteger(largest) && largest! >= 1 && largest! < n)) {
    throw optionError('holdoutLargest', 'holdout-largest-range', { max: n - 1, n, got: String(largest) });
  }
  const order = Array.from(runs.C.keys()).sort((i, j) => runs.C[j] - runs.C[i] || j - i);
  const mask = new Array<boolean>(n).fill(false);
  for (const i of order.slice(0, largest)) mask[i] = true;
  return mask;
}

function checkFitOptions(f: FitOptions): void {
  if (f === null || typeof f !== 'object') throw optionError('fitOptions', 'option-not-object', { option: 'fitOptions' });
  checkOptionNames(f, FIT_OPTION_NAMES, 'fitOptions');
  if (f.dropHighest !== undefined) {
    throw optionError('fitOptions.dropHighest', 'backtest-drop-highest', { call: 'readRuns(…, { dropHighest })' });
  }
}

/** The summary statistics of a set of held-out predictions. */
export function summarize(predictions: readonly HeldOutRun[]): BacktestSummary {
  let abs = 0, max = 0, signed = 0, sq = 0;
  for (const p of predictions) {
    abs += Math.abs(p.relativeError);
    max = Math.max(max, Math.abs(p.relativeError));
    signed += p.relativeError;
    sq += Math.log(p.predicted / (p.metric ?? p.loss)) ** 2;
  }
  const n = predictions.length;
  return { runs: n, meanAbsRelativeError: abs / n, maxAbsRelativeError: max, meanRelativeError: signed / n, rmseLogLoss: Math.sqrt(sq / n) };
}

/**
 * Fit on the small runs, predict the large ones. Throws OptionError naming the
 * option for bad or missing holdout options, DataError ('too-few-runs') when
 * fewer than five runs are left to train on; errors of `fit` pass through.
 */
export async function backtest(runs: Runs, options: BacktestOptions): Promise<BacktestResult> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'backtest-not-object', {});
  checkOptionNames(options, BACKTEST_OPTION_NAMES);
  const fitOptions = options.fitOptions ?? {};
  checkFitOptions(fitOptions);
  const mask = heldOutMask(runs, options);
  const [heldOut, training] = partitionRuns(runs, (i) => mask[i]);
  if (training.N.length < MIN_TRAINING_RUNS) {
    throw dataError('too-few-runs', 'too-few-training-runs', { training: training.N.length, heldOut: heldOut.N.length, n: runs.N.length, min: MIN_TRAINING_RUNS });
  }
  const result = await fitAny(training, fitOptions);
  // A task law predicts each held-out run's score from the run's own loss (the second step alone).
  const task = heldOut.metric !== undefined && isTaskForm(result.form);
  const predictions: HeldOutRun[] = Array.from(heldOut.N, (N, i) => {
    const D = heldOut.D[i], loss = heldOut.loss[i];
    const predicted = evaluateLaw(result.law, { N, D, C: heldOut.C[i], U: heldOut.U?.[i] ?? D, L: loss });
    const actual = task ? heldOut.metric![i] : loss;
    return { row: heldOut.rows[i], N, D, C: heldOut.C[i], loss, ...(task && { metric: actual }), predicted, relativeError: (predicted - actual) / actual };
  });
  return {
    training,
    heldOut,
    cutoff: training.C.reduce((m, c) => Math.max(m, c), 0),
    predictions,
    summary: summarize(predictions),
    fit: result,
  };
}
