/**
 * Predictions of an M4 law (src/core/m4-fit.ts): the loss ε at x solves
 * (ε − ε∞)/(ε0 − ε)^α = β·x^c, which has no closed form for general α.
 * With w = ε − ε∞ and b = ε0 − ε∞ it reads ln w − α·ln(b − w) = ln(β·x^c),
 * whose left side rises strictly from −∞ to +∞ as w goes from 0 to b (α > 0):
 * one root, found by Brent's method in t = logit(w/b), where both ends stay
 * precise (w near 0 at large x, w near b at small x). With α = 0, ε0 drops
 * out and ε = ε∞ + β·x^c.
 */

import { optionError } from '../i18n/error-words/extrapolate.js';
import { brentZero } from './solve1d.js';
import type { M4Params } from './m4-fit.js';

/** ln σ(t) = −ln(1 + e^−t), without overflow or loss of precision at either end. */
const logSigmoid = (t: number) => (t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t)));
/** σ(t) = 1/(1 + e^−t). */
const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

const KEYS = ['c', 'alpha', 'epsInf', 'eps0'] as const;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** ln β of a checked law: its lnBeta when given, else ln of its beta. */
const lnBetaOf = (p: M4Params) => (p.lnBeta !== undefined ? p.lnBeta : Math.log(p.beta));

/**
 * Throws an OptionError naming `option` unless `law` is an M4 law: finite c ≤ 0,
 * α ≥ 0, 0 ≤ ε∞ < ε0, and β > 0 (or a finite lnBeta, which is read instead).
 */
export function checkM4Law(law: unknown, option = 'law'): asserts law is M4Params {
  const p = law as Record<string, unknown> | null;
  const object = p !== null && typeof p === 'object';
  const ok = object && KEYS.every((k) => finite(p[k])) && (p.lnBeta === undefined ? finite(p.beta) && p.beta > 0 : finite(p.lnBeta))
    && (p.c as number) <= 0 && (p.alpha as number) >= 0 && (p.epsInf as number) >= 0 && (p.eps0 as number) > (p.epsInf as number);
  if (!ok) {
    const got = object ? ['beta', 'lnBeta', ...KEYS].filter((k) => k !== 'lnBeta' || p.lnBeta !== undefined).map((k) => `${k}=${String(p[k])}`).join(', ') : String(p);
    throw optionError(option, 'm4-law-bad', { option, got });
  }
}

/** The loss the law `p` (already checked) predicts at x > 0. */
function solve(p: M4Params, x: number): number {
  const lnF = lnBetaOf(p) + p.c * Math.log(x);
  if (p.alpha === 0) return p.epsInf + Math.exp(lnF);
  const b = p.eps0 - p.epsInf, k = (1 - p.alpha) * Math.log(b) - lnF;
  // h(t) = ln w − α·ln(b − w) − ln f with w = b·σ(t): increasing, ~t + k as t → −∞ and ~αt + k as t → +∞.
  const h = (t: number) => logSigmoid(t) - p.alpha * logSigmoid(-t) + k;
  let lo = -1, hi = 1;
  while (h(lo) > 0 && lo > -1e300) lo *= 2;
  while (h(hi) < 0 && hi < 1e300) hi *= 2;
  // Beyond double precision at an end: the loss is that end.
  if (!(h(lo) <= 0)) return p.epsInf;
  if (!(h(hi) >= 0)) return p.eps0;
  const t = brentZero(h, lo, hi, 1e-13);
  return p.epsInf + b * sigmoid(t);
}

/**
 * The loss of the M4 law `law` at each x (positive, finite); a number for one x.
 * Throws an OptionError for a law that is not M4's or an x that is not positive.
 */
export function predictM4(law: M4Params, x: number): number;
export function predictM4(law: M4Params, x: readonly number[]): number[];
export function predictM4(law: M4Params, x: number | readonly number[]): number | number[] {
  checkM4Law(law);
  const one = (v: unknown, option: string) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw optionError(option, 'option-not-positive', { option, got: String(v) });
    return solve(law, v);
  };
  return Array.isArray(x) ? x.map((v, i) => one(v, `x[${i}]`)) : one(x, 'x');
}
