/**
 * Every law scaling-kit knows, by form name. A form is one descriptor
 * (./<form>.ts, see ./descriptor.ts) plus its kernels
 * (assembly/forms/<form>.ts and src/engine/js/forms/<form>.ts); adding one
 * means adding it here and to FORM_IDS in ./names.ts.
 */

import type { LawDescriptor } from './descriptor.js';
import { chinchilla, type ChinchillaLaw } from './chinchilla.js';
import { kaplan, type KaplanLaw } from './kaplan.js';
import { power, type PowerLaw } from './power.js';
import { saturating, type SaturatingLaw } from './saturating.js';
import { dataConstrained, type DataConstrainedLaw } from './data-constrained.js';
import { overtrained, type OvertrainedLaw } from './overtrained.js';
import { broken, type BrokenLaw } from './broken.js';
import { taskExp, type TaskExpLaw } from './task-exp.js';
import { taskSigmoid, type TaskSigmoidLaw } from './task-sigmoid.js';

/** Laws that predict a loss from N, D or C. */
export type LossLaw = ChinchillaLaw | KaplanLaw | PowerLaw | SaturatingLaw | DataConstrainedLaw | OvertrainedLaw | BrokenLaw;
/** Laws that predict a benchmark metric from a loss. */
export type TaskLaw = TaskExpLaw | TaskSigmoidLaw;
export type Law = LossLaw | TaskLaw;
export type LawForm = Law['form'];

type Registry = { readonly [F in LawForm]: LawDescriptor<Extract<Law, { form: F }>> };

export const LAWS: Registry = {
  chinchilla, kaplan, power, saturating, 'data-constrained': dataConstrained, overtrained, broken,
  'task-exp': taskExp, 'task-sigmoid': taskSigmoid,
};

export const LAW_FORMS = Object.keys(LAWS) as LawForm[];

/** The descriptor of a form, or undefined for a name that is not one. */
export function descriptorOf(form: string): LawDescriptor<Law> | undefined {
  // One cast, here: each descriptor handles exactly the law of its own form.
  return Object.prototype.hasOwnProperty.call(LAWS, form) ? (LAWS[form as LawForm] as unknown as LawDescriptor<Law>) : undefined;
}

/** Whether a form predicts a metric from a loss (a task law). */
export const isTaskForm = (form: string): boolean => descriptorOf(form)?.task === true;

/** The descriptor of a law (its form already checked). */
export const describe = (law: Law): LawDescriptor<Law> => descriptorOf(law.form)!;

export type { LawDescriptor, At, Term, Role, PythonBody, Planning } from './descriptor.js';
export type { ChinchillaLaw, KaplanLaw, PowerLaw, SaturatingLaw, DataConstrainedLaw, OvertrainedLaw, BrokenLaw, TaskExpLaw, TaskSigmoidLaw };
export type { TaskExpParams } from './task-exp.js';
export type { TaskSigmoidParams } from './task-sigmoid.js';
export type { KaplanParams } from './kaplan.js';
export type { PowerParams } from './power.js';
export type { SaturatingParams } from './saturating.js';
export type { DataConstrainedParams } from './data-constrained.js';
export type { OvertrainedParams } from './overtrained.js';
export type { BrokenParams, BrokenBreak } from './broken.js';
export { hoffmannGrid } from './chinchilla.js';
export type { LawVariable, LossVariable, TaskVariable, LawPoint } from './variables.js';
export { LAW_VARIABLES } from './variables.js';
