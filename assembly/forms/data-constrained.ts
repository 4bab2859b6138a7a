/**
 * Data-constrained scaling (Muennighoff et al. 2023, §3.1): the Chinchilla
 * base law (fixed, in `constants`: a, b, e, α, β) at effective N′, D′ that
 * discount repeated data with decay constants R_N*, R_D*.
 * θ order: see src/laws/data-constrained.ts (thetaNames).
 * Mirrors src/engine/js/forms/data-constrained.ts.
 */

import { lnN, lnD, lnU } from "../points";
import { lse3, w0, w1 } from "./lse";
import { exp, expm1, log, pow } from "../math/scalar";
import { th, set, col } from "./io";

/** Results of the last `saturation` call. */
let satT: f64 = 0;
let satDT: f64 = 0;

/**
 * Effective extra params/data for r repeats and decay R (Muennighoff et al.
 * eq. 5): satT = R·(1 − e^(−x)), x = r/R, and satDT = its ln R derivative
 * R·(1 − (1 + x)·e^(−x)); limits at R = 0 or x = ∞, R = ∞ and r = 0, not ∞·0.
 * Mirrors `saturation` in src/engine/js/forms/data-constrained.ts.
 */
function saturation(r: f64, R: f64): void {
  if (r <= 0) { satT = 0; satDT = 0; return; } // no repeats (NaN passes on)
  const x = r / R;
  if (x == Infinity) { satT = R; satDT = R; return; } // e^(−x) = 0: both factors are 1
  if (x >= 0.5) {
    const one = -expm1(-x);
    satT = R * one;
    satDT = R * (one - x * exp(-x));
    return;
  }
  // Small x (R may be ∞): the derivative as its series r·Σₙ₌₂ (−1)ⁿ(n − 1)xⁿ⁻¹/n!,
  // since 1 − e^(−x) − x·e^(−x) cancels (≈ x²/2).
  let term = 0.5 * x, sum = term;
  for (let n: i32 = 2; n < 17; n++) {
    term *= (-x * <f64>n) / (<f64>(n - 1) * <f64>(n + 1));
    sum += term;
  }
  satT = x == 0 ? r : r * (-expm1(-x) / x);
  satDT = r * sum;
}

@inline export function predictDataConstrained(constants: usize, theta: usize, i: i32, dq: usize): f64 {
  const n = col(lnN, i), d = col(lnD, i);
  const a = th(constants, 0), b = th(constants, 1), e = th(constants, 2), alpha = th(constants, 3), beta = th(constants, 4);
  const RN = exp(th(theta, 0)), RD = exp(th(theta, 1));
  const N = exp(n), D = exp(d), U = min(exp(col(lnU, i)), D); // U_D = min(U, D)
  // U_N: the compute-optimal size for which U tokens are optimal under the base law (Hoffmann eq. 4).
  const G = pow((alpha * exp(a)) / (beta * exp(b)), 1.0 / (alpha + beta));
  const UN = min(N, G * pow(G * U, beta / alpha));
  saturation(N / UN - 1.0, RN);
  const tN = satT, dtN = satDT;
  saturation(D / U - 1.0, RD);
  const Np = UN * (1.0 + tN), Dp = U * (1.0 + satT);
  const q = lse3(a - alpha * log(Np), b - beta * log(Dp), e);
  set(dq, 0, -alpha * w0 * (UN * dtN) / Np);
  set(dq, 1, -beta * w1 * (U * satDT) / Dp);
  return q;
}
