/**
 * The asymmetric (lower-envelope) loss is piecewise linear in the residuals,
 * and L-BFGS stalls at its kinks above the minimum. For the Chinchilla form
 * the problem splits: at fixed exponents (α, β) the prediction
 * E + A·N^−α + B·D^−β is linear in (E, A, B) ≥ 0, so the best (E, A, B) is a
 * linear programme, solved here exactly; what is left is a smooth-enough
 * search over two exponents (`envelopePolish`). See docs/diagnostics.md.
 *
 * The programme: minimise Σ wᵢ·ρ(yᵢ − xᵢ·c) over c ≥ 0, with ρ(r) = r for
 * r > 0 (under-prediction) and −k·r otherwise. Its dual has one variable per
 * run, boxed in [−k·wᵢ, wᵢ], and only three constraints Xᵀλ ≤ 0: a
 * bounded-variable simplex with a 3 × 3 basis. The primal c is the dual's
 * prices at the optimum, and both objectives agree there.
 */

import { chinchilla } from '../laws/chinchilla.js';
import { defaultSpec } from '../engine/types.js';

/** Solves the 3 × 3 system M·x = b (Cramer's rule is exact enough for a 3 × 3 basis refreshed each step). */
function solve3(M: Float64Array, b: ArrayLike<number>): Float64Array | null {
  const [a, bb, c, d, e, f, g, h, i] = M;
  const det = a * (e * i - f * h) - bb * (d * i - f * g) + c * (d * h - e * g);
  if (!(Math.abs(det) > 1e-300)) return null;
  return Float64Array.from([
    (b[0] * (e * i - f * h) - bb * (b[1] * i - f * b[2]) + c * (b[1] * h - e * b[2])) / det,
    (a * (b[1] * i - f * b[2]) - b[0] * (d * i - f * g) + c * (d * b[2] - b[1] * g)) / det,
    (a * (e * b[2] - b[1] * h) - bb * (d * b[2] - b[1] * g) + b[0] * (d * h - e * g)) / det,
  ]);
}

export interface EnvelopeLp { objective: number; c: Float64Array }

/**
 * min over c ≥ 0 of Σ wᵢ·ρ(yᵢ − xᵢ·c), xᵢ = (x0[i], x1[i], x2[i]); ρ weighs
 * over-predictions by k. Null if the simplex did not finish (it then says
 * nothing, and the caller keeps what it had).
 */
export function envelopeLp(x: readonly Float64Array[], y: Float64Array, w: Float64Array, k: number): EnvelopeLp | null {
  const n = y.length, m = 3;
  // Columns 0..n−1: λ (box [lo, hi]); n..n+2: slacks (≥ 0). Constraint rows: Σ λᵢ·x_j[i] + s_j = 0.
  const col = (v: number, j: number) => (v < n ? x[j][v] : v - n === j ? 1 : 0);
  const lo = (v: number) => (v < n ? -k * w[v] : 0);
  const hi = (v: number) => (v < n ? w[v] : Infinity);
  const cost = (v: number) => (v < n ? y[v] : 0);
  const value = new Float64Array(n + m);
  for (let i = 0; i < n; i++) value[i] = lo(i);
  const basis = [n, n + 1, n + 2];
  const isBasic = new Uint8Array(n + m);
  for (const v of basis) isBasic[v] = 1;
  const B = new Float64Array(9);
  const refresh = () => {
    // Basic values from the nonbasic ones: B·x_B = −Σ_nonbasic column·value.
    const rhs = [0, 0, 0];
    for (let v = 0; v < n + m; v++) if (!isBasic[v] && value[v] !== 0) for (let j = 0; j < m; j++) rhs[j] -= col(v, j) * value[v];
    for (let r = 0; r < m; r++) for (let j = 0; j < m; j++) B[j * 3 + r] = col(basis[r], j);
    const xb = solve3(B, rhs);
    if (!xb) return false;
    basis.forEach((v, r) => (value[v] = xb[r]));
    return true;
  };
  if (!refresh()) return null;
  const tol = 1e-12 * Math.max(1, y.reduce((a, b) => Math.max(a, Math.abs(b)), 0));
  let degenerate = 0, sinceRefresh = 0;
  for (let iter = 0; iter < 50 * (n + m); iter++) {
    // Prices π solve Bᵀπ = c_B; the reduced cost of v is cost(v) − π·column(v).
    const Bt = new Float64Array(9);
    for (let r = 0; r < 3; r++) for (let j = 0; j < 3; j++) Bt[r * 3 + j] = B[j * 3 + r];
    const pi = solve3(Bt, basis.map(cost));
    if (!pi) return null;
    const [x0, x1, x2] = x;
    const reduced = (v: number) => (v < n ? y[v] - pi[0] * x0[v] - pi[1] * x1[v] - pi[2] * x2[v] : -pi[v - n]);
    // Entering: the most improving nonbasic variable (Dantzig), or after a run of degenerate steps the
    // first one that improves (Bland's rule, which cannot cycle).
    let enter = -1, dir = 0, best = 0;
    const bland = degenerate > 2 * (n + m);
    for (let v = 0; v < n + m; v++) {
      if (isBasic[v]) continue;
      const d = reduced(v);
      const gain = d > tol && value[v] < hi(v) ? d : d < -tol && value[v] > lo(v) ? -d : 0;
      if (gain > best) {
        (enter = v), (dir = d > 0 ? 1 : -1), (best = gain);
        if (bland) break;
      }
    }
    if (enter < 0) {
      // Optimal: the primal c is the prices (≥ 0 up to rounding), the objective yᵀλ.
      let objective = 0;
      for (let i = 0; i < n; i++) objective += y[i] * value[i];
      return { objective, c: pi.map((p) => Math.max(0, p)) };
    }
    // How the basic values move per unit step of the entering one: B·Δ = −dir·column(enter).
    const delta = solve3(B, [0, 1, 2].map((j) => -dir * col(enter, j)));
    if (!delta) return null;
    let step = hi(enter) - lo(enter), leave = -1, leaveTo = 0;
    basis.forEach((v, r) => {
      const dv = delta[r];
      if (dv < -1e-15) { const t = (value[v] - lo(v)) / -dv; if (t < step) (step = t), (leave = r), (leaveTo = lo(v)); }
      else if (dv > 1e-15) { const t = (hi(v) - value[v]) / dv; if (t < step) (step = t), (leave = r), (leaveTo = hi(v)); }
    });
    if (!Number.isFinite(step)) return null; // unbounded: cannot happen with the box, so a numerical failure
    degenerate = step > 0 ? 0 : degenerate + 1;
    value[enter] += dir * step;
    basis.forEach((v, r) => (value[v] += step * delta[r]));
    if (leave >= 0) {
      const out = basis[leave];
      isBasic[out] = 0;
      isBasic[enter] = 1;
      basis[leave] = enter;
      value[out] = leaveTo;
      for (let j = 0; j < m; j++) B[j * 3 + leave] = col(enter, j);
    }
    // The basic values are updated in place; recompute them now and then so rounding cannot build up.
    if (++sinceRefresh >= 64 && !refresh()) return null;
    if (sinceRefresh >= 64) sinceRefresh = 0;
  }
  return null;
}

/** The best (E, A, B) at exponents (α, β) over the runs: the profile the exponent search walks on. */
function profile(lnN: Float64Array, lnD: Float64Array, loss: Float64Array, w: Float64Array, k: number, alpha: number, beta: number): EnvelopeLp | null {
  const one = new Float64Array(loss.length).fill(1);
  return envelopeLp([one, lnN.map((v) => Math.exp(-alpha * v)), lnD.map((v) => Math.exp(-beta * v))], loss, w, k);
}

/** Nelder–Mead on two variables, restarted from its best point until a restart gains nothing. */
function nelderMead2(f: (p: readonly number[]) => number, start: readonly number[], step: number, maxEvals: number): { x: number[]; f: number } {
  let evals = 0;
  const g = (p: number[]) => (evals++, f(p));
  let best = { x: [...start], f: g([...start]) };
  for (let restart = 0; restart < 8 && evals < maxEvals; restart++) {
    let pts = [best.x, [best.x[0] + step, best.x[1]], [best.x[0], best.x[1] + step]].map((x) => ({ x, f: x === best.x ? best.f : g(x) }));
    while (evals < maxEvals) {
      pts.sort((a, b) => a.f - b.f);
      const [lo, mid, hi] = pts;
      if (Math.abs(hi.f - lo.f) <= 1e-15 * Math.abs(lo.f) && Math.hypot(hi.x[0] - lo.x[0], hi.x[1] - lo.x[1]) < 1e-13) break;
      const c = [(lo.x[0] + mid.x[0]) / 2, (lo.x[1] + mid.x[1]) / 2];
      const at = (t: number) => [c[0] + t * (hi.x[0] - c[0]), c[1] + t * (hi.x[1] - c[1])];
      const r = { x: at(-1), f: 0 };
      r.f = g(r.x);
      if (r.f < lo.f) {
        const e = { x: at(-2), f: 0 };
        e.f = g(e.x);
        pts = [lo, mid, e.f < r.f ? e : r];
      } else if (r.f < mid.f) pts = [lo, mid, r];
      else {
        const ct = { x: at(r.f < hi.f ? -0.5 : 0.5), f: 0 };
        ct.f = g(ct.x);
        if (ct.f < Math.min(hi.f, r.f)) pts = [lo, mid, ct];
        else pts = [lo, ...[mid, hi].map((p) => { const x = [lo.x[0] + (p.x[0] - lo.x[0]) / 2, lo.x[1] + (p.x[1] - lo.x[1]) / 2]; return { x, f: g(x) }; })];
      }
    }
    pts.sort((a, b) => a.f - b.f);
    if (!(pts[0].f < best.f)) break;
    best = pts[0];
    step /= 4;
  }
  return best;
}

/**
 * For the Chinchilla form with the asymmetric loss: from θ = (a, b, e, α, β),
 * the exponents searched with the exact (E, A, B) at each; returns a θ whose
 * objective is lower, or null when none was found (or (E, A, B) hit zero,
 * which θ's logs cannot hold).
 */
export function envelopePolish(
  data: { lnN: Float64Array; lnD: Float64Array; loss: Float64Array; weight: Float64Array }, k: number, theta: ArrayLike<number>, objective: number,
): Float64Array | null {
  const f = (p: readonly number[]) => profile(data.lnN, data.lnD, data.loss, data.weight, k, p[0], p[1])?.objective ?? Infinity;
  const start = chinchilla.fromTheta(defaultSpec(), theta).params;
  const best = nelderMead2(f, [start.alpha, start.beta], 0.02, 1500);
  if (!(best.f < objective)) return null;
  const lp = profile(data.lnN, data.lnD, data.loss, data.weight, k, best.x[0], best.x[1]);
  if (!lp || !lp.c.every((v) => v > 0)) return null;
  const [E, A, B] = lp.c;
  return Float64Array.from(chinchilla.toTheta({ form: 'chinchilla', params: { A, B, E, alpha: best.x[0], beta: best.x[1] } }));
}
