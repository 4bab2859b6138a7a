/**
 * Data-constrained scaling (Muennighoff et al. 2023, §3.1): the Chinchilla
 * base law (fixed, in spec.constants: a, b, e, α, β) at effective N′, D′
 * that discount repeated data with decay constants R_N*, R_D*.
 * θ order: see src/laws/data-constrained.ts (thetaNames).
 * Mirrors assembly/forms/data-constrained.ts.
 */

import { lse3 } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(3);

/**
 * Effective extra params/data beyond the unique ones for r repeats and decay R
 * (Muennighoff et al. eq. 5): t = R·(1 − e^(−x)) with x = r/R, and its ln R
 * derivative R·(1 − (1 + x)·e^(−x)). Written so that R = 0 or r/R = ∞ (t = R),
 * R = ∞ (t = r) and r = 0 give their limits, not ∞·0 = NaN or 0/0.
 */
export function saturation(r: number, R: number): [number, number] {
  if (r <= 0) return [0, 0]; // no repeats (NaN passes on)
  const x = r / R;
  if (x === Infinity) return [R, R]; // e^(−x) = 0: both factors are 1
  if (x >= 0.5) {
    const one = -Math.expm1(-x);
    return [R * one, R * (one - x * Math.exp(-x))];
  }
  // Small x (R may be ∞): t = r·(1 − e^(−x))/x, and the derivative as its series
  // r·Σₙ₌₂ (−1)ⁿ(n − 1)xⁿ⁻¹/n!, since 1 − e^(−x) − x·e^(−x) cancels (≈ x²/2).
  let term = 0.5 * x, sum = term;
  for (let n = 2; n < 17; n++) {
    term *= (-x * n) / ((n - 1) * (n + 1));
    sum += term;
  }
  return [x === 0 ? r : r * (-Math.expm1(-x) / x), r * sum];
}

export function predictDataConstrained(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const n = data.lnN[i], d = data.lnD[i];
  const [a, b, e, alpha, beta] = spec.constants;
  const RN = Math.exp(theta[0]), RD = Math.exp(theta[1]);
  const N = Math.exp(n), D = Math.exp(d), U = Math.min(Math.exp(data.lnU[i]), D); // U_D = min(U, D)
  // U_N: the compute-optimal size for which U tokens are optimal under the base law (Hoffmann eq. 4).
  const G = ((alpha * Math.exp(a)) / (beta * Math.exp(b))) ** (1 / (alpha + beta));
  const UN = Math.min(N, G * (G * U) ** (beta / alpha));
  const [tN, dtN] = saturation(N / UN - 1, RN), [tD, dtD] = saturation(D / U - 1, RD);
  const Np = UN * (1 + tN), Dp = U * (1 + tD);
  const q = lse3(a - alpha * Math.log(Np), b - beta * Math.log(Dp), e, w);
  dq[0] = -alpha * w[0] * (UN * dtN) / Np;
  dq[1] = -beta * w[1] * (U * dtD) / Dp;
  return q;
}
