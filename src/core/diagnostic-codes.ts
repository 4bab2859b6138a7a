/**
 * The vocabulary of diagnostics: what a fit or a bootstrap says about how far
 * its result can be trusted. A diagnostic is a code with values, never words:
 * the words live in src/i18n (English and Chinese), so the CLI and the
 * elements render the same facts in the reader's language.
 *
 * Severity: `error` means a number the result reports is not determined by the
 * data (do not use it); `warning` means it may be wrong or fragile; `info` is
 * worth knowing. A result with a warning or error is never a plain success.
 */

import type { SolverStatus } from '../engine/types.js';

export type Severity = 'info' | 'warning' | 'error';

/**
 * Why a fit's optimiser stopped, as a code: the solver's own (src/engine/types.ts
 * SOLVER_STATUS), or `gradient-not-finite` when the gradient at the end overflowed
 * (NaN or ±∞), which the solver cannot tell from a minimum. Words: src/i18n/status.ts,
 * which also words the M4 fit's `beta-tolerance` (its last Newton step changed β by
 * less than 1e-10 of itself: src/core/m4-descent.ts).
 */
export type FitStatus = SolverStatus | 'gradient-not-finite';

/** Every status with words (src/i18n/status.ts): a fit's, and the M4 fit's `beta-tolerance`. */
export type StatusCode = FitStatus | 'beta-tolerance';

/** Values each code carries (numbers unformatted; names are θ or column names). */
export interface DiagnosticValues {
  /** N and D follow one exact relation in log space: ln D = slope·ln N + intercept (slope 1: one tokens-per-parameter ratio). */
  'collinear-nd': { slope: number; intercept: number; tokensPerParam: number };
  /** A column the form needs does not vary. */
  'constant-column': { column: string; value: number };
  /** A quantity's column was chosen by its name among several that could be it (`alternatives`, leftmost first): name the one meant. */
  'column-choice': { quantity: 'N' | 'D' | 'C' | 'loss'; column: string; alternatives: string[] };
  /** Every run has the same loss. */
  'constant-loss': { value: number };
  /** Every run has the same benchmark score: a task law has nothing to fit. */
  'constant-metric': { value: number };
  /** Fewer runs than about three per free parameter. */
  'few-runs': { runs: number; parameters: number; recommended: number };
  /** As many runs as parameters or fewer, fitted to zero residual: the law interpolates. */
  'interpolates': { runs: number; parameters: number };
  /** The weights sum to zero (or to a negligible share), or only a few runs carry weight. */
  'zero-weight': { effectiveRuns: number; parameters: number };
  /** A term contributes at most `share` of the predicted loss on every run: its parameters are not determined. */
  'dead-term': { term: string; parameters: string[]; share: number };
  /** An exponent is negative: loss rises with scale, which is not a scaling law. */
  'negative-exponent': { parameter: string; value: number };
  /** A parameter ended on a box bound. */
  'at-bound': { parameter: string; side: 'lower' | 'upper'; bound: number };
  /** The curvature at the optimum is (near) singular: some combination of parameters is not determined. */
  'flat-direction': { condition: number; parameters: string[] };
  /** Standard errors could not be computed (singular or non-finite curvature). */
  'no-standard-errors': Record<never, never>;
  /** The scale σ was fitted with the law (Huber likelihood): curvature standard errors do not apply; a bootstrap gives intervals. */
  'free-scale': { sigma: number };
  /** The optimiser stopped at a limit, not at a minimum. */
  'not-converged': { status: SolverStatus };
  /** The gradient at the end is not finite for these parameters (the law overflows on these runs). */
  'gradient-not-finite': { parameters: string[] };
  /** Residuals trend with a variable: the form does not fit the data's shape. */
  'residual-trend': { against: 'lnN' | 'lnD' | 'lnC' | 'x' | 'prediction'; slope: number; t: number };
  /** Residuals ordered along a variable change sign far less often than noise would (a curve the form misses): Wald–Wolfowitz runs test. */
  'residual-pattern': { against: 'lnN' | 'lnD' | 'x' | 'prediction'; signRuns: number; expected: number; z: number };
  /** Residual spread changes with scale (ratio of the spread at the large end to the small end). */
  'heteroscedastic': { against: 'prediction'; ratio: number };
  /** Runs whose residual is far from the rest (robust z above the threshold); rows are 1-based data rows. */
  'outliers': { rows: number[]; maxZ: number };
  /** The fast strategy's answer could not be shown to be the global optimum. */
  'not-certified': { reason: 'single-start' | 'check-disagrees' | 'valley' | 'piecewise-linear' | 'unidentifiable' };
  /** The fast strategy found a lower basin with extra starts and took it. */
  'escalated': { from: number; to: number; starts: number };
  /** WebAssembly could not run here (e.g. a Content-Security-Policy without 'wasm-unsafe-eval'): the TypeScript engine gave the same numbers, slower. */
  'engine-fallback': { engine: 'js' };
  /** Worker threads could not be started here (e.g. a worker-src without blob:): the work ran on this thread, in chunks. */
  'workers-unavailable': Record<never, never>;
  /** Bootstrap: intervals that touch a bound for this share of refits. */
  'bootstrap-at-bound': { parameter: string; share: number };
  /** Bootstrap: an interval spans more than `orders` orders of magnitude. */
  'bootstrap-wide': { parameter: string; lo: number; hi: number; orders: number };
  /** Bootstrap: refits ended in different basins (share of refits whose objective is far above a refit from the estimate). */
  'bootstrap-basins': { share: number };
  /** Bootstrap: refits that did not converge. */
  'bootstrap-failed': { failed: number; resamples: number };
  /** M4: α is 0, so ε0 drops out of the law and the data do not determine it (src/core/m4-fit.ts). */
  'eps0-undetermined': Record<never, never>;
  /** M4 from the paper's start: a scan of the whole range found a lower minimum of the same objective, at ε∞ and α. */
  'lower-minimum-elsewhere': { objective: number; lower: number; epsInf: number; alpha: number };
}

export type DiagnosticCode = keyof DiagnosticValues;

/**
 * Whose diagnostic it is, when not the result's own: `estimate` marks, in a
 * bootstrap's list, what the fit of all runs (the point estimate) said.
 */
export type DiagnosticOf = 'estimate';

export type Diagnostic = {
  [C in DiagnosticCode]: { code: C; severity: Severity; of?: DiagnosticOf } & DiagnosticValues[C];
}[DiagnosticCode];

export function diagnostic<C extends DiagnosticCode>(code: C, severity: Severity, values: DiagnosticValues[C]): Diagnostic {
  return { code, severity, ...values } as Diagnostic;
}

/** `d`, said of the fit of all runs (a bootstrap's point estimate). */
export function ofEstimate(d: Diagnostic): Diagnostic {
  return { ...d, of: 'estimate' };
}

/** Whether a list of diagnostics leaves the result a plain success. */
export function isClean(list: readonly Diagnostic[]): boolean {
  return list.every((d) => d.severity === 'info');
}
