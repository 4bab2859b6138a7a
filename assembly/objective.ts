/**
 * The objective the optimiser minimises: Σᵢ wᵢ·ℓ(residualᵢ) for the
 * configured form and loss, with its gradient. Chinchilla with a
 * log-residual loss takes the vectorised kernel of forms/chinchilla.ts; the
 * rest go run by run through forms/point.ts, except the task forms, whose
 * raw predictions (forms/task.ts) take their own loop. Mirrors
 * src/engine/js/objective.ts.
 */

import { chinchillaObjective, LOSS_HUBER, LOSS_SQUARED } from "./forms/chinchilla";
import { predictLog, FORM_CHINCHILLA, FORM_KAPLAN, FORM_POWER, FORM_SATURATING, FORM_DATA_CONSTRAINED, FORM_OVERTRAINED, FORM_TASK_EXP, FORM_TASK_SIGMOID } from "./forms/point";
import { predictRaw, isTaskForm } from "./forms/task";
import { lnL, loss, weight, count } from "./points";
import { exp, log, log1p } from "./math/scalar";

export const LOSS_SQUARED_RAW: i32 = 2;
export const LOSS_ASYMMETRIC: i32 = 3;
export const LOSS_SQUARED_LOG1P: i32 = 4;

let form: i32 = FORM_CHINCHILLA;
let lossKind: i32 = LOSS_HUBER;
let huberDelta: f64 = 1e-3;
let asymmetry: f64 = 10;
let variableId: i32 = 0;
let breaks: i32 = 1;
let constants: usize = 0;
// A tie θ[tieTarget] = θ[tieSource] (tieTarget −1: none); the optimiser sees θ without θ[tieTarget].
let tieTarget: i32 = -1;
let tieSource: i32 = 0;
const dq: usize = memory.data(8 * 64);
const fullTheta: usize = memory.data(8 * 64);
const fullGrad: usize = memory.data(8 * 64);

export function configure(formId: i32, lossId: i32, delta: f64, overWeight: f64, variable: i32, breakCount: i32, constantsPtr: usize, tiedTarget: i32, tiedSource: i32): void {
  tieTarget = tiedTarget;
  tieSource = tiedSource;
  form = formId;
  lossKind = lossId;
  huberDelta = delta;
  asymmetry = overWeight;
  variableId = variable;
  breaks = breakCount;
  constants = constantsPtr;
}

/** Number of parameters θ the optimiser sees: the form's less a tied one. */
export function paramCount(): i32 {
  return fullParamCount() - (tieTarget >= 0 ? 1 : 0);
}

/** Number of parameters of the configured form's full θ, the order its kernels read. */
function fullParamCount(): i32 {
  if (form == FORM_CHINCHILLA) return 5;
  if (form == FORM_KAPLAN || form == FORM_OVERTRAINED || form == FORM_TASK_SIGMOID) return 4;
  if (form == FORM_POWER || form == FORM_DATA_CONSTRAINED) return 2;
  if (form == FORM_SATURATING || form == FORM_TASK_EXP) return 3;
  return 3 + 3 * breaks; // FORM_BROKEN
}

/**
 * f(x), writing ∇f(x) to g. With a tie, x is expanded to the full θ first and
 * the full gradient folded back: ∂f/∂θ[source] gains ∂f/∂θ[target]
 * (src/engine/js/tie.ts).
 */
export function evaluate(x: usize, g: usize): f64 {
  if (tieTarget < 0) return evaluateFull(x, g);
  const n = fullParamCount();
  for (let j: i32 = 0, k: i32 = 0; j < n; j++) {
    const v = j == tieTarget ? load<f64>(x + (<usize>tieSource << 3)) : load<f64>(x + (<usize>(k++) << 3));
    store<f64>(fullTheta + (<usize>j << 3), v);
  }
  const f = evaluateFull(fullTheta, fullGrad);
  for (let j: i32 = 0, k: i32 = 0; j < n; j++) if (j != tieTarget) store<f64>(g + (<usize>(k++) << 3), load<f64>(fullGrad + (<usize>j << 3)));
  const gs = g + (<usize>tieSource << 3);
  store<f64>(gs, load<f64>(gs) + load<f64>(fullGrad + (<usize>tieTarget << 3)));
  return f;
}

function evaluateFull(x: usize, g: usize): f64 {
  if (form == FORM_CHINCHILLA && (lossKind == LOSS_HUBER || lossKind == LOSS_SQUARED)) {
    return chinchillaObjective(x, g, lossKind, huberDelta);
  }
  if (isTaskForm(form)) return evaluateTask(x, g);
  const P = fullParamCount();
  for (let j: i32 = 0; j < P; j++) store<f64>(g + (<usize>j << 3), 0);
  let f: f64 = 0;
  for (let i: i32 = 0; i < count; i++) {
    const off = <usize>i << 3;
    const wi = load<f64>(weight + off);
    if (wi == 0) continue;
    const q = predictLog(form, variableId, breaks, constants, x, i, dq);
    let c: f64; // wᵢ·∂ℓ/∂q
    if (lossKind == LOSS_HUBER) {
      const r = q - load<f64>(lnL + off);
      if (abs(r) <= huberDelta) { f += wi * 0.5 * r * r; c = wi * r; }
      else { f += wi * huberDelta * (abs(r) - 0.5 * huberDelta); c = r > 0 ? wi * huberDelta : -wi * huberDelta; }
    } else if (lossKind == LOSS_SQUARED) {
      const r = q - load<f64>(lnL + off);
      f += wi * r * r;
      c = 2.0 * wi * r;
    } else if (lossKind == LOSS_SQUARED_RAW) {
      const p = exp(q), r = p - load<f64>(loss + off);
      f += wi * r * r;
      c = 2.0 * wi * r * p;
    } else if (lossKind == LOSS_SQUARED_LOG1P) {
      // r = ln(1 + L̂) − ln(1 + L); dr/dq = L̂/(1 + L̂).
      const p = exp(q), r = log1p(p) - log1p(load<f64>(loss + off));
      f += wi * r * r;
      c = 2.0 * wi * r * p / (1.0 + p);
    } else {
      // Asymmetric: r = L − L̂; under-predictions cost r, over-predictions asymmetry·|r|.
      const p = exp(q), r = load<f64>(loss + off) - p;
      if (r > 0) { f += wi * r; c = -wi * p; }
      else { f -= wi * asymmetry * r; c = wi * asymmetry * p; }
    }
    for (let j: i32 = 0; j < P; j++) {
      const gp = g + (<usize>j << 3);
      store<f64>(gp, load<f64>(gp) + c * load<f64>(dq + (<usize>j << 3)));
    }
  }
  return f;
}

/**
 * The task forms: ŷ itself from forms/task.ts, with dq holding ∂ŷ/∂θ. The raw
 * losses use ŷ directly (a metric of 0 is fine); the log losses take
 * q = ln ŷ, so ∂q/∂θ = ∂ŷ/∂θ / ŷ, and have no value where ŷ ≤ 0: NaN then,
 * which the line search backs off from (solve/linesearch.ts).
 */
function evaluateTask(x: usize, g: usize): f64 {
  const P = fullParamCount();
  for (let j: i32 = 0; j < P; j++) store<f64>(g + (<usize>j << 3), 0);
  let f: f64 = 0;
  for (let i: i32 = 0; i < count; i++) {
    const off = <usize>i << 3;
    const wi = load<f64>(weight + off);
    if (wi == 0) continue;
    const p = predictRaw(form, x, i, dq);
    let c: f64; // wᵢ·∂ℓ/∂ŷ
    if (lossKind == LOSS_SQUARED_RAW) {
      const r = p - load<f64>(loss + off);
      f += wi * r * r;
      c = 2.0 * wi * r;
    } else if (lossKind == LOSS_ASYMMETRIC) {
      const r = load<f64>(loss + off) - p;
      if (r > 0) { f += wi * r; c = -wi; }
      else { f -= wi * asymmetry * r; c = wi * asymmetry; }
    } else if (lossKind == LOSS_SQUARED_LOG1P) {
      if (!(p > -1.0 && p < Infinity)) return notFinite(g, P);
      const r = log1p(p) - log1p(load<f64>(loss + off));
      f += wi * r * r;
      c = 2.0 * wi * r / (1.0 + p);
    } else {
      if (!(p > 0 && p < Infinity)) return notFinite(g, P);
      const r = log(p) - load<f64>(lnL + off);
      if (lossKind == LOSS_HUBER) {
        if (abs(r) <= huberDelta) { f += wi * 0.5 * r * r; c = wi * r; }
        else { f += wi * huberDelta * (abs(r) - 0.5 * huberDelta); c = r > 0 ? wi * huberDelta : -wi * huberDelta; }
      } else {
        f += wi * r * r;
        c = 2.0 * wi * r;
      }
      c /= p;
    }
    for (let j: i32 = 0; j < P; j++) {
      const gp = g + (<usize>j << 3);
      store<f64>(gp, load<f64>(gp) + c * load<f64>(dq + (<usize>j << 3)));
    }
  }
  return f;
}

/** No objective here: NaN, with a NaN gradient. */
function notFinite(g: usize, P: i32): f64 {
  for (let j: i32 = 0; j < P; j++) store<f64>(g + (<usize>j << 3), NaN);
  return NaN;
}
