/**
 * Variable projection for the Chinchilla form (docs/fitting.md, "Variable projection"; after
 * Open-Athena's VPNLS): for fixed exponents (α, β) the law
 * L = E + A·N^(−α) + B·D^(−β) is linear in (E, A, B), so a coarse grid over
 * (α, β) with an exact non-negative least-squares inner solve finds the
 * basin cheaply; L-BFGS on the full objective then polishes (src/core/fit.ts).
 */

import type { FitData } from '../engine/types.js';

export interface VarproCell {
  alpha: number;
  beta: number;
  E: number;
  A: number;
  B: number;
  rss: number;
}

/**
 * Non-negative least squares with three unknowns, exactly. G is the 3×3
 * Gram matrix XᵀWX (row-major), h = XᵀWy, yy = yᵀWy; returns the residual
 * sum of squares and writes the solution to out. If the unconstrained
 * solution is non-negative it is the answer; otherwise the optimum lies on a
 * face, and every face (each subset of free variables, 2³ in all) is solved
 * by Cramer's rule and the best feasible one kept: for three unknowns that is
 * cheaper than an active-set iteration and needs no allocation.
 */
export function nnls3(G: Float64Array, h: Float64Array, yy: number, out: Float64Array): number {
  let best = yy; // every coefficient zero
  out[0] = out[1] = out[2] = 0;
  const consider = (x0: number, x1: number, x2: number): boolean => {
    if (!(x0 >= 0 && x1 >= 0 && x2 >= 0)) return false;
    // At a normal-equation solution of a face, rss = yy − xᵀh.
    const rss = yy - (x0 * h[0] + x1 * h[1] + x2 * h[2]);
    if (rss < best) { best = rss; out[0] = x0; out[1] = x1; out[2] = x2; }
    return true;
  };
  const [a, b, c, , e, f, , , i] = G;
  const det = a * (e * i - f * f) - b * (b * i - f * c) + c * (b * f - e * c);
  if (det !== 0) {
    const x0 = (h[0] * (e * i - f * f) - b * (h[1] * i - f * h[2]) + c * (h[1] * f - e * h[2])) / det;
    const x1 = (a * (h[1] * i - f * h[2]) - h[0] * (b * i - f * c) + c * (b * h[2] - h[1] * c)) / det;
    const x2 = (a * (e * h[2] - h[1] * f) - b * (b * h[2] - h[1] * c) + h[0] * (b * f - e * c)) / det;
    if (consider(x0, x1, x2)) return Math.max(best, 0);
  }
  // Faces with two free variables (p, q) and one with the third at zero.
  const pairs: [number, number][] = [[0, 1], [0, 2], [1, 2]];
  for (const [p, q] of pairs) {
    const gpp = G[4 * p], gqq = G[4 * q], gpq = G[3 * p + q], d2 = gpp * gqq - gpq * gpq;
    if (d2 === 0) continue;
    const xp = (h[p] * gqq - gpq * h[q]) / d2, xq = (gpp * h[q] - gpq * h[p]) / d2;
    consider(p === 0 ? xp : 0, p === 1 ? xp : q === 1 ? xq : 0, q === 2 ? xq : 0);
  }
  for (let k = 0; k < 3; k++) {
    const g = G[4 * k];
    if (g > 0) consider(k === 0 ? h[0] / g : 0, k === 1 ? h[1] / g : 0, k === 2 ? h[2] / g : 0);
  }
  return Math.max(best, 0);
}

/** The exponent grid: 32 values over [0.02, 1.2] for each of α and β (Open-Athena used 32 × 32 over [0.05, 0.95]). */
export const VARPRO_EXPONENTS = Array.from({ length: 32 }, (_, i) => 0.02 + (i * (1.2 - 0.02)) / 31);

/**
 * RSS(α, β) of the weighted raw-loss least squares over the exponent grid,
 * row-major (α outer). Sums that depend on α alone or β alone are computed
 * once per exponent; only Σ w·N^(−α)·D^(−β) needs every pair.
 */
export function varproGrid(data: FitData, exponents: readonly number[] = VARPRO_EXPONENTS): VarproCell[] {
  const n = data.count, K = exponents.length;
  const { weight: w, loss: y } = data;
  const powN = new Float64Array(K * n), powD = new Float64Array(K * n);
  const mN = new Float64Array(3 * K), mD = new Float64Array(3 * K); // Σw·p, Σw·p², Σw·p·y per exponent
  const fill = (pow: Float64Array, m: Float64Array, ln: Float64Array) => {
    for (let k = 0; k < K; k++) {
      let s = 0, ss = 0, sy = 0;
      for (let i = 0; i < n; i++) {
        const p = Math.exp(-exponents[k] * ln[i]), wp = w[i] * p;
        pow[k * n + i] = wp; // weight folded in once
        s += wp; ss += wp * p; sy += wp * y[i];
      }
      m[3 * k] = s; m[3 * k + 1] = ss; m[3 * k + 2] = sy;
    }
  };
  fill(powN, mN, data.lnN);
  fill(powD, mD, data.lnD);
  const unweightedD = new Float64Array(K * n);
  for (let k = 0; k < K; k++) for (let i = 0; i < n; i++) unweightedD[k * n + i] = Math.exp(-exponents[k] * data.lnD[i]);
  let s1 = 0, sy = 0, yy = 0;
  for (let i = 0; i < n; i++) { s1 += w[i]; sy += w[i] * y[i]; yy += w[i] * y[i] * y[i]; }
  const G = new Float64Array(9), h = new Float64Array(3), x = new Float64Array(3);
  const cells: VarproCell[] = new Array(K * K);
  for (let ia = 0; ia < K; ia++) {
    const a0 = ia * n;
    for (let ib = 0; ib < K; ib++) {
      const b0 = ib * n;
      let sab = 0;
      for (let i = 0; i < n; i++) sab += powN[a0 + i] * unweightedD[b0 + i];
      // Unknowns (E, A, B); columns 1, N^−α, D^−β.
      G[0] = s1; G[1] = G[3] = mN[3 * ia]; G[2] = G[6] = mD[3 * ib];
      G[4] = mN[3 * ia + 1]; G[5] = G[7] = sab; G[8] = mD[3 * ib + 1];
      h[0] = sy; h[1] = mN[3 * ia + 2]; h[2] = mD[3 * ib + 2];
      const rss = nnls3(G, h, yy, x);
      cells[ia * K + ib] = { alpha: exponents[ia], beta: exponents[ib], E: x[0], A: x[1], B: x[2], rss };
    }
  }
  return cells;
}

/** The best `count` grid cells that are local minima of RSS over the grid (distinct basins). */
export function varproStarts(cells: VarproCell[], K: number, count: number): VarproCell[] {
  const at = (i: number, j: number) => cells[i * K + j].rss;
  const minima = cells.filter((_, idx) => {
    const i = Math.floor(idx / K), j = idx % K, r = at(i, j);
    for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) {
      const a = i + di, b = j + dj;
      if ((di || dj) && a >= 0 && b >= 0 && a < K && b < K && at(a, b) < r) return false;
    }
    return true;
  });
  return minima.sort((p, q) => p.rss - q.rss).slice(0, count);
}

/** θ = (ln A, ln B, ln E, α, β) from a cell; a coefficient NNLS set to zero starts small instead. */
export function thetaFromCell(c: VarproCell, data: FitData): number[] {
  let minLoss = Infinity;
  for (const y of data.loss) minLoss = Math.min(minLoss, y);
  const tiny = 1e-6 * minLoss;
  return [Math.log(Math.max(c.A, tiny)), Math.log(Math.max(c.B, tiny)), Math.log(Math.max(c.E, tiny)), c.alpha, c.beta];
}

/**
 * Exponents for the fast strategy's check of the negative-exponent family: 16 values over
 * [−2, 0.2]. Exponents are not bounded positive (docs/diagnostics.md), and a basin with a
 * negative exponent sits where no start of the strategy's own (α, β ≥ 0.02) leads.
 */
export const SIGNED_EXPONENTS = Array.from({ length: 16 }, (_, i) => -2 + (i * 2.2) / 15);

/** Check starts for the negative-exponent family: the best `count` RSS minima over SIGNED_EXPONENTS with an exponent below zero. */
export function negativeExponentStarts(data: FitData, count: number): number[][] {
  const minima = varproStarts(varproGrid(data, SIGNED_EXPONENTS), SIGNED_EXPONENTS.length, SIGNED_EXPONENTS.length ** 2);
  return minima.filter((c) => c.alpha < 0 || c.beta < 0).slice(0, count).map((c) => thetaFromCell(c, data));
}
