/**
 * Every form's log-prediction q = ln L̂ at one run, with ∂q/∂θ, for the
 * generic objective (src/engine/js/objective.ts): the form picks the kernel,
 * one file per form (./kaplan.ts and its siblings). Each is written in
 * log-sum-exp form so no exp overflows at any θ. Mirrors assembly/forms/point.ts.
 */

import { predictChinchilla } from './chinchilla-point.js';
import { predictKaplan } from './kaplan.js';
import { predictPower } from './power.js';
import { predictSaturating } from './saturating.js';
import { predictDataConstrained } from './data-constrained.js';
import { predictOvertrained } from './overtrained.js';
import { predictBroken } from './broken.js';
import type { FitData, ObjectiveSpec } from '../../types.js';

// Kept for importers of `saturation` from here (src/laws/data-constrained.ts).
export { saturation } from './data-constrained.js';

export function predictLog(spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dq: Float64Array): number {
  switch (spec.form) {
    case 'chinchilla': return predictChinchilla(spec, theta, data, i, dq);
    case 'kaplan': return predictKaplan(spec, theta, data, i, dq);
    case 'power': return predictPower(spec, theta, data, i, dq);
    case 'saturating': return predictSaturating(spec, theta, data, i, dq);
    case 'data-constrained': return predictDataConstrained(spec, theta, data, i, dq);
    case 'overtrained': return predictOvertrained(spec, theta, data, i, dq);
    case 'broken': return predictBroken(spec, theta, data, i, dq);
  }
}
