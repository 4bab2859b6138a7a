/**
 * Pure power law (Kaplan et al. 2020, eq. 1.1–1.3): L = (x_c/x)^α, so
 * q = α·(ln x_c − ln x), x ∈ N | D | C.
 * θ order: see src/laws/power.ts (thetaNames).
 * Mirrors assembly/forms/power.ts.
 */

import { variableColumn } from './io.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

export function predictPower(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const x = variableColumn(data, spec)[i];
  dq[0] = theta[1]; dq[1] = theta[0] - x;
  return theta[1] * (theta[0] - x);
}
