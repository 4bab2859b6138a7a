/**
 * Chinchilla (Hoffmann et al. 2022, eq. 2), one run at a time:
 * q = ln(eᵃ/N^α + eᵇ/D^β + eᵉ), with ∂q/∂θ. Only the losses the tuned
 * kernel (./chinchilla.ts) does not handle come here.
 * θ order: see src/laws/chinchilla.ts (thetaNames).
 * Mirrors src/engine/js/forms/chinchilla-point.ts.
 */

import { lnN, lnD } from "../points";
import { lse3, w0, w1, w2 } from "./lse";
import { th, set, col } from "./io";

@inline export function predictChinchilla(theta: usize, i: i32, dq: usize): f64 {
  const n = col(lnN, i), d = col(lnD, i);
  const q = lse3(th(theta, 0) - th(theta, 3) * n, th(theta, 1) - th(theta, 4) * d, th(theta, 2));
  set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, w2); set(dq, 3, -n * w0); set(dq, 4, -d * w1);
  return q;
}
