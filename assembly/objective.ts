/**
 * The objective the optimiser minimises: which law, which loss, which δ.
 * Set once per fit; `evaluate` dispatches without allocating.
 */

import { chinchillaObjective } from "./forms/chinchilla";

export const FORM_CHINCHILLA: i32 = 0;

let form: i32 = FORM_CHINCHILLA;
let lossKind: i32 = 0;
let huberDelta: f64 = 1e-3;

export function configure(formId: i32, loss: i32, delta: f64): void {
  form = formId;
  lossKind = loss;
  huberDelta = delta;
}

/** Number of parameters of a form. */
export function paramCount(formId: i32): i32 {
  return 5;
}

/** f(x), writing ∇f(x) to g. */
export function evaluate(x: usize, g: usize): f64 {
  return chinchillaObjective(x, g, lossKind, huberDelta);
}
