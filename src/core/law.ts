/**
 * The Chinchilla law as numbers a person reads: L(N, D) = E + A/N^α + B/D^β
 * (Hoffmann et al. 2022, eq. 2), its prediction and its compute-optimal
 * allocation under C = 6ND (Hoffmann et al. 2022, eq. 4; docs/laws.md).
 */

import { optionError } from '../i18n/error-words/law.js';
import { clip } from './limits.js';

export interface ChinchillaParams {
  A: number;
  B: number;
  E: number;
  alpha: number;
  beta: number;
}

export interface ComputeOptimal {
  /** Compute budget C in FLOPs. */
  C: number;
  /** Compute-optimal parameters N* = G·(C/6)^a. */
  N: number;
  /** Compute-optimal tokens D* = (C/6)^b / G. */
  D: number;
  tokensPerParam: number;
  /** Predicted loss at (N*, D*). */
  loss: number;
  /** G = (αA/(βB))^(1/(α+β)). */
  G: number;
  /** Exponents of N* ∝ C^a and D* ∝ C^b: a = β/(α+β), b = α/(α+β). */
  a: number;
  b: number;
}

const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Throws an OptionError naming the first parameter that is not a usable number. */
export function checkParams(params: ChinchillaParams, option = 'params'): void {
  if (params === null || typeof params !== 'object') throw optionError(option, 'law-params-not-object', { option });
  for (const key of ['A', 'B', 'alpha', 'beta'] as const) {
    if (!isPositive(params[key])) throw optionError(`${option}.${key}`, 'option-not-positive', { option: `${option}.${key}`, got: clip(String(params[key])) });
  }
  if (!(typeof params.E === 'number' && Number.isFinite(params.E) && params.E >= 0)) {
    throw optionError(`${option}.E`, 'option-negative', { option: `${option}.E`, got: clip(String(params.E)) });
  }
}

/** L(N, D) = E + A/N^α + B/D^β. */
export function predict(params: ChinchillaParams, N: number, D: number): number {
  return params.E + params.A / N ** params.alpha + params.B / D ** params.beta;
}

/** The loss-minimising split of C FLOPs between parameters and tokens, C = 6ND. */
export function computeOptimal(params: ChinchillaParams, C: number): ComputeOptimal {
  checkParams(params);
  if (!isPositive(C)) throw optionError('C', 'law-compute-bad', { got: clip(String(C)) });
  const { A, B, alpha, beta } = params;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const a = beta / (alpha + beta), b = alpha / (alpha + beta);
  let N = G * (C / 6) ** a;
  let D = (C / 6) ** b / G;
  if (!(N > 0 && N < Infinity && D > 0 && D < Infinity)) {
    // G or a power under- or overflowed (extreme constants): redo it in logs, and refuse what cannot be represented.
    const lnG = (Math.log(alpha) + Math.log(A) - Math.log(beta) - Math.log(B)) / (alpha + beta), lnC6 = Math.log(C / 6);
    N = Math.exp(lnG + a * lnC6);
    D = Math.exp(b * lnC6 - lnG);
    if (!(N > 0 && N < Infinity && D > 0 && D < Infinity)) {
      throw optionError('params', 'law-split-beyond-precision', { C, lnN: lnG + a * lnC6, lnD: b * lnC6 - lnG });
    }
  }
  return { C, N, D, tokensPerParam: D / N, loss: predict(params, N, D), G, a, b };
}
