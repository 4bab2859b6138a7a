/**
 * The fitting objective for every form and loss: Σᵢ wᵢ·ℓ(residualᵢ) with its
 * analytic gradient. Chinchilla with a log-residual loss takes the tuned
 * kernel of ./chinchilla.ts; everything else goes run by run through
 * ./forms/point.ts, except the task forms, whose raw predictions
 * (./forms/task.ts) take their own loop. Mirrors assembly/objective.ts.
 */

import { chinchillaObjective } from './chinchilla.js';
import { predictLog } from './forms/point.js';
import { isTaskForm, predictRaw, type TaskForm } from './forms/task.js';
import { fullParamCount, paramCount, type FitData, type ObjectiveSpec } from '../types.js';
import { expandTied, foldTied, untiedSpec } from './tie.js';

const dq = new Float64Array(64);

const fullTheta = new Float64Array(64), fullGrad = new Float64Array(64);

export function objective(data: FitData, spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
  if (spec.tie) {
    const n = fullParamCount(spec), full = fullTheta.subarray(0, n), g = fullGrad.subarray(0, n);
    expandTied(spec.tie, theta, full);
    const f = objective(data, untiedSpec(spec), full, g);
    foldTied(spec.tie, g, grad);
    return f;
  }
  if (spec.form === 'chinchilla' && (spec.loss === 'huber' || spec.loss === 'squared')) {
    return chinchillaObjective(data, theta, grad, spec.loss === 'squared' ? 1 : 0, spec.delta);
  }
  if (isTaskForm(spec.form)) return taskObjective(spec.form, data, spec, theta, grad);
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
      case 'squared-log1p': {
        // r = ln(1 + L̂) − ln(1 + L); dr/dq = L̂/(1 + L̂).
        const p = Math.exp(q), r = Math.log1p(p) - Math.log1p(data.loss[i]);
        f += wi * r * r;
        c = (2 * wi * r * p) / (1 + p);
        break;
      }
    }
    for (let j = 0; j < P; j++) grad[j] += c * dq[j];
  }
  return f;
}

/**
 * The task forms: ŷ itself from ./forms/task.ts, with dq holding ∂ŷ/∂θ. The
 * raw losses use ŷ directly (a metric of 0 is fine); the log losses take
 * q = ln ŷ, so ∂q/∂θ = ∂ŷ/∂θ / ŷ, and have no value where ŷ ≤ 0: NaN then,
 * which the line search backs off from (./linesearch.ts).
 */
function taskObjective(form: TaskForm, data: FitData, spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
  const P = paramCount(spec), delta = spec.delta, k = spec.asymmetry;
  let f = 0;
  grad.fill(0, 0, P);
  for (let i = 0; i < data.count; i++) {
    const wi = data.weight[i];
    if (wi === 0) continue;
    const p = predictRaw(form, spec, theta, data, i, dq);
    let c: number; // wᵢ·∂ℓ/∂ŷ
    if (spec.loss === 'squared-raw') {
      const r = p - data.loss[i];
      f += wi * r * r;
      c = 2 * wi * r;
    } else if (spec.loss === 'asymmetric') {
      const r = data.loss[i] - p;
      if (r > 0) { f += wi * r; c = -wi; }
      else { f -= wi * k * r; c = wi * k; }
    } else if (spec.loss === 'squared-log1p') {
      if (!(p > -1 && p < Infinity)) { grad.fill(NaN, 0, P); return NaN; }
      const r = Math.log1p(p) - Math.log1p(data.loss[i]);
      f += wi * r * r;
      c = (2 * wi * r) / (1 + p);
    } else {
      if (!(p > 0 && p < Infinity)) { grad.fill(NaN, 0, P); return NaN; }
      const r = Math.log(p) - data.lnL[i];
      if (spec.loss === 'huber') {
        if (Math.abs(r) <= delta) { f += wi * 0.5 * r * r; c = wi * r; }
        else { f += wi * delta * (Math.abs(r) - 0.5 * delta); c = r > 0 ? wi * delta : -wi * delta; }
      } else {
        f += wi * r * r;
        c = 2 * wi * r;
      }
      c /= p;
    }
    for (let j = 0; j < P; j++) grad[j] += c * dq[j];
  }
  return f;
}
