/**
 * The Chinchilla law in log-sum-exp form and its fitting objective, in plain
 * TypeScript: the oracle the WebAssembly kernels are tested against and the
 * engine used where WebAssembly cannot be compiled.
 *
 * Prediction (Hoffmann et al. 2022, eq. 3): ln L̂ = LSE(a − α ln N, b − β ln D, e),
 * with A = eᵃ, B = eᵇ, E = eᵉ. The objective is the SUM over runs of
 * wᵢ·Huber_δ(ln L̂ − ln L) (or of squared residuals), wᵢ the run's weight: the sum, not the mean, keeps
 * its scale large enough for L-BFGS's tolerances (docs/fitting.md, "Scale of the objective").
 *
 * Mirrors assembly/forms/chinchilla.ts; keep the two in step.
 */

import type { FitData } from '../types.js';

export const LOSS_HUBER = 0;
export const LOSS_SQUARED = 1;

/**
 * Objective value at θ = (a, b, e, α, β); writes the analytic gradient into `grad`.
 * With softmax weights w = (e^x₁, e^x₂, e^x₃)/S the derivatives of the prediction
 * are ∂/∂a = w₁, ∂/∂α = −ln N·w₁, ∂/∂b = w₂, ∂/∂β = −ln D·w₂, ∂/∂e = w₃ (§5.1).
 */
export function chinchillaObjective(
  pts: FitData,
  theta: Float64Array,
  grad: Float64Array,
  loss: number,
  delta: number,
): number {
  const a = theta[0], b = theta[1], e = theta[2], alpha = theta[3], beta = theta[4];
  const { lnN, lnD, lnL, weight, count } = pts;
  let f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
  for (let i = 0; i < count; i++) {
    const wi = weight[i];
    const n = lnN[i], d = lnD[i];
    const x1 = a - alpha * n;
    const x2 = b - beta * d;
    // Stable LSE: E's term is the reference (exp(0) = 1 needs no call) unless
    // another exceeds it by e^700; then subtract the largest, so no exp overflows.
    let m = e, e1: number, e2: number, e3 = 1;
    if (Math.max(x1, x2) - e > 700) {
      m = Math.max(x1, x2, e);
      e1 = Math.exp(x1 - m);
      e2 = Math.exp(x2 - m);
      e3 = Math.exp(e - m);
    } else {
      e1 = Math.exp(x1 - e);
      e2 = Math.exp(x2 - e);
    }
    const s = e1 + e2 + e3;
    const r = m + Math.log(s) - lnL[i];
    let h: number;
    if (loss === LOSS_SQUARED) {
      f += wi * (r * r);
      h = wi * (2 * r);
    } else if (Math.abs(r) <= delta) {
      f += wi * (0.5 * r * r);
      h = wi * r;
    } else {
      f += wi * (delta * (Math.abs(r) - 0.5 * delta));
      h = r > 0 ? wi * delta : -wi * delta;
    }
    const hs = h / s;
    const w1 = hs * e1, w2 = hs * e2;
    ga += w1;
    gal -= w1 * n;
    gb += w2;
    gbe -= w2 * d;
    ge += hs * e3;
  }
  grad[0] = ga;
  grad[1] = gb;
  grad[2] = ge;
  grad[3] = gal;
  grad[4] = gbe;
  return f;
}
