/**
 * Pure power law (Kaplan et al. 2020, eq. 1.1–1.3): L = (x_c/x)^α, so
 * q = α·(ln x_c − ln x), x ∈ N | D | C.
 * θ order: see src/laws/power.ts (thetaNames).
 * Mirrors src/engine/js/forms/power.ts.
 */

import { th, set, variable } from "./io";

@inline export function predictPower(variableId: i32, theta: usize, i: i32, dq: usize): f64 {
  const x = variable(variableId, i);
  set(dq, 0, th(theta, 1)); set(dq, 1, th(theta, 0) - x);
  return th(theta, 1) * (th(theta, 0) - x);
}
