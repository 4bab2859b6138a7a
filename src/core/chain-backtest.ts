/**
 * Backtesting a chain, as the task papers check theirs: fit the loss law and
 * the task law on the smaller runs, then predict each held-out run's score
 * from its N and D alone (loss law → loss → task law), never from its observed
 * loss, and report the relative errors (Bhagia et al. 2024 report these for
 * the OLMo 2 ladder; Gadre et al. 2024 for their largest runs).
 */

import { dataError, optionError } from '../i18n/error-words/options.js';
import { fit } from './fit.js';
import { heldOutMask, partitionRuns, summarize, MIN_TRAINING_RUNS, type BacktestSummary, type HeldOutRun } from './backtest.js';
import { predictChain } from './chain.js';
import type { ChainStepOptions } from './chain-bootstrap.js';
import type { FitResult } from './fit-result.js';
import type { LossLaw, TaskLaw } from './forms-eval.js';
import type { FormName } from '../engine/types.js';
import type { Runs } from './runs-types.js';

export interface ChainBacktestOptions {
  holdoutAbove?: number;
  holdoutLargest?: number;
  /** The loss law's fit (default Chinchilla) and the task law's (form task-exp or task-sigmoid). */
  lossFit?: ChainStepOptions;
  taskFit: ChainStepOptions;
}

/** A held-out run: `predicted` is its chained score, `predictedLoss` the loss the chain went through. */
export interface ChainHeldOutRun extends HeldOutRun {
  metric: number;
  predictedLoss: number;
}

export interface ChainBacktestResult {
  training: Runs;
  heldOut: Runs;
  cutoff: number;
  predictions: ChainHeldOutRun[];
  /** Errors of the chained score against the observed score. */
  summary: BacktestSummary;
  lossFit: FitResult<FormName>;
  taskFit: FitResult<FormName>;
}

export async function backtestChain(runs: Runs, options: ChainBacktestOptions): Promise<ChainBacktestResult> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'backtest-not-object', {});
  if (!runs.metric) throw dataError('missing-column', 'chain-backtest-no-metric', {});
  const mask = heldOutMask(runs, options);
  const [heldOut, training] = partitionRuns(runs, (i) => mask[i]);
  if (training.N.length < MIN_TRAINING_RUNS) {
    throw dataError('too-few-runs', 'too-few-training-runs', { training: training.N.length, heldOut: heldOut.N.length, n: runs.N.length, min: MIN_TRAINING_RUNS });
  }
  const lossFit = await fit<FormName>(training, { ...options.lossFit });
  const taskFit = await fit<FormName>(training, { ...options.taskFit });
  const points = Array.from(heldOut.N, (N, i) => ({ N, D: heldOut.D[i], C: heldOut.C[i], U: heldOut.U?.[i] ?? heldOut.D[i] }));
  const chain = predictChain(lossFit.law as LossLaw, taskFit.law as TaskLaw, points);
  const predictions: ChainHeldOutRun[] = chain.map((p, i) => {
    const metric = heldOut.metric![i];
    return {
      row: heldOut.rows[i], N: p.N, D: p.D, C: p.C, loss: heldOut.loss[i], metric,
      predicted: p.metric, predictedLoss: p.loss, relativeError: (p.metric - metric) / metric,
    };
  });
  return {
    training, heldOut, cutoff: training.C.reduce((m, c) => Math.max(m, c), 0),
    predictions, summary: summarize(predictions), lossFit, taskFit,
  };
}
