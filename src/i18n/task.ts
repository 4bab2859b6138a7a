/**
 * Messages of <scaling-task> (the element also carries <scaling-fit>'s table,
 * for the parameter tables and checks it shares with it).
 * English and Simplified Chinese side by side; the Chinese table is typed
 * against the English one, so a missing or extra key is a compile error.
 */

import type { Tables } from './tables.js';

const en = {
  taskViewLabel: 'View',
  taskViewMetric: 'Score against compute',
  taskViewLoss: 'Loss against compute',
  taskViewStep: 'Score against loss',
  taskAxisMetric: 'Score ({column})',

  // Legend.
  taskRunsFitted: 'Runs the laws were fitted on',
  taskRunsHeldOut: 'Held-out runs',
  taskChainLine: 'Chained prediction at D = {r}·N',
  taskLossLine: 'Loss law at D = {r}·N',
  taskStepLine: 'Task law',
  taskPredictedMarks: 'Prediction for each held-out run',
  taskBand: '{level}% interval (both steps)',
  taskChance: 'Chance',

  // Toolbar and status.
  taskIntervals: 'Chained intervals',
  taskIntervalsHint: 'Refit both laws on {n} resamples of the runs, so the interval carries the uncertainty of both steps.',
  taskIntervalsProgress: 'Intervals: {done} of {total} resamples',
  taskIntervalsDone: '{n} resamples of both fits; {level}% intervals.',
  taskLossCaption: 'Step 1, loss law: {law}',
  taskTaskCaption: 'Step 2, task law: {law}',

  // Tooltip, tables.
  taskHeldOut: 'held out',
  taskChained: 'Chained prediction',
  taskRelError: 'relative error {value}',
  taskColRelError: 'Relative error of the score',
  taskBacktestCaption: 'Held-out runs: measured and predicted from N and D alone',
  taskBacktestSummary: 'Mean absolute relative error of the score: {value}.',
  taskColMeasured: '{what} measured',
  taskColPredicted: '{what} predicted',
  taskRunsCaption: 'Runs ({n})',
  taskPlotHint: 'Arrow keys move the cursor along the chained prediction; Tab reaches the runs.',

  // Accessible summary.
  taskSummary: 'Chart of {y} against {x} for {n} runs, {k} of them held out.',
  taskSummaryChain: 'The chained prediction goes from {from} to {to} over the compute shown.',
  taskSummaryBacktest: 'For the held-out runs the prediction is off by {value} on average (relative).',

  // Errors.
  taskErrNoMetric: 'No score column: name it in the columns attribute, for example columns="loss=c4_loss,metric=err_avg"{found}.',
  taskErrNoMetricFound: ' (columns: {list})',
  taskErrHoldout: 'The holdout attribute must be a whole number from 0 to {max}; got "{value}".',
  taskErrChance: 'The chance attribute must be a finite number; got "{value}".',
  taskErrFit: 'The fit failed: {detail}',
  taskErrIntervals: 'The intervals could not be computed: {detail}',
};

export type TaskKey = keyof typeof en;

const zh: { readonly [K in TaskKey]: string } = {
  taskViewLabel: '视图',
  taskViewMetric: '得分—计算量',
  taskViewLoss: '损失—计算量',
  taskViewStep: '得分—损失',
  taskAxisMetric: '得分（{column}）',

  taskRunsFitted: '用于拟合定律的实验',
  taskRunsHeldOut: '留出的实验',
  taskChainLine: '链式预测（D = {r}·N）',
  taskLossLine: '损失定律（D = {r}·N）',
  taskStepLine: '任务定律',
  taskPredictedMarks: '对每个留出实验的预测',
  taskBand: '{level}% 区间（两步合计）',
  taskChance: '随机水平',

  taskIntervals: '链式区间',
  taskIntervalsHint: '对实验做 {n} 次重抽样并重新拟合两条定律，使区间同时包含两步的不确定性。',
  taskIntervalsProgress: '区间：已完成 {done}/{total} 次重抽样',
  taskIntervalsDone: '两次拟合各重抽样 {n} 次；{level}% 区间。',
  taskLossCaption: '第一步，损失定律：{law}',
  taskTaskCaption: '第二步，任务定律：{law}',

  taskHeldOut: '留出',
  taskChained: '链式预测',
  taskRelError: '相对误差 {value}',
  taskColRelError: '得分的相对误差',
  taskBacktestCaption: '留出的实验：实测值与仅由 N 和 D 得到的预测',
  taskBacktestSummary: '得分的平均绝对相对误差：{value}。',
  taskColMeasured: '{what}（实测）',
  taskColPredicted: '{what}（预测）',
  taskRunsCaption: '实验（{n} 次）',
  taskPlotHint: '方向键沿链式预测移动光标；Tab 键可到达各次实验。',

  taskSummary: '{n} 次实验（其中 {k} 次留出）的{y}随{x}变化的图。',
  taskSummaryChain: '在图示计算量范围内，链式预测从 {from} 变化到 {to}。',
  taskSummaryBacktest: '对留出的实验，预测的平均相对偏差为 {value}。',

  taskErrNoMetric: '没有得分列：请在 columns 属性中指定，例如 columns="loss=c4_loss,metric=err_avg"{found}。',
  taskErrNoMetricFound: '（现有列：{list}）',
  taskErrHoldout: 'holdout 属性必须是 0 到 {max} 之间的整数，收到的是“{value}”。',
  taskErrChance: 'chance 属性必须是有限数值，收到的是“{value}”。',
  taskErrFit: '拟合失败：{detail}',
  taskErrIntervals: '无法计算区间：{detail}',
};

export const TASK: Tables<TaskKey> = { en, zh };
