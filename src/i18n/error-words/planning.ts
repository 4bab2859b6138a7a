/**
 * The words of the errors raised by planning (src/core/planning.ts), the cost
 * of a run (src/core/cost.ts) and the laws' own checks and solvers
 * (src/laws/): English, which is also each error's `message` in the API and
 * the CLI, and Simplified Chinese, key for key. Values are option names,
 * numbers, the value given as text, form and hardware ids, and object shapes
 * written as code (`{ c, d, f }`). A leaf: it imports nothing, so
 * src/errors.ts can build messages from it.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  // A law's parameters and other numbers (src/laws/check.ts `need`, `checkKeys`; planning's options).
  'law-breaks': 'invalid {option}; expected an array of {shape}: {got}',
  'law-unique-tokens': 'invalid {option}; expected a positive finite number of unique tokens for the data-constrained form: {got}',
  'law-c-too-small': 'invalid C; too small for a model of ≥ 1 parameter and ≥ 1 token: {C}',
  'law-no-optimal-m': 'the law has no compute-optimal M inside 1 ≤ N, D at C = {C}',
  // Planning (src/core/planning.ts).
  'plan-options': 'invalid options; expected an object: {got}',
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
  // The cost of a run (src/core/cost.ts).
  'cost-hardware-id': 'invalid {option}; expected one of {ids} or {shape}: {got}',
  'cost-hardware': 'invalid {option}; expected a hardware id or {shape}: {got}',
  'cost-peak-flops': 'invalid {option}; expected a positive finite FLOP/s (dense peak): {got}',
  'cost-watts': 'invalid {option}; expected a finite number of watts ≥ 0: {got}',
  'cost-mfu': 'invalid {option}; not in (0, 1]: {got}',
  'cost-gpus': 'invalid {option}; expected a positive integer: {got}',
  'cost-price': 'invalid {option}; expected a finite number of dollars ≥ 0: {got}',
  'cost-pue': 'invalid {option}; expected a finite number ≥ 1: {got}',
  'cost-grid': 'invalid {option}; expected a finite kg CO2e per kWh ≥ 0: {got}',
  'cost-mfu-too-small': 'invalid {option}; too small for C = {C} FLOPs (the GPU-hours exceed double precision): {got}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'law-breaks': '{option} 无效：应为由 {shape} 组成的数组，实际为 {got}',
  'law-unique-tokens': '{option} 无效：data-constrained 形式需要有限正数的不重复词元数，实际为 {got}',
  'law-c-too-small': 'C 无效：{C} 太小，不足以容纳参数量 ≥ 1、词元数 ≥ 1 的模型',
  'law-no-optimal-m': '在 C = {C} 时，该定律在 N、D ≥ 1 的范围内没有计算最优的 M',
  'plan-options': 'options 无效：应为对象，实际为 {got}',
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
  'cost-hardware-id': '{option} 无效：应为 {ids} 之一或 {shape}，实际为 {got}',
  'cost-hardware': '{option} 无效：应为硬件 id 或 {shape}，实际为 {got}',
  'cost-peak-flops': '{option} 无效：应为有限正数的 FLOP/s（稠密峰值），实际为 {got}',
  'cost-watts': '{option} 无效：应为不小于 0 的有限瓦数，实际为 {got}',
  'cost-mfu': '{option} 无效：不在 (0, 1] 内，实际为 {got}',
  'cost-gpus': '{option} 无效：应为正整数，实际为 {got}',
  'cost-price': '{option} 无效：应为不小于 0 的有限美元数，实际为 {got}',
  'cost-pue': '{option} 无效：应为不小于 1 的有限数，实际为 {got}',
  'cost-grid': '{option} 无效：应为不小于 0 的有限值（kg CO2e/kWh），实际为 {got}',
  'cost-mfu-too-small': '{option} 无效：对 C = {C} FLOPs 而言太小（GPU 小时数超出双精度范围），实际为 {got}',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
