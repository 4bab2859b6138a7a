/**
 * Task metric from a loss, exponential form (Gadre et al. 2024, "Language
 * models scale reliably with over-training and on downstream tasks", top-1
 * error): ŷ = ε − k·e^(−γ·x), x the loss (the input column), as
 * ŷ = θ₀ − e^(θ₁ − θ₂·x) with k = e^θ₁. Returns the raw ŷ (not its log: a
 * metric may be 0 or the prediction cross 0) and writes ∂ŷ/∂θ to dp.
 * θ order: see src/laws/task-exp.ts (thetaNames).
 * Mirrors src/engine/js/forms/task-exp.ts.
 */

import { input } from "../points";
import { exp } from "../math/scalar";
import { th, set, col } from "./io";

@inline export function predictTaskExp(theta: usize, i: i32, dp: usize): f64 {
  const x = col(input, i);
  const e = exp(th(theta, 1) - th(theta, 2) * x); // k·e^(−γx)
  set(dp, 0, 1.0); set(dp, 1, -e); set(dp, 2, x * e);
  return th(theta, 0) - e;
}
