/**
 * Bootstrap uncertainty for a Chinchilla fit (docs/fitting.md, "Uncertainty";
 * after Besiroglu et al. 2024): resample the runs with replacement, refit
 * each resample from a fixed start, and report percentile intervals for
 * A, B, E, α, β and for what they imply: the allocation exponents
 * a = β/(α+β) and b = α/(α+β), G, N*(C), D*(C), tokens per parameter and
 * the predicted loss at chosen (N, D).
 *
 * The refit is injected (`BootstrapRefit`): it receives one weight vector per
 * replicate (weight i = times run i was drawn; see src/stats/resample.ts) and
 * must fit the weighted objective Σᵢ wᵢ·h(rᵢ), which equals the objective on
 * the drawn rows. This module knows nothing of engines or workers.
 *
 * A replicate fails when its refit did not converge, returned a non-finite θ,
 * or gave parameters the law cannot use (α ≤ 0, β ≤ 0, A or B not a positive
 * finite number). Failed replicates are NaN in `samples`, counted in
 * `failed`, and left out of every interval, standard deviation and the
 * correlation matrix.

 * The same for any form: ./bootstrap-law.ts.
 */

import { optionError } from '../i18n/error-words/fit.js';
import { LIMITS, clip } from './limits.js';
import { checkParams, computeOptimal, predict, type ChinchillaParams } from './law.js';
import { lawFromTheta, thetaNames } from './forms.js';
import type { Law } from './forms-eval.js';
import { defaultSpec, paramCount, type ObjectiveSpec } from '../engine/types.js';
import { chinchilla } from '../laws/chinchilla.js';
import type { Runs } from './runs-types.js';
import type { ResampleRng } from '../stats/resample.js';
import { listWithin, resolveCommon, thetaOf } from './bootstrap-options.js';
import { refitReplicates } from './bootstrap-loop.js';
import { correlationMatrix, percentileOfSorted, sortedWithoutNaN, standardDeviation } from '../stats/intervals.js';

/** Log-space Chinchilla parameters θ = (a, b, e, α, β): A = eᵃ, B = eᵇ, E = eᵉ (as `FitResult.theta`). */
export interface ChinchillaTheta {
  a: number;
  b: number;
  e: number;
  alpha: number;
  beta: number;
}

/**
 * Refits a batch of resamples: `weights[k][i]` is how many times replicate k
 * drew run i (a count, 0 when left out; runs that carry their own
 * `Runs.weight` need it multiplied in by the refit). θ in and out is
 * (a, b, e, α, β).
 */
export interface BootstrapRefit {
  (weights: Float64Array[], start: Float64Array): Promise<{ theta: Float64Array[]; converged: boolean[] }>;
}

export interface BootstrapOptions {
  /** The runs that were fitted; weights follow their order. */
  runs: Runs;
  /** Fits the weighted objective for each weight vector, from `start`. */
  refit: BootstrapRefit;
  /** θ₀ every refit starts from: the point estimate (docs/fitting.md, "Uncertainty"); Epoch's notebook used Hoffmann's values. */
  start: ChinchillaTheta;
  /** The point estimate, reported beside each interval when given. */
  estimate?: ChinchillaTheta;
  /** Replicates; default 4,000 (Epoch); at most 100,000 (LIMITS.resamples, fixed). */
  resamples?: number;
  /** Integer in [0, 2³²); default 42 (Epoch). */
  seed?: number;
  /** 'default' (the kit's draws) or 'numpy' (the draws of np.random.seed + choice); default 'default'. */
  rng?: ResampleRng;
  /** Central interval level in (0, 1); default 0.95. */
  level?: number;
  /** Compute budgets C (FLOPs) for intervals on N*, D* and tokens per parameter. */
  budgets?: readonly number[];
  /** Points (N, D) for intervals on the predicted loss. */
  at?: readonly { N: number; D: number }[];
  /** Replicates per refit call; default 100. */
  batchSize?: number;
  signal?: AbortSignal;
  /** Called after each batch with (replicates done, replicates total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called for each replicate, in order, with θ as the refit returned it and
   * whether the replicate was used (false: it failed); e.g. for diagnostics.
   */
  onReplicate?: (k: number, theta: Float64Array, used: boolean) => void;
}

/** A bootstrap summary of one quantity over the replicates that did not fail. */
export interface Interval {
  /** Percentiles 50·(1 ∓ level), numpy's 'linear' method. */
  lo: number;
  hi: number;
  median: number;
  /** Standard deviation over replicates (divisor count − 1): the bootstrap standard error. */
  sd: number;
  /** The quantity at `options.estimate`, when given. */
  estimate?: number;
}

export interface BudgetInterval {
  C: number;
  N: Interval;
  D: Interval;
  tokensPerParam: Interval;
}

export interface LossInterval extends Interval {
  N: number;
  D: number;
}

export type ParamKey = keyof ChinchillaParams;

export interface BootstrapResult {
  resamples: number;
  failed: number;
  level: number;
  rng: ResampleRng;
  seed: number;
  params: Record<ParamKey, Interval>;
  derived: { a: Interval; b: Interval; G: Interval; perBudget: BudgetInterval[]; loss: LossInterval[] };
  /** Pearson correlation over replicates of θ = (ln A, ln B, ln E, α, β), in `CORRELATION_KEYS` order. */
  correlation: number[][];
  /** Per-replicate parameters (NaN where the replicate failed), e.g. to draw a band. */
  samples: Record<ParamKey, Float64Array>;
}

/** The order of `correlation`'s rows and columns: log-space θ, where the bootstrap cloud is least skewed. */
export const CORRELATION_KEYS: readonly (keyof ChinchillaTheta)[] = ['a', 'b', 'e', 'alpha', 'beta'];
const PARAM_KEYS: readonly ParamKey[] = ['A', 'B', 'E', 'alpha', 'beta'];

const isPositiveFinite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

function resolve(o: BootstrapOptions) {
  const common = resolveCommon(o);
  const budgets = o.budgets ?? [];
  if (!Array.isArray(budgets)) throw optionError('budgets', 'bootstrap-budgets-not-array', {});
  listWithin('budgets', budgets, LIMITS.budgets, 'budgets');
  budgets.forEach((C, i) => {
    if (!isPositiveFinite(C)) throw optionError(`budgets[${i}]`, 'bootstrap-budget-bad', { index: i, got: clip(String(C)) });
  });
  const at = o.at ?? [];
  if (!Array.isArray(at)) throw optionError('at', 'bootstrap-at-not-array', { shape: '{ N, D }' });
  listWithin('at', at, LIMITS.points, 'points');
  at.forEach((p, i) => {
    for (const k of ['N', 'D'] as const) {
      if (!isPositiveFinite(p?.[k])) throw optionError(`at[${i}].${k}`, 'bootstrap-at-bad', { index: i, key: k, got: clip(String(p?.[k])) });
    }
  });
  return {
    ...common,
    budgets,
    at,
    start: thetaOf('start', o.start as unknown as Record<string, number>, CORRELATION_KEYS),
    estimate: o.estimate === undefined ? undefined : usableEstimate(o.estimate),
  };
}

function usableEstimate(value: ChinchillaTheta): Float64Array {
  const t = thetaOf('estimate', value as unknown as Record<string, number>, CORRELATION_KEYS);
  if (!paramsOf(t)) throw optionError('estimate', 'bootstrap-estimate-not-law', { theta: Array.from(t).join(', ') });
  return t;
}

/** A, B, E, α, β from θ, or null when the law cannot use them. */
function paramsOf(t: ArrayLike<number>): ChinchillaParams | null {
  const { params } = chinchilla.fromTheta(defaultSpec(), t);
  try {
    checkParams(params);
  } catch {
    return null;
  }
  return params;
}

/** Every per-replicate quantity, one column each (NaN where the replicate failed). */
function columnsFor(count: number, budgets: number, points: number) {
  const column = () => new Float64Array(count).fill(NaN);
  const many = (k: number) => Array.from({ length: k }, column);
  return {
    theta: many(5),
    params: Object.fromEntries(PARAM_KEYS.map((k) => [k, column()])) as Record<ParamKey, Float64Array>,
    a: column(), b: column(), G: column(),
    N: many(budgets), D: many(budgets), tokensPerParam: many(budgets),
    loss: many(points),
  };
}
type Columns = ReturnType<typeof columnsFor>;

/** Fills replicate k's entries of every column from its parameters (left NaN when params is null). */
function record(cols: Columns, k: number, t: ArrayLike<number>, params: ChinchillaParams | null, budgets: readonly number[], at: readonly { N: number; D: number }[]): void {
  if (!params) return;
  for (let j = 0; j < 5; j++) cols.theta[j][k] = t[j];
  for (const key of PARAM_KEYS) cols.params[key][k] = params[key];
  at.forEach((p, i) => (cols.loss[i][k] = predict(params, p.N, p.D)));
  const unit = optimal(params, 6); // G, a and b do not depend on C
  if (!unit) return; // a split beyond double precision: the allocation columns stay NaN (left out) for this replicate
  cols.a[k] = unit.a;
  cols.b[k] = unit.b;
  cols.G[k] = unit.G;
  budgets.forEach((C, i) => {
    const o = optimal(params, C);
    if (!o) return;
    cols.N[i][k] = o.N;
    cols.D[i][k] = o.D;
    cols.tokensPerParam[i][k] = o.tokensPerParam;
  });
}

/** computeOptimal, or null where the split cannot be represented (extreme constants). */
function optimal(params: ChinchillaParams, C: number): ReturnType<typeof computeOptimal> | null {
  try {
    return computeOptimal(params, C);
  } catch {
    return null;
  }
}

export function summarize(values: Float64Array, level: number, estimate: number | undefined): Interval {
  const sorted = sortedWithoutNaN(values);
  const interval: Interval = {
    lo: percentileOfSorted(sorted, 50 - 50 * level),
    hi: percentileOfSorted(sorted, 50 + 50 * level),
    median: percentileOfSorted(sorted, 50),
    sd: standardDeviation(sorted),
  };
  if (estimate !== undefined) interval.estimate = estimate;
  return interval;
}

/**
 * Runs the bootstrap of a Chinchilla fit (the replicate loop: `refitReplicates`)
 * and summarises A, B, E, α, β and what they imply.
 */
export async function bootstrapChinchilla(options: BootstrapOptions): Promise<BootstrapResult> {
  const o = resolve(options);
  const cols = columnsFor(o.resamples, o.budgets.length, o.at.length);
  let failed = 0;
  await refitReplicates({ ...o, P: 5 }, options, (k, t, converged) => {
    const params = converged ? paramsOf(t) : null;
    if (!params) failed++;
    record(cols, k, t, params, o.budgets, o.at);
    options.onReplicate?.(k, t, params !== null);
  });

  const est = o.estimate ? paramsOf(o.estimate) : null;
  const estUnit = est ? optimal(est, 6) : null;
  const S = (values: Float64Array, estimate?: number) => summarize(values, o.level, estimate);
  return {
    resamples: o.resamples,
    failed,
    level: o.level,
    rng: o.rng,
    seed: o.seed,
    params: Object.fromEntries(PARAM_KEYS.map((k) => [k, S(cols.params[k], est?.[k])])) as Record<ParamKey, Interval>,
    derived: {
      a: S(cols.a, estUnit?.a),
      b: S(cols.b, estUnit?.b),
      G: S(cols.G, estUnit?.G),
      perBudget: o.budgets.map((C, i) => {
        const e = est ? optimal(est, C) : null;
        return { C, N: S(cols.N[i], e?.N), D: S(cols.D[i], e?.D), tokensPerParam: S(cols.tokensPerParam[i], e?.tokensPerParam) };
      }),
      loss: o.at.map(({ N, D }, i) => ({ N, D, ...S(cols.loss[i], est ? predict(est, N, D) : undefined) })),
    },
    correlation: correlationMatrix(cols.theta),
    samples: cols.params,
  };
}
