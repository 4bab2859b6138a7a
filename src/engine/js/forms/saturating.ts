/**
 * Saturating power law (Henighan et al. 2020 style): L = E + A·x^(−α), as
 * q = ln(eᵉ + eᵃ·x^(−α)), x ∈ N | D | C.
 * θ order: see src/laws/saturating.ts (thetaNames).
 * Mirrors assembly/forms/saturating.ts.
 */

import { lse2 } from './lse.js';
import { variableColumn } from './io.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(2);

export function predictSaturating(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const x = variableColumn(data, spec)[i];
  const q = lse2(theta[0], theta[1] - theta[2] * x, w);
  dq[0] = w[0]; dq[1] = w[1]; dq[2] = -x * w[1];
  return q;
}
