/**
 * Broken neural scaling law (Caballero et al. 2022):
 * L = a + b·x^(−c₀)·Π (1 + (x/d)^(1/f))^(−c·f), as q = ln(a + e^t) with
 * t = ln b − c₀·ln x − Σ c·f·softplus((ln x − ln d)/f), x ∈ N | D | C.
 * θ order: see src/laws/broken.ts (thetaNames).
 * Mirrors src/engine/js/forms/broken.ts.
 */

import { lse2, w0, w1 } from "./lse";
import { exp, sigmoid, softplus } from "../math/scalar";
import { th, set, variable } from "./io";

@inline export function predictBroken(variableId: i32, breaks: i32, theta: usize, i: i32, dq: usize): f64 {
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
