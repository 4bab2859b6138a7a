/**
 * What every engine (WebAssembly builds and the TypeScript twin) offers: the
 * objective with its gradient, and L-BFGS from a batch of starts. Engines are
 * synchronous and single-threaded; src/engine/pool.ts spreads batches over
 * workers.
 */

export type EngineName = 'relaxed-simd' | 'simd' | 'scalar' | 'js';

import type { FormName, LossName, Variable } from '../laws/names.js';

export { FORM_IDS, LOSS_IDS, VARIABLE_IDS, type FormName, type LossName, type Variable } from '../laws/names.js';

/** The engines, fastest first: what `engine` options accept besides 'auto'. */
export const ENGINE_NAMES: readonly EngineName[] = ['relaxed-simd', 'simd', 'scalar', 'js'];

/** The runs as the kernels read them (structure of arrays, one entry per run). */
export interface FitData {
  readonly count: number;
  readonly lnN: Float64Array;
  readonly lnD: Float64Array;
  readonly lnC: Float64Array;
  /** ln of unique tokens (data-constrained form); equals lnD where not given. */
  readonly lnU: Float64Array;
  readonly lnL: Float64Array;
  readonly loss: Float64Array;
  /**
   * The raw input of the task forms: the loss each run's metric is predicted
   * from (lnL and loss then hold the metric). Equals `loss` for loss laws.
   */
  readonly input: Float64Array;
  /** Per-run weights (1 by default; bootstrap multiplicities). */
  readonly weight: Float64Array;
}

export interface ObjectiveSpec {
  form: FormName;
  loss: LossName;
  /** Huber threshold on log residuals. */
  delta: number;
  /** Weight on over-predictions for the asymmetric loss. */
  asymmetry: number;
  /** The x of single-variable forms (power, saturating, broken). */
  variable: Variable;
  /** Number of breaks of the broken power law. */
  breaks: number;
  /** Fixed constants of a form: the base law θ (a, b, e, α, β) of data-constrained. */
  constants: Float64Array;
  /**
   * A tie θ[target] = θ[source] (indices into the form's full θ, source < target):
   * the optimiser sees θ without θ[target] (./tie.ts). Absent: no tie.
   */
  tie?: readonly [target: number, source: number];
}

/** Parameters θ the optimiser sees for a form: its full θ less a tied one. */
export function paramCount(spec: Pick<ObjectiveSpec, 'form' | 'breaks' | 'tie'>): number {
  return fullParamCount(spec) - (spec.tie ? 1 : 0);
}

/** Parameters of a form's full θ, the order its kernels read. */
export function fullParamCount(spec: Pick<ObjectiveSpec, 'form' | 'breaks'>): number {
  switch (spec.form) {
    case 'chinchilla': return 5;
    case 'kaplan': return 4;
    case 'power': return 2;
    case 'saturating': return 3;
    case 'data-constrained': return 2;
    case 'overtrained': return 4;
    case 'broken': return 3 + 3 * spec.breaks;
    case 'task-exp': return 3;
    case 'task-sigmoid': return 4;
  }
}

export interface SolverSettings {
  maxIter: number;
  maxEvals: number;
  /** Stop when ‖projected ∇f‖∞ ≤ gtol·|f|. */
  gtol: number;
  /** Stop when the relative decrease is ≤ ftol on 3 consecutive iterations (0: never). */
  ftol: number;
  /**
   * The objective's own rounding, relative to |f| (default 0): a line search whose
   * whole predicted decrease, −∇f·d·t, is below noise·|f| is not tried, since no
   * decrease that small can be told from rounding (ends as rounding, status 2).
   */
  noise?: number;
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
  setData(data: FitData): void;
  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number;
  /** L-BFGS from each start (rows of θ; of z₀ with `affine`, as for fitWeighted). */
  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult;
  /**
   * L-BFGS from one start for each row of per-run weights (bootstrap refits).
   * With `affine` (origin, then L row-major; only without bounds) the solver runs
   * in z where θ = origin + L·z, from z₀ = `start`, and the rows still hold θ
   * (src/core/refit-scaling.ts, assembly/solve/affine.ts).
   */
  fitWeighted(spec: ObjectiveSpec, weights: Float64Array, start: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult;
  /** Bytes of WebAssembly linear memory the engine holds (0 for the TypeScript twin): a long session should see it stay flat. */
  memoryBytes(): number;
}

/**
 * What stopped the solver, as codes: the engines write a number (assembly/solve/lbfgs.ts,
 * src/engine/js/lbfgs.ts), which stays inside the engine; results carry the code at that
 * index. Words for each code: src/i18n/status.ts (`describeStatus`).
 */
export const SOLVER_STATUS = ['gradient-tolerance', 'no-decrease', 'rounding', 'iteration-limit', 'evaluation-limit', 'not-finite'] as const;
export type SolverStatus = (typeof SOLVER_STATUS)[number];

/** The code of an engine's numeric status ('not-finite' for a number no engine writes: nothing can be judged from it). */
export function solverStatus(status: number): SolverStatus {
  return SOLVER_STATUS[status] ?? 'not-finite';
}

/** Statuses that mean the optimiser stopped at a minimum rather than at a limit. */
export function isConvergedStatus(status: number): boolean {
  return status === 0 || status === 1 || status === 2;
}

/** The objective of the Chinchilla fit of issue #2: summed Huber, δ = 1e-3. */
export function defaultSpec(overrides: Partial<ObjectiveSpec> = {}): ObjectiveSpec {
  return {
    form: 'chinchilla', loss: 'huber', delta: 1e-3, asymmetry: 10, variable: 'N', breaks: 1,
    constants: new Float64Array(0), ...overrides,
  };
}

/** FitData from plain positive arrays (weights 1, U = D when absent, the task input = loss when absent). */
export function fitData(N: ArrayLike<number>, D: ArrayLike<number>, loss: ArrayLike<number>, C?: ArrayLike<number>, U?: ArrayLike<number>, input?: ArrayLike<number>): FitData {
  const n = N.length;
  const ln = (a: ArrayLike<number>) => Float64Array.from({ length: n }, (_, i) => Math.log(a[i]));
  const lnN = ln(N), lnD = ln(D);
  return {
    count: n,
    lnN,
    lnD,
    lnC: C ? ln(C) : Float64Array.from({ length: n }, (_, i) => Math.log(6) + lnN[i] + lnD[i]),
    lnU: U ? ln(U) : lnD,
    lnL: ln(loss),
    loss: Float64Array.from(loss),
    input: Float64Array.from(input ?? loss),
    weight: new Float64Array(n).fill(1),
  };
}
