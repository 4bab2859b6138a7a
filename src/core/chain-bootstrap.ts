/**
 * Intervals for a chained prediction that carry the uncertainty of both
 * steps: one bootstrap over the runs refits the loss law and the task law on
 * the same resample, replicate for replicate, and the chain is evaluated with
 * each pair. The two refits share their resamples because the resampler
 * depends only on the seed, the generator and the number of runs
 * (src/stats/resample.ts), and both fits read the very same runs.
 */

import { optionError } from '../i18n/error-words/fit.js';
import { fit } from './fit.js';
import { bootstrap } from './bootstrap-fit.js';
import { summarize, type Interval } from './bootstrap.js';
import type { FitOptions } from './fit-options.js';
import { runsForFit } from './fit-data.js';
import { replicateColumns, replicateLaws, stepProgress, type ReplicateOptions } from './replicate-laws.js';
import { predictChain, type ChainPoint } from './chain.js';
import type { Diagnostic } from './diagnostic-codes.js';
import type { LossLaw, TaskLaw } from './forms-eval.js';
import type { FormName } from '../engine/types.js';
import type { RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import type { FitResult } from './fit-result.js';

/** Options of each step's fit; how the runs are read is said once, for both (below). */
export type ChainStepOptions = Omit<FitOptions, 'columns' | 'dropHighest' | 'weights' | 'metric' | 'signal' | 'onProgress'>;

/** With `ReplicateOptions` as `bootstrap` takes them: replicates (default 4,000), seed, generator, level. */
export interface ChainBootstrapOptions extends ReplicateOptions {
  /** The loss law's fit; default the Chinchilla form with its defaults. */
  lossFit?: ChainStepOptions;
  /** The task law's fit: `form` task-exp or task-sigmoid. */
  taskFit: ChainStepOptions;
  /** Where to predict: { N, D } or { C } (spent compute-optimally under each replicate's loss law). */
  at: readonly ChainPoint[];
  /** Reading the runs, once for both fits. */
  columns?: FitOptions['columns'];
  metric?: string;
  weights?: string;
  dropHighest?: number;
}

export interface ChainInterval {
  N: number;
  D: number;
  C: number;
  /** The loss and the score, each with `estimate` the chain of the two fits of all runs. */
  loss: Interval;
  metric: Interval;
}

export interface ChainBootstrapResult {
  lossFit: FitResult<FormName>;
  taskFit: FitResult<FormName>;
  predictions: ChainInterval[];
  resamples: number;
  /** Replicates without a chain: either refit failed, or the chain had no finite value at some point. */
  failed: number;
  level: number;
  /** What each step's bootstrap said (its own diagnostics, with those of its estimate). */
  diagnostics: { loss: Diagnostic[]; task: Diagnostic[] };
}

const STEP_READING = ['columns', 'dropHighest', 'weights', 'metric', 'signal', 'onProgress'] as const;

function checkStep(option: 'lossFit' | 'taskFit', o: ChainStepOptions | undefined): void {
  if (o === undefined) return;
  if (o === null || typeof o !== 'object') throw optionError(option, 'not-an-object', { option, got: String(o) });
  for (const key of STEP_READING) if (key in o) throw optionError(`${option}.${key}`, 'chain-step-reads-runs', { option, key });
}

/** A chained prediction with bootstrap intervals over both steps (see the file's comment). */
export async function bootstrapChain(input: Runs | RunsInput, options: ChainBootstrapOptions): Promise<ChainBootstrapResult> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'not-an-object', { option: 'options', got: String(options) });
  checkStep('lossFit', options.lossFit);
  checkStep('taskFit', options.taskFit);
  const lossFit = { ...options.lossFit }, taskFit = { ...options.taskFit };
  // Both steps fit this one Runs value, so replicate k of each bootstrap is the same resample.
  const runs = runsForFit(input, { form: taskFit.form, columns: options.columns, metric: options.metric, weights: options.weights, dropHighest: options.dropHighest }, 5);
  const signal = options.signal;
  const lossEstimate = await fit<FormName>(runs, { ...lossFit, signal });
  const taskEstimate = await fit<FormName>(runs, { ...taskFit, signal });
  // Checks the laws and the points before any refit.
  const estimate = predictChain(lossEstimate.law as LossLaw, taskEstimate.law as TaskLaw, options.at, options.plan);
  const shared = { resamples: options.resamples, seed: options.seed, rng: options.rng, level: options.level, signal };
  const lossBoot = await bootstrap<FormName>(runs, { ...lossFit, ...shared, start: lossEstimate.theta, estimate: lossEstimate.theta, onProgress: stepProgress(options.onProgress, 0, 2) });
  const taskBoot = await bootstrap<FormName>(runs, { ...taskFit, ...shared, start: taskEstimate.theta, estimate: taskEstimate.theta, onProgress: stepProgress(options.onProgress, 1, 2) });
  const R = lossBoot.resamples;
  const lossLaws = replicateLaws(lossFit, lossBoot.samples as Record<string, Float64Array>, lossEstimate.theta, R);
  const taskLaws = replicateLaws(taskFit, taskBoot.samples as Record<string, Float64Array>, taskEstimate.theta, R);
  const n = options.at.length;
  // Row k: the chain's loss at each point, then its score at each point.
  const { columns, failed } = replicateColumns(R, 2 * n, (k) => {
    const l = lossLaws[k], t = taskLaws[k];
    if (!l || !t) return undefined;
    const chain = predictChain(l as LossLaw, t as TaskLaw, options.at, options.plan);
    return [...chain.map((p) => p.loss), ...chain.map((p) => p.metric)];
  });
  const level = lossBoot.level;
  return {
    lossFit: lossEstimate, taskFit: taskEstimate,
    predictions: estimate.map((p, j) => ({
      N: p.N, D: p.D, C: p.C,
      loss: summarize(columns[j], level, p.loss), metric: summarize(columns[n + j], level, p.metric),
    })),
    resamples: R, failed, level,
    diagnostics: { loss: lossBoot.diagnostics, task: taskBoot.diagnostics },
  };
}
