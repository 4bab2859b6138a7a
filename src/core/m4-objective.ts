/**
 * The objective of Alabdulmohsin, Neyshabur and Zhai's estimator M4 (2022,
 * arXiv 2209.06640, §3): the law (ε − ε∞)/(ε0 − ε)^α = β·x^c, fitted in log
 * space. Taking logs of both sides, each point i gives a residual
 *
 *   r_i = ln β + c·ln x_i + α·ln(ε0 − ε_i) − ln(ε_i − ε∞),
 *
 * and the objective is Σ r_i². Given the two losses (ε∞, ε0) the rest is a
 * linear least squares in (ln β, c, α) with the signs the law needs, c ≤ 0 and
 * α ≥ 0; here that small problem is solved exactly (`profile`: every face of
 * the sign constraints, the best feasible one kept), so the objective becomes
 * a function of (ε∞, ε0) alone, whose gradient is the partial gradient at the
 * inner optimum (`gradient`). The paper's code also holds ln β ≥ 0; that is
 * left out here, because it would make the fit depend on the units of x.
 */

/** One curve as the objective reads it. */
export interface M4Data {
  readonly lnX: Float64Array;
  readonly loss: Float64Array;
  /** Lowest and highest loss. */
  readonly min: number;
  readonly max: number;
}

/** The optimum of the inner least squares at one (ε∞, ε0), and its residuals. */
export interface Profile {
  /** Σ r_i². */
  objective: number;
  lnBeta: number;
  c: number;
  alpha: number;
  residual: Float64Array;
}

export function m4Data(x: ArrayLike<number>, loss: ArrayLike<number>): M4Data {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < loss.length; i++) (min = Math.min(min, loss[i]), max = Math.max(max, loss[i]));
  return { lnX: Float64Array.from(x, Math.log), loss: Float64Array.from(loss), min, max };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** `a` less its mean, and the mean. */
function centred(a: Float64Array): [Float64Array, number] {
  let m = 0;
  for (const v of a) m += v;
  m /= a.length;
  return [a.map((v) => v - m), m];
}

/**
 * The inner optimum at (ε∞, ε0) = (`u`, `v`): every loss must lie strictly
 * between them. ln(ε0 − ε_i) is taken as ln ε0 + log1p(−ε_i/ε0), so that its
 * variation keeps full precision when ε0 is far above the losses; the constant
 * ln ε0 goes into the intercept. Columns are centred and scaled to unit
 * length before solving, so the 2×2 systems depend only on the angle between
 * ln x and ln(ε0 − ε).
 */
export function profile(d: M4Data, u: number, v: number): Profile {
  const n = d.loss.length;
  const z = new Float64Array(n), w = new Float64Array(n);
  for (let i = 0; i < n; i++) (z[i] = Math.log(d.loss[i] - u), w[i] = Math.log1p(-d.loss[i] / v));
  const [zc, zMean] = centred(z), [xc, xMean] = centred(d.lnX), [wc, wMean] = centred(w);
  const nx = Math.sqrt(dot(xc, xc)), nw = Math.sqrt(dot(wc, wc));
  const px = nx > 0 ? dot(xc, zc) / nx : 0, pw = nw > 0 ? dot(wc, zc) / nw : 0, rho = nx > 0 && nw > 0 ? dot(xc, wc) / (nx * nw) : 0;
  // Coefficients of the unit columns on each face: none, ln x alone, ln(ε0 − ε) alone, both.
  const faces: [number, number][] = [[0, 0]];
  if (nx > 0) faces.push([px, 0]);
  if (nw > 0) faces.push([0, pw]);
  const det = 1 - rho * rho;
  if (nx > 0 && nw > 0 && det > 1e-14) faces.push([(px - rho * pw) / det, (pw - rho * px) / det]);
  let best: Profile | undefined;
  for (const [a, b] of faces) {
    const c = nx > 0 ? a / nx : 0, alpha = nw > 0 ? b / nw : 0;
    if (c > 0 || alpha < 0) continue;
    const residual = new Float64Array(n);
    let objective = 0;
    for (let i = 0; i < n; i++) {
      residual[i] = c * xc[i] + alpha * wc[i] - zc[i];
      objective += residual[i] * residual[i];
    }
    if (best && !(objective < best.objective)) continue;
    // The intercept at the means: ln β + α·ln ε0 = mean z − c·mean ln x − α·mean w.
    const lnBeta = zMean - c * xMean - alpha * wMean - alpha * Math.log(v);
    best = { objective, lnBeta, c, alpha, residual };
  }
  return best!;
}

/**
 * ∂/∂ε∞ and ∂/∂ε0 of min over (ln β, c, α) of Σ r_i² at the inner optimum `p`:
 * the partial derivatives with (ln β, c, α) held (the optimum does not move
 * the objective to first order).
 */
export function gradient(d: M4Data, u: number, v: number, p: Profile): [number, number] {
  let gu = 0, gv = 0;
  for (let i = 0; i < d.loss.length; i++) {
    gu += (2 * p.residual[i]) / (d.loss[i] - u);
    gv += (2 * p.residual[i] * p.alpha) / (v - d.loss[i]);
  }
  return [gu, gv];
}
