/**
 * Task metric from a loss, sigmoidal form (OLMo 2 model ladder, Bhagia et
 * al. 2024, "Establishing Task Scaling Laws via Compute-Efficient Model
 * Ladders", step 2): ŷ = a / (1 + e^(−k·(x − x₀))) + b, x the loss
 * (data.input). Returns the raw ŷ and writes ∂ŷ/∂θ to dp; σ′(z) is taken as
 * σ(z)·σ(−z), which neither overflows nor cancels for large |z|.
 * θ order: see src/laws/task-sigmoid.ts (thetaNames).
 * Mirrors assembly/forms/task-sigmoid.ts.
 */

import { sigmoid } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

export function predictTaskSigmoid(_spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dp: Float64Array): number {
  const a = theta[0], k = theta[2], u = data.input[i] - theta[1];
  const z = k * u, s = sigmoid(z), ds = s * sigmoid(-z);
  dp[0] = s; dp[1] = -a * k * ds; dp[2] = a * u * ds; dp[3] = 1;
  return a * s + theta[3];
}
