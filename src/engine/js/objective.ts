/**
 * The fitting objective for every form and loss: Σᵢ wᵢ·ℓ(residualᵢ) with its
 * analytic gradient. Chinchilla with a log-residual loss takes the tuned
 * kernel of ./chinchilla.ts; everything else goes run by run through
 * ./forms/point.ts. Mirrors assembly/objective.ts.
 */

import { chinchillaObjective } from './chinchilla.js';
import { predictLog } from './forms/point.js';
import { paramCount, type FitData, type ObjectiveSpec } from '../types.js';

const dq = new Float64Array(64);

export function objective(data: FitData, spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
  if (spec.form === 'chinchilla' && (spec.loss === 'huber' || spec.loss === 'squared')) {
    return chinchillaObjective(data, theta, grad, spec.loss === 'squared' ? 1 : 0, spec.delta);
  }
  const P = paramCount(spec), delta = spec.delta, k = spec.asymmetry;
  let f = 0;
  grad.fill(0, 0, P);
  for (let i = 0; i < data.count; i++) {
    const wi = data.weight[i];
    if (wi === 0) continue;
    const q = predictLog(spec, theta, data, i, dq);
    let c: number; // wᵢ·∂ℓ/∂q
    switch (spec.loss) {
      case 'huber': {
        const r = q - data.lnL[i];
        if (Math.abs(r) <= delta) { f += wi * 0.5 * r * r; c = wi * r; }
        else { f += wi * delta * (Math.abs(r) - 0.5 * delta); c = r > 0 ? wi * delta : -wi * delta; }
        break;
      }
      case 'squared': {
        const r = q - data.lnL[i];
        f += wi * r * r;
        c = 2 * wi * r;
        break;
      }
      case 'squared-raw': {
        const p = Math.exp(q), r = p - data.loss[i];
        f += wi * r * r;
        c = 2 * wi * r * p;
        break;
      }
      case 'asymmetric': {
        // r = L − L̂: under-predictions cost r, over-predictions k·|r| (kyo-takano/chinchilla).
        const p = Math.exp(q), r = data.loss[i] - p;
        if (r > 0) { f += wi * r; c = -wi * p; }
        else { f -= wi * k * r; c = wi * k * p; }
        break;
      }
    }
    for (let j = 0; j < P; j++) grad[j] += c * dq[j];
  }
  return f;
}
