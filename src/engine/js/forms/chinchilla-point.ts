/**
 * Chinchilla (Hoffmann et al. 2022, eq. 2), one run at a time:
 * q = ln(eᵃ/N^α + eᵇ/D^β + eᵉ), with ∂q/∂θ. Only the losses the tuned
 * kernel (../chinchilla.ts) does not handle come here.
 * θ order: see src/laws/chinchilla.ts (thetaNames).
 * Mirrors assembly/forms/chinchilla-point.ts.
 */

import { lse3 } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(3);

export function predictChinchilla(_spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const n = data.lnN[i], d = data.lnD[i];
  const q = lse3(theta[0] - theta[3] * n, theta[1] - theta[4] * d, theta[2], w);
  dq[0] = w[0]; dq[1] = w[1]; dq[2] = w[2]; dq[3] = -n * w[0]; dq[4] = -d * w[1];
  return q;
}
