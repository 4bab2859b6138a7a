/**
 * Every law scaling-kit knows, as a value you can hold (`Law`) and evaluate on
 * the host (`evaluateLaw`). This is the plain scalar path for planning,
 * presets and UIs; the fitters have their own kernels. Use `lossFunction` when
 * you evaluate one law many times: it validates once and returns L(N, D).
 * Each form's formula, source and checks are in src/laws/<form>.ts.
 */

import { optionError } from '../i18n/error-words/law.js';
import { clip } from './limits.js';
import { LAW_FORMS, LAW_VARIABLES, describe, descriptorOf, type Law, type LawPoint, type LossVariable } from '../laws/index.js';
import { finite } from '../laws/check.js';

export type {
  Law, LossLaw, TaskLaw, LawForm, LawVariable, LossVariable, TaskVariable, LawPoint, TaskExpParams, TaskSigmoidParams, KaplanParams, PowerParams, SaturatingParams, DataConstrainedParams,
  OvertrainedParams, BrokenBreak, BrokenParams,
} from '../laws/index.js';

/** Laws of parameters and tokens together: the ones planning can allocate compute for. */
export type TwoVariableLaw = Extract<Law, { form: 'chinchilla' | 'kaplan' | 'data-constrained' | 'overtrained' }>;

export const isTwoVariable = (law: Law): law is TwoVariableLaw => descriptorOf(law.form)?.twoVariable === true;

/** The point coordinates a law reads. */
export function lawInputs(law: Law): readonly (keyof LawPoint)[] {
  if (law.form === 'data-constrained') return ['N', 'D', 'U'];
  if (isTwoVariable(law)) return ['N', 'D'];
  return [law.variable];
}

/** What the caller gave, as an error message shows it. */
const shown = (value: unknown): string => clip(String(value));

/** Throws an OptionError naming the first unusable part of `law` (e.g. `law.params.alphaD`). */
export function checkLaw(law: Law, option = 'law'): void {
  if (law === null || typeof law !== 'object') throw optionError(option, 'law-not-object', { option, shape: '{ form, params }', got: shown(law) });
  if (law.params === null || typeof law.params !== 'object') throw optionError(`${option}.params`, 'not-an-object', { option: `${option}.params`, got: shown(law.params) });
  const d = descriptorOf(law.form);
  if (!d) throw optionError(`${option}.form`, 'law-form-unknown', { option: `${option}.form`, forms: LAW_FORMS.join(', '), got: shown((law as { form: unknown }).form) });
  d.checkParams(law, `${option}.params`);
  const variable = (law as { variable?: unknown }).variable;
  if (d.task) {
    if (variable !== 'L') throw optionError(`${option}.variable`, 'law-task-variable-bad', { option: `${option}.variable`, got: shown(variable) });
  } else if (!d.twoVariable && !LAW_VARIABLES.includes(variable as LossVariable)) {
    throw optionError(`${option}.variable`, 'law-variable-bad', { option: `${option}.variable`, got: shown(variable) });
  }
}

function coordinate(point: LawPoint, key: keyof LawPoint): number {
  const v = point[key];
  if (!(finite(v) && v > 0)) throw optionError(`point.${key}`, 'option-not-positive', { option: `point.${key}`, got: shown(v) });
  return v as number;
}

/** The law's prediction at `point`; throws an OptionError naming a missing or bad coordinate. */
export function evaluateLaw(law: Law, point: LawPoint): number {
  checkLaw(law);
  if (point === null || typeof point !== 'object') throw optionError('point', 'law-point-not-object', { shape: '{ N, D, C, U, L }', got: shown(point) });
  const d = describe(law);
  if (!isTwoVariable(law)) return d.evaluate(law, { N: NaN, D: NaN, U: NaN, x: coordinate(point, law.variable) });
  const N = coordinate(point, 'N'), D = coordinate(point, 'D');
  return d.evaluate(law, { N, D, U: law.form === 'data-constrained' ? coordinate(point, 'U') : D, x: NaN });
}

/**
 * L(N, D) of a two-variable law, validated once, for loops (planning, contour
 * plots). `U` (unique tokens) is required by the data-constrained form only.
 */
export function lossFunction(law: TwoVariableLaw, U?: number): (N: number, D: number) => number {
  checkLaw(law);
  if (!isTwoVariable(law)) throw optionError('law.form', 'law-not-two-variable', { got: shown((law as Law).form) });
  const d = describe(law);
  if (law.form !== 'data-constrained') return (N, D) => d.evaluate(law, { N, D, U: D, x: NaN });
  if (!(finite(U) && U > 0)) throw optionError('U', 'law-unique-tokens-bad', { got: shown(U) });
  return (N, D) => d.evaluate(law, { N, D, U: U as number, x: NaN });
}
