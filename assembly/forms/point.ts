/**
 * Every loss form's log-prediction q = ln L̂ at run i, with ∂q/∂θ written to dq,
 * for the generic objective (../objective.ts): the form id picks the kernel,
 * one file per form (./kaplan.ts and its siblings, each inlined here). The
 * task forms (ids from FORM_TASK_EXP on) predict a raw metric instead: the
 * objective takes them through ./task.ts and never calls predictLog for them.
 * Mirrors src/engine/js/forms/point.ts.
 */

import { predictChinchilla } from "./chinchilla-point";
import { predictKaplan } from "./kaplan";
import { predictPower } from "./power";
import { predictSaturating } from "./saturating";
import { predictDataConstrained } from "./data-constrained";
import { predictOvertrained } from "./overtrained";
import { predictBroken } from "./broken";

// FORM_IDS in src/laws/names.ts.
export const FORM_CHINCHILLA: i32 = 0;
export const FORM_KAPLAN: i32 = 1;
export const FORM_POWER: i32 = 2;
export const FORM_SATURATING: i32 = 3;
export const FORM_DATA_CONSTRAINED: i32 = 4;
export const FORM_OVERTRAINED: i32 = 5;
export const FORM_BROKEN: i32 = 6;
export const FORM_TASK_EXP: i32 = 7;
export const FORM_TASK_SIGMOID: i32 = 8;

export function predictLog(form: i32, variableId: i32, breaks: i32, constants: usize, theta: usize, i: i32, dq: usize): f64 {
  if (form == FORM_CHINCHILLA) return predictChinchilla(theta, i, dq);
  if (form == FORM_KAPLAN) return predictKaplan(theta, i, dq);
  if (form == FORM_POWER) return predictPower(variableId, theta, i, dq);
  if (form == FORM_SATURATING) return predictSaturating(variableId, theta, i, dq);
  if (form == FORM_DATA_CONSTRAINED) return predictDataConstrained(constants, theta, i, dq);
  if (form == FORM_OVERTRAINED) return predictOvertrained(theta, i, dq);
  return predictBroken(variableId, breaks, theta, i, dq); // FORM_BROKEN (task forms never come here)
}
