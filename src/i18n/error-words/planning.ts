/**
 * The words of the errors raised by planning (src/core/planning.ts, compare.ts)
 * and the laws' own checks and solvers (src/laws/): English, which is also
 * each error's `message` in the API and the CLI, and Simplified Chinese, key
 * for key. Values are option names, numbers, the value given as text, form
 * ids, and object shapes written as code (`{ c, d, f }`). The cost of a run
 * has its own words (./cost.ts).
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';
import { EN as CHECKS, ZH as CHECKS_ZH } from './checks.js';

export const EN = {
  // A law's parameters and other numbers (src/laws/check.ts `need`, `checkKeys`; planning's options).
  'law-breaks': 'invalid {option}; expected an array of {shape}: {got}',
  'law-unique-tokens': 'invalid {option}; expected a positive finite number of unique tokens for the data-constrained form: {got}',
  'law-c-too-small': 'invalid C; too small for a model of ≥ 1 parameter and ≥ 1 token: {C}',
  'law-no-optimal-m': 'the law has no compute-optimal M inside 1 ≤ N, D at C = {C}',
  // Planning (src/core/planning.ts).
  'plan-not-two-variable': 'invalid law.form; planning needs a law of N and D (chinchilla, kaplan, data-constrained, overtrained): {form}',
  'plan-method': 'invalid method; expected auto or numeric: {got}',
  'plan-positive-loss': 'invalid {option}; expected a positive finite loss: {got}',
  'plan-edge-tokens': 'the law has no compute-optimal allocation at C = {C}: along C = {k}·N·D the loss keeps falling towards N = 1 (all compute to tokens)',
  'plan-edge-parameters': 'the law has no compute-optimal allocation at C = {C}: along C = {k}·N·D the loss keeps falling towards D = 1 (all compute to parameters)',
  'plan-below-floor-u': 'unreachable targetLoss {target}: at or below the loss floor with U = {U} unique tokens ({floor}); no finite compute reaches it',
  'plan-below-e': 'unreachable targetLoss {target}: at or below the irreducible loss E ({floor}); no finite compute reaches it',
  'compare-budgets-not-array': 'invalid {option}; expected a non-empty array of FLOP budgets',
  'compare-too-many-budgets': 'invalid {option}; {count} budgets, at most {max}',
  'plan-target-above': 'targetLoss {target} is above the compute-optimal loss at 1e8 FLOPs; any model reaches it',
  'plan-beyond-compute': "unreachable targetLoss {target}: needs more than 1e60 FLOPs (the law's floor is {floor})",
  'plan-beyond-size': 'unreachable targetLoss {target}: no model below 1e40 parameters reaches it',
  'plan-no-inference-optimum': 'the law has no inference-optimal model for targetLoss {target}: total FLOPs keep falling towards the end of the search',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'law-breaks': '{option} 无效：应为由 {shape} 组成的数组，实际为 {got}',
  'law-unique-tokens': '{option} 无效：data-constrained 形式需要有限正数的不重复词元数，实际为 {got}',
  'law-c-too-small': 'C 无效：{C} 太小，不足以容纳参数量 ≥ 1、词元数 ≥ 1 的模型',
  'law-no-optimal-m': '在 C = {C} 时，该定律在 N、D ≥ 1 的范围内没有计算最优的 M',
  'plan-not-two-variable': 'law.form 无效：规划需要 N 和 D 的定律（chinchilla、kaplan、data-constrained、overtrained），实际为 {form}',
  'plan-method': 'method 无效：应为 auto 或 numeric，实际为 {got}',
  'plan-positive-loss': '{option} 无效：应为有限正数的损失，实际为 {got}',
  'plan-edge-tokens': '在 C = {C} 时，该定律没有计算最优的分配：沿 C = {k}·N·D，损失一直向 N = 1（全部计算量用于词元）下降',
  'plan-edge-parameters': '在 C = {C} 时，该定律没有计算最优的分配：沿 C = {k}·N·D，损失一直向 D = 1（全部计算量用于参数）下降',
  'plan-below-floor-u': 'targetLoss {target} 无法达到：不高于 U = {U} 个不重复词元时的损失下限（{floor}）；有限的计算量都达不到',
  'plan-below-e': 'targetLoss {target} 无法达到：不高于不可约损失 E（{floor}）；有限的计算量都达不到',
  'compare-budgets-not-array': '{option} 无效：应为非空的计算预算（FLOPs）数组',
  'compare-too-many-budgets': '{option} 无效：{count} 个预算，至多 {max} 个',
  'plan-target-above': 'targetLoss {target} 高于 1e8 FLOPs 时的计算最优损失；任何模型都能达到',
  'plan-beyond-compute': 'targetLoss {target} 无法达到：需要超过 1e60 FLOPs（该定律的损失下限为 {floor}）',
  'plan-beyond-size': 'targetLoss {target} 无法达到：参数量低于 1e40 的模型都达不到',
  'plan-no-inference-optimum': '对 targetLoss {target}，该定律没有推理最优的模型：总 FLOPs 一直向搜索范围的端点下降',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...CHECKS, ...EN }, { zh: { ...COMMON_ZH, ...CHECKS_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof CHECKS | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof CHECKS & typeof EN)[K]>;
