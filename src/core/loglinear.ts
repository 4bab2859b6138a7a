/**
 * Power laws y = k·x^e fitted by ordinary least squares on log y against
 * log x, with classical standard errors and Student-t confidence intervals.
 * Used for the allocation laws N*(C) and D*(C) of the isoFLOP (Approach 2) and
 * envelope (Approach 1) analyses; use it for any "straight line on a log–log
 * plot" with a handful of points.
 *
 * Intervals assume independent, equal-variance Gaussian scatter of log y about
 * the line (the textbook OLS model; e.g. Draper & Smith, "Applied Regression
 * Analysis", 3rd ed., §1.4 and §3.1): se(e) = s/√Sxx, se(log k) = s·√(1/n + x̄²/Sxx),
 * s² = SSR/(n − 2), and the interval is estimate ± t(n − 2, (1 + level)/2)·se.
 * With two points there are no degrees of freedom left: se, lo and hi are NaN.
 * Exponent, coefficient and intervals do not depend on the log base.
 */

import { dataError, optionError } from '../i18n/error-words/loglinear.js';
import { clip } from './limits.js';

export interface PowerLawFit {
  /** Exponent e of y = k·x^e. */
  exponent: number;
  /** Coefficient k of y = k·x^e. */
  coefficient: number;
  /** Standard error of the exponent (NaN with 2 points). */
  se: number;
  /** Confidence interval of the exponent at `level` (NaN with 2 points). */
  lo: number;
  hi: number;
  /** Confidence interval of k, from that of ln k (NaN with 2 points). */
  coefficientLo: number;
  coefficientHi: number;
  /** Standard error of ln k (natural log, whatever base the fit used). */
  seLnCoefficient: number;
  /** Mean of ln x over the points and the residual standard deviation of ln y (natural log): with `se`, the confidence band of the line (`powerLawBand`). */
  meanLnX: number;
  sdLnY: number;
  /** Coefficient of determination of the log–log line (1 when all points lie on it). */
  r2: number;
  /** Points fitted and residual degrees of freedom (points − 2). */
  points: number;
  dof: number;
  /** Confidence level of the intervals, e.g. 0.95. */
  level: number;
}

/**
 * P(|T| ≤ t) for Student's t with an integer number of degrees of freedom ν,
 * as a function of θ = atan(t/√ν): the finite trigonometric series of
 * Abramowitz & Stegun (1964), 26.7.3 (ν odd) and 26.7.4 (ν even). Exact up to
 * rounding; no gamma functions needed.
 */
function tTwoSided(theta: number, dof: number): number {
  const s = Math.sin(theta), c2 = Math.cos(theta) ** 2;
  if (dof % 2 === 0) {
    // sin θ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))cos^(ν−2)θ)
    let term = 1, sum = 1;
    for (let j = 2; j <= dof - 2; j += 2) {
      term *= ((j - 1) / j) * c2;
      sum += term;
    }
    return s * sum;
  }
  // (2/π)·(θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))cos^(ν−2)θ)), ν > 1; 2θ/π for ν = 1.
  if (dof === 1) return (2 / Math.PI) * theta;
  const c = Math.cos(theta);
  let term = c, sum = c;
  for (let j = 3; j <= dof - 2; j += 2) {
    term *= ((j - 1) / j) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

/** Lower-tail probability P(T ≤ t) of Student's t with `dof` (an integer ≥ 1) degrees of freedom. */
export function studentTCdf(t: number, dof: number): number {
  checkDof(dof);
  if (Number.isNaN(t)) return NaN;
  const a = tTwoSided(Math.atan(Math.abs(t) / Math.sqrt(dof)), dof);
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/**
 * The p-quantile of Student's t with `dof` (an integer ≥ 1) degrees of freedom:
 * bisection on θ ∈ [0, π/2) of the monotone series above, to the last bit of θ,
 * then t = √ν·tan θ.
 */
export function studentTQuantile(p: number, dof: number): number {
  checkDof(dof);
  if (!(p > 0 && p < 1)) throw optionError('p', 'loglinear-bad-p', { got: clip(String(p)) });
  if (p === 0.5) return 0;
  const target = Math.abs(2 * p - 1);
  let lo = 0, hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (tTwoSided(mid, dof) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(dof) * Math.tan((lo + hi) / 2);
  return p > 0.5 ? t : -t;
}

function checkDof(dof: number): void {
  if (!(Number.isInteger(dof) && dof >= 1)) throw optionError('dof', 'loglinear-bad-dof', { got: clip(String(dof)) });
}

/** Throws an OptionError unless `level` is a probability in (0, 1). */
export function checkLevel(level: unknown, option = 'level'): number {
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw optionError(option, 'loglinear-bad-level', { option, got: clip(String(level)) });
  }
  return level;
}

/**
 * Fit y = k·x^e by OLS of log y on log x (log base `base`, default e; the
 * results do not depend on it beyond rounding). x and y must be positive and
 * finite, with at least two distinct x.
 */
export function fitPowerLaw(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { level?: number; base?: number } = {},
): PowerLawFit {
  const level = checkLevel(options.level ?? 0.95);
  const base = options.base ?? Math.E;
  const n = x.length;
  if (y.length !== n) throw dataError('bad-value', 'loglinear-lengths', { n, m: y.length });
  const lnBase = Math.log(base);
  const u = new Float64Array(n), v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!(x[i] > 0 && y[i] > 0 && Number.isFinite(x[i]) && Number.isFinite(y[i]))) {
      throw dataError('bad-value', 'loglinear-bad-point', { point: i + 1, x: clip(String(x[i])), y: clip(String(y[i])) });
    }
    u[i] = Math.log(x[i]) / lnBase;
    v[i] = Math.log(y[i]) / lnBase;
  }
  let mu = 0, mv = 0;
  for (let i = 0; i < n; i++) (mu += u[i], mv += v[i]);
  mu /= n;
  mv /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (u[i] - mu) ** 2;
    sxy += (u[i] - mu) * (v[i] - mv);
    syy += (v[i] - mv) ** 2;
  }
  if (n < 2 || !(sxx > 0)) throw dataError('too-few-runs', 'loglinear-too-few-points', { n });
  const exponent = sxy / sxx;
  const intercept = mv - exponent * mu;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (v[i] - intercept - exponent * u[i]) ** 2;
  const dof = n - 2;
  const s = dof > 0 ? Math.sqrt(ssr / dof) : NaN;
  const se = s / Math.sqrt(sxx);
  const seIntercept = s * Math.sqrt(1 / n + (mu * mu) / sxx);
  const t = dof > 0 ? studentTQuantile((1 + level) / 2, dof) : NaN;
  return {
    exponent,
    coefficient: base ** intercept,
    se,
    lo: exponent - t * se,
    hi: exponent + t * se,
    coefficientLo: base ** (intercept - t * seIntercept),
    coefficientHi: base ** (intercept + t * seIntercept),
    seLnCoefficient: seIntercept * lnBase,
    meanLnX: mu * lnBase,
    sdLnY: s * lnBase,
    r2: syy > 0 ? 1 - ssr / syy : 1,
    points: n,
    dof,
    level,
  };
}

/** An allocation law y = k·C^e with its uncertainty (see `PowerLawFit`); the exponent is under `a` or `b`. */
export type AllocationFit<E extends string> = { [key in E]: number } & {
  k: number;
  se: number;
  lo: number;
  hi: number;
  kLo: number;
  kHi: number;
  dof: number;
  level: number;
  r2: number;
  meanLnC: number;
  sdLnY: number;
};

/** A `PowerLawFit` under the short names of an allocation law, the exponent keyed `key`. */
export function allocationFit<E extends string>(key: E, f: PowerLawFit): AllocationFit<E> {
  const { exponent, coefficient: k, se, lo, hi, coefficientLo: kLo, coefficientHi: kHi, dof, level, r2, meanLnX: meanLnC, sdLnY } = f;
  return { [key]: exponent, k, se, lo, hi, kLo, kHi, dof, level, r2, meanLnC, sdLnY } as AllocationFit<E>;
}

/**
 * The fitted line y = k·x^e at x with the confidence band of its mean response
 * at the fit's level (Draper & Smith §1.4): ln y ± t·√(s²/n + (ln x − mean ln x)²·se(e)²).
 * NaN bounds with two points (no degrees of freedom).
 */
export function powerLawBand(
  fit: { exponent: number; coefficient: number; se: number; points: number; dof: number; level: number; meanLnX: number; sdLnY: number },
  x: number,
): { y: number; lo: number; hi: number } {
  const u = Math.log(x), lnY = Math.log(fit.coefficient) + fit.exponent * u;
  const t = fit.dof > 0 ? studentTQuantile((1 + fit.level) / 2, fit.dof) : NaN;
  const w = t * Math.sqrt(fit.sdLnY ** 2 / fit.points + (u - fit.meanLnX) ** 2 * fit.se ** 2);
  return { y: Math.exp(lnY), lo: Math.exp(lnY - w), hi: Math.exp(lnY + w) };
}
