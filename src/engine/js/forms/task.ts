/**
 * The task forms' raw predictions ŷ at one run, with ∂ŷ/∂θ, for the
 * objective's raw path (src/engine/js/objective.ts): a task metric (an error
 * rate or accuracy) can be 0 and its prediction can cross 0, so these forms
 * are not written in log space like the loss forms of ./point.ts.
 * Mirrors assembly/forms/task.ts.
 */

import { predictTaskExp } from './task-exp.js';
import { predictTaskSigmoid } from './task-sigmoid.js';
import type { FitData, FormName, ObjectiveSpec } from '../../types.js';

/** The forms that predict a metric from a loss (FitData.input). */
export type TaskForm = Extract<FormName, `task-${string}`>;
/** The forms that predict a loss from N, D or C, in log space (./point.ts). */
export type LossForm = Exclude<FormName, TaskForm>;

export function isTaskForm(form: FormName): form is TaskForm {
  return form.startsWith('task-');
}

export function predictRaw(form: TaskForm, spec: ObjectiveSpec, theta: Float64Array, data: FitData, i: number, dp: Float64Array): number {
  switch (form) {
    case 'task-exp': return predictTaskExp(spec, theta, data, i, dp);
    case 'task-sigmoid': return predictTaskSigmoid(spec, theta, data, i, dp);
  }
}
