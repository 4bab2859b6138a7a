/**
 * The words of the errors raised by laws as values (src/core/forms-eval.ts,
 * law.ts) and the one-dimensional solver (solve1d.ts): English, which is also
 * each error's `message`, and Simplified Chinese, key for key. An area of its
 * own so that an element that only draws laws carries these words and not
 * the fitter's (src/errors.ts `boundTemplate`).
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  'law-not-object': 'invalid {option}; expected an object {shape}: {got}',
  'law-form-unknown': 'invalid {option}; expected one of {forms}: {got}',
  'law-variable-bad': 'invalid {option}; expected one of N, D, C: {got}',
  'law-task-variable-bad': 'invalid {option}; a task law reads the loss, L: {got}',
  'law-point-not-object': 'invalid point; expected an object {shape}: {got}',
  'law-not-two-variable': 'invalid law.form; expected a law of N and D (chinchilla, kaplan, data-constrained, overtrained): {got}',
  'law-unique-tokens-bad': 'invalid U; expected a positive finite number of unique tokens for the data-constrained form: {got}',
  'law-params-not-object': 'invalid {option}; expected an object with A, B, E, alpha, beta',
  'law-compute-bad': 'invalid C; expected a positive finite number of FLOPs: {got}',
  'law-split-beyond-precision': 'invalid params: at C = {C} the compute-optimal split is beyond double precision (ln N* = {lnN}, ln D* = {lnD})',
  'brent-no-bracket': 'brentZero: f({a}) = {fa} and f({b}) = {fb} do not bracket a zero',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'law-not-object': '{option} 无效：应为对象 {shape}，实际为 {got}',
  'law-form-unknown': '{option} 无效：应为 {forms} 之一，实际为 {got}',
  'law-variable-bad': '{option} 无效：应为 N、D、C 之一，实际为 {got}',
  'law-task-variable-bad': '{option} 无效：任务定律的自变量是损失 L，实际为 {got}',
  'law-point-not-object': 'point 无效：应为对象 {shape}，实际为 {got}',
  'law-not-two-variable': 'law.form 无效：应为关于 N 和 D 的定律（chinchilla、kaplan、data-constrained、overtrained），实际为 {got}',
  'law-unique-tokens-bad': 'U 无效：data-constrained 形式的唯一词元数应为有限正数，实际为 {got}',
  'law-params-not-object': '{option} 无效：应为含 A、B、E、alpha、beta 的对象',
  'law-compute-bad': 'C 无效：应为以 FLOP 计的有限正数，实际为 {got}',
  'law-split-beyond-precision': 'params 无效：在 C = {C} 处，计算最优分配超出双精度范围（ln N* = {lnN}，ln D* = {lnD}）',
  'brent-no-bracket': 'brentZero：f({a}) = {fa} 与 f({b}) = {fb} 未将零点夹在其间',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
