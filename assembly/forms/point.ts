/**
 * Every form's log-prediction q = ln L̂ at run i, with ∂q/∂θ written to dq,
 * for the generic objective (../objective.ts). Mirrors
 * src/engine/js/forms/point.ts step for step; θ per form is listed there.
 */

import { lnN, lnD, lnC, lnU } from "../points";
import { lse2, lse3, w0, w1, w2 } from "./lse";
import { exp, expm1, log, pow, sigmoid, softplus } from "../math/scalar";

export const FORM_CHINCHILLA: i32 = 0;
export const FORM_KAPLAN: i32 = 1;
export const FORM_POWER: i32 = 2;
export const FORM_SATURATING: i32 = 3;
export const FORM_DATA_CONSTRAINED: i32 = 4;
export const FORM_OVERTRAINED: i32 = 5;
export const FORM_BROKEN: i32 = 6;

const LN6: f64 = 1.791759469228055; // ln 6

@inline function th(theta: usize, k: i32): f64 { return load<f64>(theta + (<usize>k << 3)); }
@inline function set(dq: usize, k: i32, v: f64): void { store<f64>(dq + (<usize>k << 3), v); }
@inline function col(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }

function variable(v: i32, i: i32): f64 {
  return v == 1 ? col(lnD, i) : v == 2 ? col(lnC, i) : col(lnN, i);
}

/** Results of the last `saturation` call. */
let satT: f64 = 0;
let satDT: f64 = 0;

/**
 * Effective extra params/data for r repeats and decay R (Muennighoff et al.
 * eq. 5): satT = R·(1 − e^(−x)), x = r/R, and satDT = its ln R derivative
 * R·(1 − (1 + x)·e^(−x)); limits at R = 0 or x = ∞, R = ∞ and r = 0, not ∞·0.
 * Mirrors `saturation` in src/engine/js/forms/point.ts.
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

export function predictLog(form: i32, variableId: i32, breaks: i32, constants: usize, theta: usize, i: i32, dq: usize): f64 {
  const n = col(lnN, i), d = col(lnD, i);
  if (form == FORM_CHINCHILLA) {
    const q = lse3(th(theta, 0) - th(theta, 3) * n, th(theta, 1) - th(theta, 4) * d, th(theta, 2));
    set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, w2); set(dq, 3, -n * w0); set(dq, 4, -d * w1);
    return q;
  }
  if (form == FORM_KAPLAN) {
    const lnNc = th(theta, 0), lnDc = th(theta, 1), aN = th(theta, 2), aD = th(theta, 3);
    const u1 = (aN / aD) * (lnNc - n), u2 = lnDc - d;
    const s = lse2(u1, u2);
    set(dq, 0, aN * w0); set(dq, 1, aD * w1); set(dq, 2, w0 * (lnNc - n)); set(dq, 3, s - w0 * u1);
    return aD * s;
  }
  if (form == FORM_POWER) {
    const x = variable(variableId, i);
    set(dq, 0, th(theta, 1)); set(dq, 1, th(theta, 0) - x);
    return th(theta, 1) * (th(theta, 0) - x);
  }
  if (form == FORM_SATURATING) {
    const x = variable(variableId, i);
    const q = lse2(th(theta, 0), th(theta, 1) - th(theta, 2) * x);
    set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, -x * w1);
    return q;
  }
  if (form == FORM_DATA_CONSTRAINED) {
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
  if (form == FORM_OVERTRAINED) {
    const e = th(theta, 0), la = th(theta, 1), lb = th(theta, 2), eta = th(theta, 3);
    const lnM = d - n, lc = LN6 + n + d; // C = 6ND, as Gadre et al. define it
    const q = lse3(e, la + eta * (lnM - lc), lb - eta * (lnM + lc));
    set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, w2); set(dq, 3, w1 * (lnM - lc) - w2 * (lnM + lc));
    return q;
  }
  // FORM_BROKEN
  const x = variable(variableId, i);
  let t = th(theta, 1) - th(theta, 2) * x;
  for (let k: i32 = 0; k < breaks; k++) {
    const c = th(theta, 3 + 3 * k), f = exp(th(theta, 5 + 3 * k));
    t -= c * f * softplus((x - th(theta, 4 + 3 * k)) / f);
  }
  const q = lse2(th(theta, 0), t);
  const sT = w1;
  set(dq, 0, w0); set(dq, 1, sT); set(dq, 2, -x * sT);
  for (let k: i32 = 0; k < breaks; k++) {
    const c = th(theta, 3 + 3 * k), f = exp(th(theta, 5 + 3 * k));
    const z = (x - th(theta, 4 + 3 * k)) / f, sp = softplus(z), sg = sigmoid(z);
    set(dq, 3 + 3 * k, -f * sp * sT);
    set(dq, 4 + 3 * k, c * sg * sT);
    set(dq, 5 + 3 * k, f * c * (sg * z - sp) * sT);
  }
  return q;
}
