/**
 * Kaplan et al. 2020, eq. 1.5: L = [(Nc/N)^(αN/αD) + Dc/D]^αD, as
 * q = αD·ln(e^u₁ + e^u₂) with u₁ = (αN/αD)(ln Nc − ln N), u₂ = ln Dc − ln D.
 * θ order: see src/laws/kaplan.ts (thetaNames).
 * Mirrors assembly/forms/kaplan.ts.
 */

import { lse2 } from './lse.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

const w = new Float64Array(2);

export function predictKaplan(_spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const n = data.lnN[i], d = data.lnD[i];
  const [lnNc, lnDc, aN, aD] = theta;
  const u1 = (aN / aD) * (lnNc - n), u2 = lnDc - d;
  const s = lse2(u1, u2, w);
  dq[0] = aN * w[0]; dq[1] = aD * w[1]; dq[2] = w[0] * (lnNc - n); dq[3] = s - w[0] * u1;
  return aD * s;
}
