/**
 * What `fit` returns: the law, how the optimiser got there, and what the
 * result says about how far it can be trusted (docs/diagnostics.md).
 */

import type { Strategy, Theta } from './fit-options.js';
import type { Law } from './forms-eval.js';
import type { Diagnostic, FitStatus } from './diagnostic-codes.js';
import type { Runs } from './runs-types.js';
import type { FreeScale } from './free-scale.js';
import type { EngineName, FormName, LossName } from '../engine/types.js';

export type LawOf<F extends FormName> = Extract<Law, { form: F }>;

export interface FitResult<F extends FormName = FormName> {
  form: F;
  loss: LossName;
  delta: number;
  strategy: Strategy;
  /** The fitted law, ready for predict/plan/draw. */
  law: LawOf<F>;
  /** Its published parameters (chinchilla: A, B, E, alpha, beta). */
  params: LawOf<F>['params'];
  /** The raw parameters the optimiser worked on (logs of scale parameters), by name. */
  theta: Theta;
  /** Objective at the optimum (e.g. summed Huber of log residuals; with a free scale, at threshold δσ). */
  objective: number;
  /** With `scale: 'free'`: the fitted scale σ of the log residuals and the negative log-likelihood (src/core/free-scale.ts). */
  scale?: FreeScale;
  /** True when the best start stopped at a minimum, not at a limit. */
  converged: boolean;
  /**
   * Why the polish of the best start stopped, as a code (`gradient-tolerance`, `no-decrease`,
   * `rounding`; `iteration-limit`, `evaluation-limit`, `not-finite`, `gradient-not-finite` when
   * not converged). Words: `describeStatus` (src/i18n/status.ts).
   */
  status: FitStatus;
  /** ‖∇f‖∞ at the optimum. */
  gradientNorm: number;
  starts: {
    /** Starts run to convergence. */
    total: number;
    /** Starts whose objective ended within 1e-9 relative of the best. */
    withinTolerance: number;
    /** Starts that stopped at a (local) minimum rather than at a limit. */
    converged: number;
  };
  /** Objective evaluations and L-BFGS iterations over all starts and the polish. */
  evaluations: number;
  iterations: number;
  engine: EngineName;
  /** Worker threads used (0: the calling thread). */
  workers: number;
  /** Wall time in milliseconds. */
  ms: number;
  /** Runs fitted. */
  runs: number;
  /**
   * Raw parameters (names of `theta`) that ended on one of the `lower`/`upper`
   * bounds: the optimum of the bounded problem, perhaps not of the law. Each
   * also has an `at-bound` diagnostic. Empty when no bound is active.
   */
  atBounds: string[];
  /** Which input column fed each quantity (N, D, C, loss, and U or weight when read). */
  columns: Runs['columns'];
  /**
   * How far the result can be trusted, and how it ran (a fallback to the TypeScript engine or to
   * this thread), as codes with values (src/core/diagnostic-codes.ts; words in src/i18n/diagnostics.ts).
   * Any `warning` or `error` means this is not a plain success.
   */
  diagnostics: Diagnostic[];
  /**
   * True when independent evidence says this is the global optimum of the objective: at least
   * two starts from different places ended in it and a spread of check starts found nothing lower.
   * False (with a `not-certified` diagnostic) when that could not be shown.
   */
  certified: boolean;
  /** Sandwich standard errors of θ by name (NaN where the curvature is singular; see `diagnostics`). */
  standardErrors: Theta;
}
