/**
 * One-dimensional solvers for planning: a bracketed root (Brent–Dekker) and a
 * scan-then-refine minimiser. Planning works in log variables (ln N, ln M,
 * ln C), where the laws are smooth and a fixed scan step covers any scale.
 */

import { kitError } from '../i18n/error-words/law.js';

const EPS = 2.220446049250313e-16; // 2^−52

/**
 * A zero of f on [a, b], f(a) and f(b) of opposite signs (or one zero):
 * inverse quadratic interpolation and secant steps, safeguarded by bisection
 * (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973,
 * ch. 4, the algorithm `zero`). Stops when the bracket is below `tol` (+ 4ε|x|).
 */
export function brentZero(f: (x: number) => number, a: number, b: number, tol = 1e-13): number {
  let fa = f(a), fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Math.sign(fa) * Math.sign(fb) < 0)) throw kitError('engine', 'brent-no-bracket', { a, fa, b, fb });
  let c = a, fc = fa, d = b - a, e = d;
  for (let i = 0; i < 300; i++) {
    if (Math.sign(fb) === Math.sign(fc)) { c = a; fc = fa; d = e = b - a; }
    if (Math.abs(fc) < Math.abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
    const t = 2 * EPS * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= t || fb === 0) return b;
    if (Math.abs(e) >= t && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, else inverse quadratic.
      const s = fb / fa;
      let p: number, q: number;
      if (a === c) { p = 2 * m * s; q = 1 - s; }
      else {
        const qa = fa / fc, r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q; else p = -p;
      // Accept the step only if it falls well inside the bracket and shrinks fast enough.
      if (2 * p < Math.min(3 * m * q - Math.abs(t * q), Math.abs(e * q))) { e = d; d = p / q; }
      else { d = m; e = m; }
    } else { d = m; e = m; }
    a = b; fa = fb;
    b += Math.abs(d) > t ? d : m > 0 ? t : -t;
    fb = f(b);
  }
  return b;
}

/** Golden-section search for a minimum of g on [a, b] (Kiefer 1953). */
function golden(g: (x: number) => number, a: number, b: number, tol: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a), x2 = a + r * (b - a), g1 = g(x1), g2 = g(x2);
  while (b - a > tol) {
    if (g1 <= g2) { b = x2; x2 = x1; g2 = g1; x1 = b - r * (b - a); g1 = g(x1); }
    else { a = x1; x1 = x2; g1 = g2; x2 = a + r * (b - a); g2 = g(x2); }
  }
  return g1 <= g2 ? x1 : x2;
}

export interface Minimum {
  x: number;
  value: number;
  /** True when the smallest scanned value was an end of [lo, hi]: no interior minimum found. */
  edge: boolean;
}

/**
 * Minimises g on [lo, hi]: scans at spacing ≤ `step`, brackets the smallest
 * sample by its neighbours, then finds the zero of the central-difference
 * slope (g(x+h) − g(x−h))/2h by Brent's method. Rooting the slope locates a
 * flat minimum to ~1e-9 where comparing values of g stops at ~√ε ≈ 1e-8 of
 * the curvature scale; golden section is the fallback when the slope does not
 * change sign across the bracket (a kink or a plateau).
 */
export function minimizeScan(g: (x: number) => number, lo: number, hi: number, step = 0.25, h = 1e-4): Minimum {
  const n = Math.max(2, Math.ceil((hi - lo) / step));
  let best = 0, bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= n; i++) {
    const v = g(lo + ((hi - lo) * i) / n);
    if (v < bestValue) { best = i; bestValue = v; }
  }
  if (!Number.isFinite(bestValue)) return { x: Number.NaN, value: Number.NaN, edge: true };
  if (best === 0 || best === n) {
    const x = best === 0 ? lo : hi;
    return { x, value: g(x), edge: true };
  }
  const a = lo + ((hi - lo) * (best - 1)) / n, b = lo + ((hi - lo) * (best + 1)) / n;
  const slope = (x: number) => (g(x + h) - g(x - h)) / (2 * h);
  const sa = slope(a), sb = slope(b);
  const x = sa < 0 && sb > 0 ? brentZero(slope, a, b, 1e-12) : golden(g, a, b, 1e-10);
  return { x, value: g(x), edge: false };
}
