/**
 * The words of the isoFLOP analysis's errors and of the reasons it rejects a
 * budget (src/core/isoflop.ts, isoflop-budgets.ts, isoflop-akima.ts,
 * akima.ts): English, which is also each error's `message`, and Simplified
 * Chinese, key for key. An area of its own so that <scaling-isoflop>'s file
 * carries these words and not the other analyses' (src/errors.ts
 * `boundTemplate`).
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';
import { EN as CHECKS, ZH as CHECKS_ZH } from './checks.js';

export const EN = {
  'bad-min-points': 'invalid minPoints; expected an integer ≥ 3 (a parabola has 3 coefficients): {got}',
  'bad-log-base': 'invalid logBase; expected a positive finite number other than 1: {got}',
  'listed-twice': 'invalid {option}; {value} is listed twice',
  'isoflop-few-runs': 'budget {C} FLOPs: {runs} run(s), fewer than minPoints ({minPoints})',
  'isoflop-few-sizes': 'budget {C} FLOPs: only {sizes} distinct model size(s); a parabola needs 3',
  'isoflop-not-convex': 'budget {C} FLOPs: the parabola of loss against log N is not convex (p = {p}), so it has no minimum',
  'isoflop-vertex-outside': "budget {C} FLOPs: the parabola's minimum, N = {N}, lies outside the sampled sizes {Nmin}–{Nmax}",
  'isoflop-none-rejected': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted',
  'isoflop-too-few-budgets': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted (rejected budgets in FLOPs: fewer than minPoints ({minPoints}) runs: {fewRuns}; fewer than 3 distinct model sizes: {fewSizes}; not convex: {notConvex}; minimum outside the sampled sizes: {outside})',
  'isoflop-akima-only': 'invalid {option}; it applies to approach akima only, and approach is {approach}',
  'isoflop-akima-work': 'invalid replicas; the Akima bootstrap would evaluate its splines {work} times, over the limit of {max} (a fixed limit): lower replicas ({replicas}) or analyse fewer model sizes per budget',
  'isoflop-akima-few-sizes': 'budget {C} FLOPs: only {sizes} distinct model size(s); the Akima approach needs 3',
  'isoflop-akima-at-end': "budget {C} FLOPs: the spline's minimum lies at an end of the sampled sizes {Nmin}–{Nmax}, so the optimum may lie beyond them",
  'isoflop-akima-unstable': 'budget {C} FLOPs: only {valid} of {replicas} noise replicas have their minimum inside the sampled sizes; {needed} are needed',
  'isoflop-akima-too-few-budgets': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted (rejected budgets in FLOPs: fewer than minPoints ({minPoints}) runs: {fewRuns}; fewer than 3 distinct model sizes: {fewSizes}; minimum at an end of the sampled sizes: {atEnd}; too few replicas with an inner minimum: {unstable})',
  'akima-points': 'invalid x; an Akima spline needs at least 2 points and one value per point: {n} points, {m} values',
  'akima-not-increasing': 'invalid x; the points of an Akima spline must be finite and strictly increasing, and x[{index}] is not',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'bad-min-points': 'minPoints 无效：应为不小于 3 的整数（抛物线有 3 个系数），实际为 {got}',
  'bad-log-base': 'logBase 无效：应为不等于 1 的有限正数，实际为 {got}',
  'listed-twice': '{option} 无效：{value} 重复出现',
  'isoflop-few-runs': '预算 {C} FLOPs：{runs} 次实验，少于 minPoints（{minPoints}）',
  'isoflop-few-sizes': '预算 {C} FLOPs：只有 {sizes} 种不同的模型规模；拟合抛物线至少需要 3 种',
  'isoflop-not-convex': '预算 {C} FLOPs：损失对 log N 的抛物线不是凸的（p = {p}），没有最小值',
  'isoflop-vertex-outside': '预算 {C} FLOPs：抛物线的最小值点 N = {N} 在采样的模型规模 {Nmin}–{Nmax} 之外',
  'isoflop-none-rejected': 'isoFLOP 分析至少需要 2 个被采纳的预算；{total} 个中采纳了 {accepted} 个',
  'isoflop-too-few-budgets': 'isoFLOP 分析至少需要 2 个被采纳的预算；{total} 个中采纳了 {accepted} 个（舍弃的预算，单位 FLOPs：实验次数少于 minPoints（{minPoints}）：{fewRuns}；不同模型规模少于 3 种：{fewSizes}；抛物线非凸：{notConvex}；最小值点在采样规模之外：{outside}）',
  'isoflop-akima-only': '{option} 无效：它只用于 akima 方法，而当前方法为 {approach}',
  'isoflop-akima-work': 'replicas 无效：Akima 自助法将对样条求值 {work} 次，超过上限 {max}（固定上限）；请减小 replicas（{replicas}），或减少每个预算的模型规模数',
  'isoflop-akima-few-sizes': '预算 {C} FLOPs：只有 {sizes} 种不同的模型规模；Akima 方法至少需要 3 种',
  'isoflop-akima-at-end': '预算 {C} FLOPs：样条的最小值点位于采样规模 {Nmin}–{Nmax} 的端点，最优点可能在采样范围之外',
  'isoflop-akima-unstable': '预算 {C} FLOPs：{replicas} 个噪声副本中只有 {valid} 个的最小值点在采样规模之内；至少需要 {needed} 个',
  'isoflop-akima-too-few-budgets': 'isoFLOP 分析至少需要 2 个被采纳的预算；{total} 个中采纳了 {accepted} 个（舍弃的预算，单位 FLOPs：实验次数少于 minPoints（{minPoints}）：{fewRuns}；不同模型规模少于 3 种：{fewSizes}；最小值点在采样规模端点：{atEnd}；最小值点在采样规模之内的副本太少：{unstable}）',
  'akima-points': 'x 无效：Akima 样条至少需要 2 个点，且每个点一个值；实际 {n} 个点、{m} 个值',
  'akima-not-increasing': 'x 无效：Akima 样条的点必须是有限值且严格递增，x[{index}] 不满足',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...CHECKS, ...EN }, { zh: { ...COMMON_ZH, ...CHECKS_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof CHECKS | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof CHECKS & typeof EN)[K]>;
