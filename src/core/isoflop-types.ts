/**
 * The options and results of the isoFLOP analysis (./isoflop.ts), shared by
 * its two ways of finding a budget's optimum: a parabola (./isoflop.ts) and
 * an Akima spline with a seed-noise bootstrap (./isoflop-akima.ts).
 */

import type { ErrorMessageDetail } from '../errors.js';
import type { AllocationFit } from './loglinear.js';

/**
 * Why a budget was rejected: too few runs or sizes; the parabola opens
 * downward; the optimum is outside (parabola) or at an end of (Akima) the
 * sampled sizes; or, Akima only, fewer than half the noise replicas found an
 * optimum inside the sampled sizes ('unstable').
 */
export type IsoflopRejection = 'too-few-points' | 'not-convex' | 'vertex-outside' | 'unstable';

export type IsoflopApproach = 'parabola' | 'akima';

export interface IsoflopOptions {
  /** Nominal budgets (FLOPs) to snap runs to; default: group runs whose C agree within `tolerance`. */
  budgets?: readonly number[];
  /** Relative tolerance on C for snapping or grouping; default 0.1 (Open-Athena snaps Chinchilla's points within 10%). */
  tolerance?: number;
  /**
   * Fewest runs for a budget to be fitted; default 3, the fewest that determine
   * a parabola. Digitised sets have budgets of 6 points (Llama 3); raise it
   * (Open-Athena's QC uses 6) to demand a residual check.
   */
  minPoints?: number;
  /** Log base of x = log N for the parabola (its reported coefficients); default 10. Optima do not depend on it. */
  logBase?: number;
  /**
   * How each isoFLOP optimum is found: 'parabola' (default; least squares of L
   * on log N and (log N)², Hoffmann et al. 2022) or 'akima' (an Akima spline
   * of ln L on ln N with a seed-noise bootstrap, Porian et al. 2024; ./isoflop-akima.ts).
   */
  approach?: IsoflopApproach;
  /** Akima only: standard deviation of the Gaussian noise added to each loss in a replica; default 0.002 (Porian et al., RefinedWeb). */
  seedNoise?: number;
  /** Akima only: noise replicas per budget; default 1000, at most LIMITS.replicas. */
  replicas?: number;
  /** Akima only: seed of the noise (an integer in [0, 2³²)); default 42. */
  seed?: number;
  /** Confidence level of the exponent intervals; default 0.95. */
  level?: number;
}

/** One budget's profile. Optimum quantities are NaN when the budget was rejected. */
export interface IsoflopBudget {
  /** The budget: nominal when snapped, else the geometric mean of the group's C. */
  C: number;
  /** Runs in the budget, and their 1-based data rows. */
  points: number;
  rows: Int32Array;
  /** Smallest and largest N sampled. */
  Nmin: number;
  Nmax: number;
  accepted: boolean;
  reason?: IsoflopRejection;
  /** Why, in English; `detail` is the same as a message key and its values. */
  message?: string;
  detail?: ErrorMessageDetail;
  /**
   * The optimum: N*, D* = C/(6N*) and the loss there. Parabola: the vertex
   * N* = logBase^x* and the parabola's loss at it. Akima: the medians over
   * the valid replicas of the spline's minimiser and of its minimum.
   */
  N: number;
  D: number;
  loss: number;
  /** p, the coefficient of x² (NaN when no parabola was fitted, and always with Akima). */
  curvature: number;
  /** L = p·x² + q·x + r with x = log N in `logBase`; null when no parabola was fitted (always with Akima). */
  coefficients: { p: number; q: number; r: number } | null;
  /** Akima only: the minimiser of the spline through the measured losses, before any noise (NaN when the budget has too few sizes). */
  splineN?: number;
  /** Akima only: the standard deviation of ln N* over the valid replicas, floored and inflated (./isoflop-akima.ts); the weights of the allocation fit are 1/std². */
  lnNStd?: number;
  /** Akima only: replicas whose spline minimum lies inside the sampled sizes, of `replicas`. */
  validReplicas?: number;
  replicas?: number;
}

/**
 * An allocation law with how its interval was made: 'student-t' (parabola:
 * OLS through the vertices, t interval with `dof` degrees of freedom) or
 * 'percentile-bootstrap' (Akima: weighted least squares through the bootstrap
 * medians; `lo`, `hi`, `kLo`, `kHi` are percentiles of the same fit repeated
 * on each of `replicaFits` noise replicas, and `se` their standard deviation).
 */
export type IsoflopAllocation<E extends string> = AllocationFit<E> & {
  interval: 'student-t' | 'percentile-bootstrap';
  /** Percentile bootstrap only: how many replica fits the percentiles are over. */
  replicaFits?: number;
};

/** The options as applied: defaults filled in; the Akima ones only with that approach. */
export interface IsoflopResolved {
  tolerance: number;
  minPoints: number;
  logBase: number;
  approach: IsoflopApproach;
  level: number;
  budgets?: readonly number[];
  seedNoise?: number;
  replicas?: number;
  seed?: number;
}

export interface IsoflopResult {
  /** Every budget, ascending C, accepted or not. */
  budgets: IsoflopBudget[];
  /** N* = k·C^a over the accepted budgets. */
  N: IsoflopAllocation<'a'>;
  /** D* = k·C^b; since D* = C/(6N*), b = 1 − a and k_D = 1/(6k_N) up to rounding. */
  D: IsoflopAllocation<'b'>;
  /** Budgets accepted. */
  accepted: number;
  /** Data rows of runs within tolerance of no nominal budget (empty when grouping). */
  unassigned: Int32Array;
  options: IsoflopResolved;
  /** The fitted allocation at compute C: N = k_N·C^a, D = k_D·C^b. */
  predict(C: number): { N: number; D: number };
}
