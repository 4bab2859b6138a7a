/**
 * Every form's log-prediction q = ln L̂ at one run, with ∂q/∂θ, for the
 * generic objective (src/engine/js/objective.ts). Mirrors assembly/forms/point.ts.
 * Each form is written in log-sum-exp form so no exp overflows at any θ.
 *
 * θ per form (scale parameters as logs, so they stay positive):
 * - chinchilla (Hoffmann et al. 2022): a, b, e, α, β — L = eᵉ + eᵃ/N^α + eᵇ/D^β
 * - kaplan (Kaplan et al. 2020 eq. 1.5): ln Nc, ln Dc, αN, αD — L = [(Nc/N)^(αN/αD) + Dc/D]^αD
 * - power: ln x_c, α — L = (x_c/x)^α
 * - saturating: e, a, α — L = eᵉ + eᵃ·x^(−α)
 * - data-constrained (Muennighoff et al. 2023): ln R_N*, ln R_D*, base law fixed in spec.constants
 * - overtrained (Gadre et al. 2024 eq. 4): e, ln a, ln b, η — L = eᵉ + (a·M^η + b·M^(−η))·C^(−η), M = D/N
 * - broken (Caballero et al. 2022): ln a, ln b, c₀, then per break c, ln d, ln f —
 *   L = a + b·x^(−c₀)·Π (1 + (x/d)^(1/f))^(−c·f)
 */

import { lse2, lse3, sigmoid, softplus } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(3);
const LN6 = Math.log(6);

function variableColumn(data: FitData, spec: ObjectiveSpec): Float64Array {
  return spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
}

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

export function predictLog(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const n = data.lnN[i], d = data.lnD[i];
  switch (spec.form) {
    case 'chinchilla': {
      const q = lse3(theta[0] - theta[3] * n, theta[1] - theta[4] * d, theta[2], w);
      dq[0] = w[0]; dq[1] = w[1]; dq[2] = w[2]; dq[3] = -n * w[0]; dq[4] = -d * w[1];
      return q;
    }
    case 'kaplan': {
      const [lnNc, lnDc, aN, aD] = theta;
      const u1 = (aN / aD) * (lnNc - n), u2 = lnDc - d;
      const s = lse2(u1, u2, w);
      dq[0] = aN * w[0]; dq[1] = aD * w[1]; dq[2] = w[0] * (lnNc - n); dq[3] = s - w[0] * u1;
      return aD * s;
    }
    case 'power': {
      const x = variableColumn(data, spec)[i];
      dq[0] = theta[1]; dq[1] = theta[0] - x;
      return theta[1] * (theta[0] - x);
    }
    case 'saturating': {
      const x = variableColumn(data, spec)[i];
      const q = lse2(theta[0], theta[1] - theta[2] * x, w);
      dq[0] = w[0]; dq[1] = w[1]; dq[2] = -x * w[1];
      return q;
    }
    case 'data-constrained': {
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
    case 'overtrained': {
      const [e, la, lb, eta] = theta;
      const lnM = d - n, lnC = LN6 + n + d; // C = 6ND, as Gadre et al. define it
      const q = lse3(e, la + eta * (lnM - lnC), lb - eta * (lnM + lnC), w);
      dq[0] = w[0]; dq[1] = w[1]; dq[2] = w[2]; dq[3] = w[1] * (lnM - lnC) - w[2] * (lnM + lnC);
      return q;
    }
    case 'broken': {
      const x = variableColumn(data, spec)[i];
      let t = theta[1] - theta[2] * x;
      for (let k = 0; k < spec.breaks; k++) {
        const c = theta[3 + 3 * k], f = Math.exp(theta[5 + 3 * k]);
        t -= c * f * softplus((x - theta[4 + 3 * k]) / f);
      }
      const q = lse2(theta[0], t, w);
      const sT = w[1];
      dq[0] = w[0]; dq[1] = sT; dq[2] = -x * sT;
      for (let k = 0; k < spec.breaks; k++) {
        const c = theta[3 + 3 * k], f = Math.exp(theta[5 + 3 * k]);
        const z = (x - theta[4 + 3 * k]) / f, sp = softplus(z), sg = sigmoid(z);
        dq[3 + 3 * k] = -f * sp * sT;
        dq[4 + 3 * k] = c * sg * sT;
        dq[5 + 3 * k] = f * c * (sg * z - sp) * sT;
      }
      return q;
    }
  }
}
