/**
 * Over-training (Gadre et al. 2024, eq. 4): L = E + (a·M^η + b·M^(−η))·C^(−η)
 * with M = D/N and C = 6ND, as the log-sum-exp of its three terms.
 * θ order: see src/laws/overtrained.ts (thetaNames).
 * Mirrors assembly/forms/overtrained.ts.
 */

import { lse3 } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(3);
const LN6 = Math.log(6);

export function predictOvertrained(_spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const n = data.lnN[i], d = data.lnD[i];
  const [e, la, lb, eta] = theta;
  const lnM = d - n, lnC = LN6 + n + d; // C = 6ND, as Gadre et al. define it
  const q = lse3(e, la + eta * (lnM - lnC), lb - eta * (lnM + lnC), w);
  dq[0] = w[0]; dq[1] = w[1]; dq[2] = w[2]; dq[3] = w[1] * (lnM - lnC) - w[2] * (lnM + lnC);
  return q;
}
