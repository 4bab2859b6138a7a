/**
 * A compute multiplier with bootstrap intervals, when both laws come from
 * runs: each law's runs are resampled and refitted on their own (the two sets
 * are different experiments, so their replicates are drawn independently:
 * seeds `seed` and `seed + 1`), and replicate k's multiplier is computed from
 * replicate k of each.
 */

import { optionError } from '../i18n/error-words/planning.js';
import { fit } from './fit.js';
import { bootstrap } from './bootstrap-fit.js';
import { summarize, type Interval } from './bootstrap.js';
import { replicateColumns, replicateLaws, stepProgress, type ReplicateOptions } from './replicate-laws.js';
import { checkBudgets, computeMultiplier } from './compare.js';
import type { FitOptions } from './fit-options.js';
import type { FitResult } from './fit-result.js';
import type { Diagnostic } from './diagnostic-codes.js';
import type { FormName } from '../engine/types.js';
import type { RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';

/** With `ReplicateOptions`: replicates (default 1,000), seed (default 42; B's replicates use seed + 1), generator, level. */
export interface MultiplierBootstrapOptions extends ReplicateOptions {
  /** Fit options for each set of runs (default Chinchilla). */
  fitA?: Omit<FitOptions, 'signal' | 'onProgress'>;
  fitB?: Omit<FitOptions, 'signal' | 'onProgress'>;
  budgets: readonly number[];
}

export interface MultiplierInterval {
  C: number;
  /** Law B's compute-optimal loss at C, and the multiplier; each `estimate` is from the fits of all runs. */
  loss: Interval;
  multiplier: Interval;
}

export interface MultiplierBootstrapResult {
  fitA: FitResult<FormName>;
  fitB: FitResult<FormName>;
  budgets: MultiplierInterval[];
  resamples: number;
  /** Replicates with no multiplier: a refit failed, or a replicate law had no compute-optimal split or could not reach B's loss. */
  failed: number;
  level: number;
  diagnostics: { A: Diagnostic[]; B: Diagnostic[] };
}

export async function bootstrapMultiplier(runsA: Runs | RunsInput, runsB: Runs | RunsInput, options: MultiplierBootstrapOptions): Promise<MultiplierBootstrapResult> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'not-an-object', { option: 'options', got: String(options) });
  checkBudgets(options.budgets);
  const { signal } = options;
  const fitA = { ...options.fitA }, fitB = { ...options.fitB };
  const a = await fit<FormName>(runsA, { ...fitA, signal });
  const b = await fit<FormName>(runsB, { ...fitB, signal });
  const estimate = computeMultiplier(a.law, b.law, options.budgets, options.plan);
  const seed = options.seed ?? 42;
  const shared = { resamples: options.resamples ?? 1000, rng: options.rng, level: options.level, signal };
  const bootA = await bootstrap<FormName>(runsA, { ...fitA, ...shared, seed, start: a.theta, estimate: a.theta, onProgress: stepProgress(options.onProgress, 0, 2) });
  const bootB = await bootstrap<FormName>(runsB, { ...fitB, ...shared, seed: (seed + 1) % 2 ** 32, start: b.theta, estimate: b.theta, onProgress: stepProgress(options.onProgress, 1, 2) });
  const R = bootA.resamples;
  const lawsA = replicateLaws(fitA, bootA.samples as Record<string, Float64Array>, a.theta, R);
  const lawsB = replicateLaws(fitB, bootB.samples as Record<string, Float64Array>, b.theta, R);
  const n = options.budgets.length;
  // Row k: B's loss at each budget, then the multiplier at each.
  const { columns, failed } = replicateColumns(R, 2 * n, (k) => {
    if (!lawsA[k] || !lawsB[k]) return undefined;
    const m = computeMultiplier(lawsA[k]!, lawsB[k]!, options.budgets, options.plan);
    return [...m.map((x) => x.loss), ...m.map((x) => x.multiplier)];
  });
  const level = bootA.level;
  return {
    fitA: a, fitB: b,
    budgets: estimate.map((x, j) => ({ C: x.C, loss: summarize(columns[j], level, x.loss), multiplier: summarize(columns[n + j], level, x.multiplier) })),
    resamples: R, failed, level,
    diagnostics: { A: bootA.diagnostics, B: bootB.diagnostics },
  };
}
