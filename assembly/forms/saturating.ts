/**
 * Saturating power law (Henighan et al. 2020 style): L = E + A·x^(−α), as
 * q = ln(eᵉ + eᵃ·x^(−α)), x ∈ N | D | C.
 * θ order: see src/laws/saturating.ts (thetaNames).
 * Mirrors src/engine/js/forms/saturating.ts.
 */

import { lse2, w0, w1 } from "./lse";
import { th, set, variable } from "./io";

@inline export function predictSaturating(variableId: i32, theta: usize, i: i32, dq: usize): f64 {
  const x = variable(variableId, i);
  const q = lse2(th(theta, 0), th(theta, 1) - th(theta, 2) * x);
  set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, -x * w1);
  return q;
}
