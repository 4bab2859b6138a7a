/**
 * Every form's log-prediction q = ln L̂ at one run, with ∂q/∂θ, for the
 * generic objective (src/engine/js/objective.ts): the form picks the kernel,
 * one file per form (./kaplan.ts and its siblings). Each is written in
 * log-sum-exp form so no exp overflows at any θ. The task forms predict a
 * raw metric (./task.ts) and the objective takes them there; here they give
 * ln ŷ with ∂(ln ŷ)/∂θ = (∂ŷ/∂θ)/ŷ (NaN where ŷ ≤ 0), for the callers that
 * work on log predictions (src/core/curvature.ts, src/core/fit-diagnostics.ts).
 * Mirrors assembly/forms/point.ts (where only the objective calls it, so the
 * task forms never reach it).
 */

import { predictChinchilla } from './chinchilla-point.js';
import { predictKaplan } from './kaplan.js';
import { predictPower } from './power.js';
import { predictSaturating } from './saturating.js';
import { predictDataConstrained } from './data-constrained.js';
import { predictOvertrained } from './overtrained.js';
import { predictBroken } from './broken.js';
import { predictRaw, type TaskForm } from './task.js';
import { fullParamCount, paramCount, type FitData, type ObjectiveSpec } from '../../types.js';
import { expandTied, foldTied, untiedSpec } from '../tie.js';

// Kept for importers of `saturation` from here (src/laws/data-constrained.ts).
export { saturation } from './data-constrained.js';

const fullTheta = new Float64Array(64), fullDq = new Float64Array(64);

export function predictLog(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  if (spec.tie) {
    const n = fullParamCount(spec), full = fullTheta.subarray(0, n), d = fullDq.subarray(0, n);
    expandTied(spec.tie, theta, full);
    const q = predictLog(untiedSpec(spec), full, data, i, d);
    foldTied(spec.tie, d, dq);
    return q;
  }
  switch (spec.form) {
    case 'chinchilla': return predictChinchilla(spec, theta, data, i, dq);
    case 'kaplan': return predictKaplan(spec, theta, data, i, dq);
    case 'power': return predictPower(spec, theta, data, i, dq);
    case 'saturating': return predictSaturating(spec, theta, data, i, dq);
    case 'data-constrained': return predictDataConstrained(spec, theta, data, i, dq);
    case 'overtrained': return predictOvertrained(spec, theta, data, i, dq);
    case 'broken': return predictBroken(spec, theta, data, i, dq);
    case 'task-exp':
    case 'task-sigmoid': return logOfRaw(spec.form, spec, theta, data, i, dq);
  }
}

function logOfRaw(form: TaskForm, spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  const p = predictRaw(form, spec, theta, data, i, dq);
  const ok = p > 0 && p < Infinity;
  for (let j = 0, P = paramCount(spec); j < P; j++) dq[j] = ok ? dq[j] / p : NaN;
  return ok ? Math.log(p) : NaN;
}
