/**
 * The words of the errors raised by the M4 estimator and extrapolation
 * scoring (src/core/m4-fit.ts, m4-predict.ts, curve-input.ts,
 * extrapolation-score.ts): English, which is also each error's `message` in
 * the API and the CLI, and Simplified Chinese, key for key. Values are
 * numbers, option names and the value given as text (`got`).
 * The raisers at the end give each error its `message` from these words
 * and the shared ones (./common.ts); the core imports them from here.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  // One learning curve: x and loss as arrays (curve-input.ts).
  'curve-not-array': 'invalid {option}; expected an array of numbers',
  'curve-lengths': 'x has {n} values but loss has {m}; give one loss per x',
  'curve-bad-x': 'point {point}: expected a positive finite x, got {got}',
  'curve-bad-loss': 'point {point}: expected a positive finite loss, got {got}',
  'curve-few-distinct-x': 'a learning curve needs at least {min} distinct x values; got {distinct}',
  'curve-too-many-points': 'too many points: {count}; a learning curve has at most {max} (a fixed limit)',
  'curve-missing-x': 'no {variable} column for x (names such as {names}, or name it with the columns option); columns found: {columns}',
  // The M4 fit (m4-fit.ts) and its law (m4-predict.ts).
  'm4-too-few-points': 'M4 has {parameters} free parameters here, so it needs at least {min} points; got {n}',
  'm4-loss-not-below-eps0': 'point {point}: loss {loss} is not below eps0 {eps0}; M4 needs every loss below the random-guess loss',
  'm4-law-bad': 'invalid {option}; expected finite beta > 0 (or lnBeta), c ≤ 0, alpha ≥ 0, epsInf ≥ 0 and eps0 above epsInf: {got}',
  // Extrapolation scoring (extrapolation-score.ts).
  'extrapolate-missing-holdout': 'missing holdout; set holdout, the number of points of largest x to hold out',
  'extrapolate-holdout-range': 'invalid holdout; expected an integer from 1 to {max}, which leaves the {min} points M4 needs to fit ({n} points in all): {got}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'curve-not-array': '{option} 无效：应为数值数组',
  'curve-lengths': 'x 有 {n} 个值，而 loss 有 {m} 个；每个 x 应对应一个损失',
  'curve-bad-x': '第 {point} 个点：x 应为有限正数，实际为 {got}',
  'curve-bad-loss': '第 {point} 个点：损失应为有限正数，实际为 {got}',
  'curve-few-distinct-x': '学习曲线至少需要 {min} 个不同的 x 值，实际为 {distinct} 个',
  'curve-too-many-points': '点数过多：{count} 个；一条学习曲线至多 {max} 个点（固定上限）',
  'curve-missing-x': '没有作为 x 的 {variable} 列（列名如 {names}，或用 columns 选项指定）；已有的列：{columns}',
  'm4-too-few-points': '此处 M4 有 {parameters} 个自由参数，至少需要 {min} 个点，实际为 {n} 个',
  'm4-loss-not-below-eps0': '第 {point} 个点：损失 {loss} 不低于 eps0（{eps0}）；M4 要求每个损失都低于随机猜测的损失',
  'm4-law-bad': '{option} 无效：应为有限数，且 beta > 0（或给出 lnBeta）、c ≤ 0、alpha ≥ 0、epsInf ≥ 0、eps0 大于 epsInf，实际为 {got}',
  'extrapolate-missing-holdout': '缺少 holdout：请设置 holdout，即留出的 x 最大的点数',
  'extrapolate-holdout-range': 'holdout 无效：应为 1 到 {max} 之间的整数，以便留下 M4 拟合所需的 {min} 个点（共 {n} 个点），实际为 {got}',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
