/**
 * What scaling-kit knows about one law, in one place: its raw parameters θ
 * (the order the kernels read them in), how θ becomes the published
 * parameters and back, where a fit starts, how it is evaluated, checked,
 * written (text, LaTeX, Python) and planned with, and which of its parts the
 * data can leave undetermined. One file per form implements it (./chinchilla.ts
 * and its siblings); ./index.ts lists them. The fitting kernels are
 * assembly/forms/<form>.ts and src/engine/js/forms/<form>.ts (Chinchilla's
 * per-run kernel is chinchilla-point.ts, beside its tuned objective), and
 * test/node/engine/kernels-match-laws.test.ts checks each against its descriptor.
 */

import type { FitData, ObjectiveSpec, Variable } from '../engine/types.js';

/** Where a law is evaluated, already validated: N parameters, D tokens, U unique tokens, x the variable of a one-variable law (the loss L of a task law). */
export interface At { N: number; D: number; U: number; x: number }

/** An additive term of a law at run i, named as in its formula, with the θ names it carries (dead-term diagnostic). */
export interface Term { term: string; parameters: string[]; value: (i: number) => number }

/** An input a raw parameter scales with when the runs change units: N, D, the x of a one-variable law, or the loss. */
export type Role = 'N' | 'D' | 'x' | 'loss';

/** A law as a Python function body: arguments, docstring formula, constants, code lines, whether it needs `math`. */
export interface PythonBody { args: string; formula: string; constants: [string, number][]; lines: string[]; math: boolean }

/** Closed forms a law offers to planning (src/core/planning.ts solves numerically where one is missing). */
export interface Planning<L> {
  /** The infimum of the loss as N, D → ∞ (at U unique tokens for the data-constrained form). */
  floor(law: L, U: number | undefined): number;
  /** Compute-optimal N and D at C6 = C·6/k FLOPs (as if C = 6ND), in closed form (skipped when planning is asked for `numeric`). */
  allocate?(law: L, C6: number): { N: number; D: number };
  /** The same by a solver of the form's own (used always); throws an OptionError naming C or law when there is none. */
  allocateNumeric?(law: L, C6: number, C: number): { N: number; D: number };
  /** C6 whose compute-optimal loss is `target`. */
  computeForLoss?(law: L, target: number): number;
  /** D with L(N, D) = target, or ∞ when N alone cannot reach it. */
  tokensFor?(law: L, target: number): (N: number) => number;
  /** ln of the smallest N that reaches `target` with unlimited tokens. */
  lnSmallestModel?(law: L, target: number): number;
}

export interface LawDescriptor<L extends { form: string }> {
  readonly form: L['form'];
  /** A law of N and D together (planning allocates compute for it), rather than of one variable x ∈ {N, D, C}. */
  readonly twoVariable: boolean;
  /**
   * A task law: it predicts a benchmark metric from a loss L (the runs' loss
   * column becomes FitData.input, their metric column the fitted target).
   */
  readonly task?: boolean;
  /** A short citation of the form's source, for documentation. */
  readonly source: string;
  /** Raw parameter names, in the order of θ. This is the one place the order is written. */
  thetaNames(breaks: number): string[];
  /** The published parameter a raw one stands for ('a' → 'A', 'lnNc' → 'Nc'). */
  publishedName(theta: string): string;
  /** θ → the law; `spec` gives the variable, breaks and fixed constants. */
  fromTheta(spec: ObjectiveSpec, t: ArrayLike<number>): L;
  /** The law → θ (inverse of fromTheta). */
  toTheta(law: L): number[];
  /**
   * Rewrites θ in place to the one representative of a law that several θ
   * describe exactly (the sigmoid's mirror image), so fits and bootstrap
   * replicates report one of them; absent when each law has one θ.
   */
  canonical?(theta: Float64Array): void;
  /** Default starting points from the runs (rows of θ, flat). */
  startGrid(spec: ObjectiveSpec, data: FitData): Float64Array;
  /** Throws an OptionError naming the first unusable parameter (under `option`, e.g. "law.params"). */
  checkParams(law: L, option: string): void;
  evaluate(law: L, at: At): number;
  /** One line of text, numbers written by `s`. */
  text(law: L, s: (x: number) => string): string;
  /** LaTeX symbols with their values, in the order the constants are listed. */
  latexSymbols(law: L): [string, number][];
  /** The LaTeX equation with each constant written by `v(symbol, value)`. */
  latexEquation(law: L, v: (symbol: string, value: number) => string): string;
  /** Definitions the equation relies on ('' when none). */
  latexWhere: string;
  python(law: L): PythonBody;
  /** θ names of exponents that must be positive for the loss to fall with scale. */
  readonly exponents: readonly string[];
  /** The additive terms over the runs, for the dead-term check (none: not checked). */
  terms?(law: L, data: FitData, x: Float64Array): Term[];
  /** θ names not determined when N and D move in lockstep (the terms that cannot be told apart). */
  readonly lockstepUndetermined: readonly string[];
  /**
   * How each θ moves when an input is divided by e^m: θᵢ − Σ c·m over the roles
   * listed for it (the same law in new units). Used to advise rescaling.
   */
  unitShifts(theta: ArrayLike<number>, breaks: number): Partial<Record<Role, number>>[];
  /** The input a raw parameter scales with, for advice given without the runs. */
  roleOf(theta: string, variable: Variable): 'N' | 'D' | 'C' | 'loss' | 'metric';
  planning?: Planning<L>;
}
