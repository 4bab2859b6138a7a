/**
 * Task metric from a loss, exponential form (Gadre et al. 2024, "Language
 * models scale reliably with over-training and on downstream tasks", top-1
 * error): ŷ = ε − k·e^(−γ·x), x the loss (data.input), as
 * ŷ = θ₀ − e^(θ₁ − θ₂·x) with k = e^θ₁. Returns the raw ŷ (not its log: a
 * metric may be 0 or the prediction cross 0) and writes ∂ŷ/∂θ to dp.
 * θ order: see src/laws/task-exp.ts (thetaNames).
 * Mirrors assembly/forms/task-exp.ts.
 */

import type { FitData, ObjectiveSpec } from '../../types.js';

export function predictTaskExp(_spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dp: Float64Array): number {
  const x = data.input[i];
  const e = Math.exp(theta[1] - theta[2] * x); // k·e^(−γx)
  dp[0] = 1; dp[1] = -e; dp[2] = x * e;
  return theta[0] - e;
}
