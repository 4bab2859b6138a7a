/**
 * Broken neural scaling law (Caballero et al. 2022):
 * L = a + b·x^(−c₀)·Π (1 + (x/d)^(1/f))^(−c·f), as q = ln(a + e^t) with
 * t = ln b − c₀·ln x − Σ c·f·softplus((ln x − ln d)/f), x ∈ N | D | C.
 * θ order: see src/laws/broken.ts (thetaNames).
 * Mirrors assembly/forms/broken.ts.
 */

import { lse2, sigmoid, softplus } from './lse.js';
import { variableColumn } from './io.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(2);

export function predictBroken(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const x = variableColumn(data, spec)[i];
  let t = theta[1] - theta[2] * x;
  for (let k = 0; k < spec.breaks; k++) {
    const c = theta[3 + 3 * k], f = Math.exp(theta[5 + 3 * k]);
    t -= c * f * softplus((x - theta[4 + 3 * k]) / f);
  }
  const q = lse2(theta[0], t, w);
  const sT = w[1];
  dq[0] = w[0]; dq[1] = sT; dq[2] = -x * sT;
  for (let k = 0; k < spec.breaks; k++) {
    const c = theta[3 + 3 * k], f = Math.exp(theta[5 + 3 * k]);
    const z = (x - theta[4 + 3 * k]) / f, sp = softplus(z), sg = sigmoid(z);
    dq[3 + 3 * k] = -f * sp * sT;
    dq[4 + 3 * k] = c * sg * sT;
    dq[5 + 3 * k] = f * c * (sg * z - sp) * sT;
  }
  return q;
}
