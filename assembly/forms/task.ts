/**
 * The task forms' raw predictions ŷ at run i, with ∂ŷ/∂θ written to dp, for
 * the objective's raw path (../objective.ts): a task metric (an error rate or
 * accuracy) can be 0 and its prediction can cross 0, so these forms are not
 * written in log space like the loss forms of ./point.ts.
 * Mirrors src/engine/js/forms/task.ts.
 */

import { FORM_TASK_EXP } from "./point";
import { predictTaskExp } from "./task-exp";
import { predictTaskSigmoid } from "./task-sigmoid";

/** True for the forms that predict a metric from a loss (ids from FORM_TASK_EXP on). */
@inline export function isTaskForm(form: i32): bool {
  return form >= FORM_TASK_EXP;
}

export function predictRaw(form: i32, theta: usize, i: i32, dp: usize): f64 {
  if (form == FORM_TASK_EXP) return predictTaskExp(theta, i, dp);
  return predictTaskSigmoid(theta, i, dp); // FORM_TASK_SIGMOID
}
