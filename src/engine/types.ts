/**
 * What every engine (WebAssembly builds and the TypeScript twin) offers: the
 * objective with its gradient, and L-BFGS from a batch of starts. Engines are
 * synchronous and single-threaded; src/engine/pool.ts spreads batches over
 * workers.
 */

export type EngineName = 'relaxed-simd' | 'simd' | 'scalar' | 'js';

/** Numeric ids shared with the WebAssembly core (assembly/objective.ts). */
export const FORM_IDS = { chinchilla: 0 } as const;
export type FormName = keyof typeof FORM_IDS;
export const LOSS_IDS = { huber: 0, squared: 1 } as const;
export type LossName = keyof typeof LOSS_IDS;

export const PARAM_COUNT: Record<FormName, number> = { chinchilla: 5 };

/** Runs in log space (structure of arrays). */
export interface LogPoints {
  readonly count: number;
  readonly lnN: Float64Array;
  readonly lnD: Float64Array;
  readonly lnL: Float64Array;
}

export interface ObjectiveSpec {
  form: FormName;
  loss: LossName;
  /** Huber threshold on log residuals. */
  delta: number;
}

export interface SolverSettings {
  maxIter: number;
  maxEvals: number;
  /** Stop when ‖projected ∇f‖∞ ≤ gtol·|f|. */
  gtol: number;
  /** Stop when the relative decrease is ≤ ftol on 3 consecutive iterations (0: never). */
  ftol: number;
  lower?: Float64Array;
  upper?: Float64Array;
}

/** One row per start: final θ (row-major, P per start), objective, counts, status. */
export interface BatchResult {
  readonly params: number;
  readonly theta: Float64Array;
  readonly f: Float64Array;
  readonly iterations: Int32Array;
  readonly evals: Int32Array;
  readonly status: Int32Array;
}

export interface Engine {
  readonly name: EngineName;
  setPoints(points: LogPoints): void;
  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number;
  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings): BatchResult;
}

/** Solver status codes (assembly/solve/lbfgs.ts). */
export const STATUS_TEXT = [
  'gradient below tolerance',
  'objective stopped decreasing',
  'converged to rounding precision',
  'iteration limit reached',
  'evaluation limit reached',
  'objective not finite at the start',
] as const;

/** Statuses that mean the optimiser stopped at a minimum rather than at a limit. */
export function isConvergedStatus(status: number): boolean {
  return status === 0 || status === 1 || status === 2;
}
