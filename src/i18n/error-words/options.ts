/**
 * The words of the errors raised while checking options (src/core/fit-options.ts,
 * bootstrap-options.ts, option-names.ts, isoflop.ts, isoflop-akima.ts, akima.ts,
 * backtest.ts, presets.ts),
 * and of the reasons isoflop rejects a budget: English, which is also each
 * error's `message` in the API and the CLI (and a rejected budget's
 * `message`), and Simplified Chinese, key for key. Values are option names,
 * numbers as the core formats them, the value given (`got`) and code
 * (a call, a signature).
 * The raisers at the end give each error its `message` from these words
 * and the shared ones (./common.ts); the core imports them from here.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  // Shared option checks.
  'option-not-object': 'invalid {option}; expected an object',
  'option-not-one-of': 'invalid {option}; expected one of {allowed}: {got}',
  'option-not-number': 'invalid {option}; expected a number: {got}',
  'option-not-function': 'invalid {option}; expected a function',
  'option-count-limit': 'invalid {option}; expected an integer from 1 to {max} (a fixed limit): {got}',
  // θ by name (fit's starts, lower, upper; a bootstrap's start and estimate).
  'theta-not-object-some': 'invalid {option}; expected an object with some of {names}',
  'theta-unknown-name': "unknown {option}; this form's parameters are {names}",
  'lower-above-upper': 'invalid lower.{name}: {lower} is above upper.{name} {upper}',
  // fit.
  'too-many-breaks': 'invalid breaks; at most {max} are supported (a fixed limit): {got}',
  'missing-base': 'the data-constrained form needs base: the Chinchilla law {law} fitted on single-epoch runs',
  'starts-not-array': 'invalid starts; expected a non-empty array of θ objects',
  'too-many-starts': 'invalid {option}; at most {max} starting points (a fixed limit): {count} given',
  // Bootstraps.
  'too-many-budgets': 'invalid {option}; at most {max} budgets (a fixed limit): {count} given',
  'too-many-points': 'invalid {option}; at most {max} points (a fixed limit): {count} given',
  'runs-not-validated': 'invalid runs; expected validated Runs with at least one run (see readRuns)',
  'refit-not-function': 'invalid refit; expected a function {signature}',
  // isoflop: options, the reason a budget is rejected, too few accepted.
  'bad-min-points': 'invalid minPoints; expected an integer ≥ 3 (a parabola has 3 coefficients): {got}',
  'bad-log-base': 'invalid logBase; expected a positive finite number other than 1: {got}',
  'budgets-not-array': 'invalid budgets; expected a non-empty array of FLOP budgets',
  'listed-twice': 'invalid {option}; {value} is listed twice',
  'isoflop-few-runs': 'budget {C} FLOPs: {runs} run(s), fewer than minPoints ({minPoints})',
  'isoflop-few-sizes': 'budget {C} FLOPs: only {sizes} distinct model size(s); a parabola needs 3',
  'isoflop-not-convex': 'budget {C} FLOPs: the parabola of loss against log N is not convex (p = {p}), so it has no minimum',
  'isoflop-vertex-outside': "budget {C} FLOPs: the parabola's minimum, N = {N}, lies outside the sampled sizes {Nmin}–{Nmax}",
  'isoflop-none-rejected': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted',
  'isoflop-too-few-budgets': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted (rejected budgets in FLOPs: fewer than minPoints ({minPoints}) runs: {fewRuns}; fewer than 3 distinct model sizes: {fewSizes}; not convex: {notConvex}; minimum outside the sampled sizes: {outside})',
  // isoflop with approach 'akima' (src/core/isoflop-akima.ts) and its spline (src/core/akima.ts).
  'isoflop-akima-only': 'invalid {option}; it applies to approach akima only, and approach is {approach}',
  'isoflop-akima-work': 'invalid replicas; the Akima bootstrap would evaluate its splines {work} times, over the limit of {max} (a fixed limit): lower replicas ({replicas}) or analyse fewer model sizes per budget',
  'isoflop-akima-few-sizes': 'budget {C} FLOPs: only {sizes} distinct model size(s); the Akima approach needs 3',
  'isoflop-akima-at-end': "budget {C} FLOPs: the spline's minimum lies at an end of the sampled sizes {Nmin}–{Nmax}, so the optimum may lie beyond them",
  'isoflop-akima-unstable': 'budget {C} FLOPs: only {valid} of {replicas} noise replicas have their minimum inside the sampled sizes; {needed} are needed',
  'isoflop-akima-too-few-budgets': 'isoFLOP analysis needs at least 2 accepted budgets; {accepted} of {total} accepted (rejected budgets in FLOPs: fewer than minPoints ({minPoints}) runs: {fewRuns}; fewer than 3 distinct model sizes: {fewSizes}; minimum at an end of the sampled sizes: {atEnd}; too few replicas with an inner minimum: {unstable})',
  'akima-points': 'invalid x; an Akima spline needs at least 2 points and one value per point: {n} points, {m} values',
  'akima-not-increasing': 'invalid x; the points of an Akima spline must be finite and strictly increasing, and x[{index}] is not',
  // backtest.
  'backtest-not-object': 'invalid options; expected an object with holdoutAbove or holdoutLargest',
  'missing-holdout': 'missing holdoutAbove; set holdoutAbove (a C in FLOPs) or holdoutLargest (a number of runs)',
  'both-holdouts': 'invalid holdoutLargest; set either holdoutAbove or holdoutLargest, not both',
  'nothing-above': 'invalid holdoutAbove; no run has C above {above} (the largest C is {top})',
  'holdout-largest-range': 'invalid holdoutLargest; expected an integer from 1 to {max} (there are {n} runs): {got}',
  'backtest-drop-highest': 'invalid fitOptions.dropHighest; drop outliers when reading the runs ({call}), before the split',
  'too-few-training-runs': 'too few runs to train on: {training} after holding out {heldOut} of {n}; a fit needs at least {min}',
  // Chained backtests, ties, parametric draws.
  'chain-backtest-no-metric': 'a chained backtest compares predicted scores with observed ones: the runs need a metric column (the metric option, metric= in --columns)',
  'tie-syntax': 'invalid tie; expected two raw parameters joined by =, such as alpha=beta (parameters: {names}), got {got}',
  'tie-names': 'invalid tie {got}; expected two different raw parameters of the form: {names}',
  'draws-covariance-singular': 'cannot draw parameters: the covariance of the {replicates} bootstrap replicates is singular (too few replicates, or a parameter that never moves); run more resamples',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'option-not-object': '{option} 无效：应为对象',
  'option-not-one-of': '{option} 无效：应为 {allowed} 之一，实际为 {got}',
  'option-not-number': '{option} 无效：应为数值，实际为 {got}',
  'option-not-function': '{option} 无效：应为函数',
  'option-count-limit': '{option} 无效：应为 1 到 {max}（固定上限）之间的整数，实际为 {got}',
  'theta-not-object-some': '{option} 无效：应为含 {names} 中部分参数的对象',
  'theta-unknown-name': '未知的 {option}：该函数形式的参数为 {names}',
  'lower-above-upper': 'lower.{name} 无效：{lower} 大于 upper.{name}（{upper}）',
  'too-many-breaks': 'breaks 无效：最多支持 {max} 个（固定上限），实际为 {got}',
  'missing-base': 'data-constrained 形式需要 base：在单轮（single-epoch）实验上拟合的 Chinchilla 定律 {law}',
  'starts-not-array': 'starts 无效：应为由 θ 对象组成的非空数组',
  'too-many-starts': '{option} 无效：最多 {max} 个起始点（固定上限），实际给出 {count} 个',
  'too-many-budgets': '{option} 无效：最多 {max} 个计算预算（固定上限），实际给出 {count} 个',
  'too-many-points': '{option} 无效：最多 {max} 个点（固定上限），实际给出 {count} 个',
  'runs-not-validated': 'runs 无效：应为经过校验、至少含一次实验的 Runs（见 readRuns）',
  'refit-not-function': 'refit 无效：应为函数 {signature}',
  'bad-min-points': 'minPoints 无效：应为不小于 3 的整数（抛物线有 3 个系数），实际为 {got}',
  'bad-log-base': 'logBase 无效：应为不等于 1 的有限正数，实际为 {got}',
  'budgets-not-array': 'budgets 无效：应为由计算预算（FLOPs）组成的非空数组',
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
  'backtest-not-object': 'options 无效：应为含 holdoutAbove 或 holdoutLargest 的对象',
  'missing-holdout': '缺少 holdoutAbove：请设置 holdoutAbove（以 FLOPs 计的 C）或 holdoutLargest（实验次数）',
  'both-holdouts': 'holdoutLargest 无效：holdoutAbove 与 holdoutLargest 只能设置其一',
  'nothing-above': 'holdoutAbove 无效：没有 C 大于 {above} 的实验（最大的 C 为 {top}）',
  'holdout-largest-range': 'holdoutLargest 无效：应为 1 到 {max} 之间的整数（共有 {n} 次实验），实际为 {got}',
  'backtest-drop-highest': 'fitOptions.dropHighest 无效：请在读取实验数据时（{call}）、划分训练集之前剔除离群值',
  'too-few-training-runs': '可用于训练的实验太少：{n} 次中留出 {heldOut} 次后剩 {training} 次；拟合至少需要 {min} 次',
  'chain-backtest-no-metric': '链式回测要把预测得分与实测得分比较：实验数据需要一列指标（metric 选项，或 --columns 中的 metric=）',
  'tie-syntax': 'tie 无效：应为用 = 连接的两个原始参数，如 alpha=beta（参数：{names}），实际为 {got}',
  'tie-names': 'tie {got} 无效：应为该形式的两个不同原始参数：{names}',
  'draws-covariance-singular': '无法抽取参数：{replicates} 个自助法重抽样结果的协方差矩阵是奇异的（重抽样太少，或某个参数从不变化）；请增加重抽样次数',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
