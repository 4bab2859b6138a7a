/**
 * The words of the errors raised while checking options (src/core/fit-options.ts,
 * bootstrap-options.ts, backtest.ts, chain-backtest.ts, parametric-draws.ts):
 * English, which is also each error's `message` in the API and the CLI, and
 * Simplified Chinese, key for key. The isoFLOP analysis's are in ./isoflop.ts,
 * unknown names' in ./names.ts, checks several areas share in ./checks.ts. Values are option names,
 * numbers as the core formats them, the value given (`got`) and code
 * (a call, a signature).
 * The raisers at the end give each error its `message` from these words
 * and the shared ones (./common.ts, ./checks.ts); the core imports them from here.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';
import { EN as CHECKS, ZH as CHECKS_ZH } from './checks.js';

export const EN = {
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
  'too-many-points': 'invalid {option}; at most {max} points (a fixed limit): {count} given',
  'runs-not-validated': 'invalid runs; expected validated Runs with at least one run (see readRuns)',
  'refit-not-function': 'invalid refit; expected a function {signature}',
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
  'theta-not-object-some': '{option} 无效：应为含 {names} 中部分参数的对象',
  'theta-unknown-name': '未知的 {option}：该函数形式的参数为 {names}',
  'lower-above-upper': 'lower.{name} 无效：{lower} 大于 upper.{name}（{upper}）',
  'too-many-breaks': 'breaks 无效：最多支持 {max} 个（固定上限），实际为 {got}',
  'missing-base': 'data-constrained 形式需要 base：在单轮（single-epoch）实验上拟合的 Chinchilla 定律 {law}',
  'starts-not-array': 'starts 无效：应为由 θ 对象组成的非空数组',
  'too-many-starts': '{option} 无效：最多 {max} 个起始点（固定上限），实际给出 {count} 个',
  'too-many-points': '{option} 无效：最多 {max} 个点（固定上限），实际给出 {count} 个',
  'runs-not-validated': 'runs 无效：应为经过校验、至少含一次实验的 Runs（见 readRuns）',
  'refit-not-function': 'refit 无效：应为函数 {signature}',
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
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...CHECKS, ...EN }, { zh: { ...COMMON_ZH, ...CHECKS_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof CHECKS | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof CHECKS & typeof EN)[K]>;
