/**
 * Kaplan et al. 2020, eq. 1.5: L = [(Nc/N)^(αN/αD) + Dc/D]^αD, as
 * q = αD·ln(e^u₁ + e^u₂) with u₁ = (αN/αD)(ln Nc − ln N), u₂ = ln Dc − ln D.
 * θ order: see src/laws/kaplan.ts (thetaNames).
 * Mirrors src/engine/js/forms/kaplan.ts.
 */

import { lnN, lnD } from "../points";
import { lse2, w0, w1 } from "./lse";
import { th, set, col } from "./io";

@inline export function predictKaplan(theta: usize, i: i32, dq: usize): f64 {
  const n = col(lnN, i), d = col(lnD, i);
  const lnNc = th(theta, 0), lnDc = th(theta, 1), aN = th(theta, 2), aD = th(theta, 3);
  const u1 = (aN / aD) * (lnNc - n), u2 = lnDc - d;
  const s = lse2(u1, u2);
  set(dq, 0, aN * w0); set(dq, 1, aD * w1); set(dq, 2, w0 * (lnNc - n)); set(dq, 3, s - w0 * u1);
  return aD * s;
}
