/**
 * Task metric from a loss, sigmoidal form (OLMo 2 model ladder, Bhagia et
 * al. 2024, "Establishing Task Scaling Laws via Compute-Efficient Model
 * Ladders", step 2): ŷ = a / (1 + e^(−k·(x − x₀))) + b, x the loss (the
 * input column). Returns the raw ŷ and writes ∂ŷ/∂θ to dp; σ′(z) is taken as
 * σ(z)·σ(−z), which neither overflows nor cancels for large |z|.
 * θ order: see src/laws/task-sigmoid.ts (thetaNames).
 * Mirrors src/engine/js/forms/task-sigmoid.ts.
 */

import { input } from "../points";
import { sigmoid } from "../math/scalar";
import { th, set, col } from "./io";

@inline export function predictTaskSigmoid(theta: usize, i: i32, dp: usize): f64 {
  const a = th(theta, 0), k = th(theta, 2), u = col(input, i) - th(theta, 1);
  const z = k * u, s = sigmoid(z), ds = s * sigmoid(-z);
  set(dp, 0, s); set(dp, 1, -a * k * ds); set(dp, 2, a * u * ds); set(dp, 3, 1.0);
  return a * s + th(theta, 3);
}
