/**
 * Akima's interpolating spline (Akima 1970, "A new method of interpolation and
 * smooth curve fitting based on local procedures", J. ACM 17(4)), computed as
 * scipy.interpolate.Akima1DInterpolator computes it with method 'akima' (the
 * original slopes, not the 'makima' variant): a piecewise cubic through every
 * point whose slope at each point is a weighted mean of the neighbouring
 * secant slopes, so a single odd point moves the curve only nearby and the
 * curve does not overshoot the way a natural cubic spline does.
 *
 * Slopes. With secants m_i = (y_{i+1} − y_i)/(x_{i+1} − x_i), i = 0..n−2, two
 * more are invented at each end by continuing the secants linearly (Akima's
 * end rule): m_{−1} = 2m_0 − m_1, m_{−2} = 2m_{−1} − m_0, and likewise past
 * the right end. The slope at point i is then
 *   t_i = m_{i−1} + w2/(w1 + w2) · (m_i − m_{i−1}),
 *   w1 = |m_{i+1} − m_i|, w2 = |m_{i−1} − m_{i−2}|,
 * i.e. Akima's (w1·m_{i−1} + w2·m_i)/(w1 + w2) written as scipy 1.17 writes
 * it. Where w1 + w2 is 0 (or, as in scipy, at most 10⁻⁹ times its largest
 * value over the points) the slope is the mean (m_{i−2} + m_{i+1})/2 of the
 * outer secants: Akima's rule for m_{i−2} = m_{i−1} ≠ m_i = m_{i+1}.
 * With two points the spline is the straight line through them.
 *
 * Pieces. Between x_i and x_{i+1} the cubic Hermite polynomial with those end
 * values and slopes, in s = x − x_i: c0·s³ + c1·s² + c2·s + c3 with
 * c3 = y_i, c2 = t_i, c1 = (m_i − t_i)/h − τ, c0 = τ/h, τ = (t_i + t_{i+1} − 2m_i)/h
 * (scipy's CubicHermiteSpline), summed in scipy's order (c3 + c2·s + c1·s² + c0·s³,
 * powers of s by repeated multiplication). No extrapolation: outside
 * [x_0, x_{n−1}] the value is NaN, as scipy's default for this spline.
 */

import { optionError } from '../i18n/error-words/isoflop.js';

export interface AkimaSpline {
  /** Knots (strictly increasing) and values, as given. */
  x: Float64Array;
  y: Float64Array;
  /** Slope at each knot. */
  slopes: Float64Array;
  /** Value at u; NaN outside [x_0, x_{n−1}]. */
  at(u: number): number;
}

/** Scipy's cut-off: weights summing to at most this times their largest sum are treated as 0. */
const BREAK_MULT = 1e-9;

/** Akima slopes at the knots (see above); x strictly increasing, n ≥ 2. */
function akimaSlopes(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const n = x.length;
  const t = new Float64Array(n);
  if (n === 2) {
    t.fill((y[1] - y[0]) / (x[1] - x[0]));
    return t;
  }
  // m[k + 2] is secant k; two invented secants at each end.
  const m = new Float64Array(n + 3);
  for (let i = 0; i < n - 1; i++) m[i + 2] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
  m[1] = 2 * m[2] - m[3];
  m[0] = 2 * m[1] - m[2];
  m[n + 1] = 2 * m[n] - m[n - 1];
  m[n + 2] = 2 * m[n + 1] - m[n];
  const f1 = new Float64Array(n), f2 = new Float64Array(n);
  let largest = -Infinity;
  for (let i = 0; i < n; i++) {
    f1[i] = Math.abs(m[i + 3] - m[i + 2]);
    f2[i] = Math.abs(m[i + 1] - m[i]);
    largest = Math.max(largest, f1[i] + f2[i]);
  }
  for (let i = 0; i < n; i++) {
    const f12 = f1[i] + f2[i];
    t[i] = f12 > BREAK_MULT * largest ? m[i + 1] + (f2[i] / f12) * (m[i + 2] - m[i + 1]) : 0.5 * (m[i + 3] + m[i]);
  }
  return t;
}

/**
 * The Akima spline through (x_i, y_i): x strictly increasing and finite, at
 * least 2 points. Values y may be NaN (the spline is then NaN near them).
 */
export function akimaSpline(x: ArrayLike<number>, y: ArrayLike<number>): AkimaSpline {
  const n = x.length;
  if (!(n >= 2 && y.length === n)) throw optionError('x', 'akima-points', { n, m: y.length });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || (i > 0 && !(x[i] > x[i - 1]))) throw optionError('x', 'akima-not-increasing', { index: i });
  }
  const X = Float64Array.from(x), Y = Float64Array.from(y);
  const slopes = akimaSlopes(X, Y);
  // Coefficients per piece, c0..c3 at 4i..4i+3.
  const c = new Float64Array(4 * (n - 1));
  for (let i = 0; i < n - 1; i++) {
    const h = X[i + 1] - X[i], secant = (Y[i + 1] - Y[i]) / h;
    const tau = (slopes[i] + slopes[i + 1] - 2 * secant) / h;
    c[4 * i] = tau / h;
    c[4 * i + 1] = (secant - slopes[i]) / h - tau;
    c[4 * i + 2] = slopes[i];
    c[4 * i + 3] = Y[i];
  }
  let last = 0; // the piece of the previous call: evaluations on an increasing grid search little
  const at = (u: number): number => {
    if (!(u >= X[0] && u <= X[n - 1])) return NaN;
    let i = last;
    if (!(u >= X[i] && (u < X[i + 1] || i === n - 2))) {
      // Bisection for the piece with X[i] ≤ u < X[i + 1]; u = X[n − 1] belongs to the last piece.
      let lo = 0, hi = n - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (X[mid] <= u) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
      last = i;
    }
    const s = u - X[i];
    let z = s, value = c[4 * i + 3];
    value += c[4 * i + 2] * z;
    z *= s;
    value += c[4 * i + 1] * z;
    z *= s;
    return value + c[4 * i] * z;
  };
  return { x: X, y: Y, slopes, at };
}
