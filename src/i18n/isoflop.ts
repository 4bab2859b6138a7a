/**
 * Messages of <scaling-isoflop>.
 * English and Simplified Chinese side by side; the Chinese table is typed
 * against the English one, so a missing or extra key is a compile error.
 * `{name}` marks a placeholder that `format()` fills in as plain text.
 */

import type { Tables } from './tables.js';

const en = {
  // end fit
  // isoflop & landscape — keys of <scaling-isoflop> and <scaling-landscape>.
  axisNStar: 'Optimal parameters N*',
  isoLegendBudget: '{C} FLOPs',
  isoRejected: '{C} FLOPs — rejected: {reason}',
  isoRejectedWord: 'rejected',
  isoAccepted: 'accepted',
  isoReasonFewPoints: 'too few points ({n}; at least {min} needed)',
  isoReasonFewSizes: 'fewer than 3 model sizes',
  isoReasonNotConvex: 'curvature not positive',
  isoReasonOutside: 'minimum outside the sampled sizes',
  isoLaw: 'N* = {k}·C^{a}',
  isoLawCi: 'exponent {level}% CI: {lo}–{hi}',
  isoLawCiNone: 'no interval from only 2 budgets',
  isoOptimumAt: 'Optimum of the {C} FLOPs budget',
  isoUnassigned: 'Run near no budget',
  isoSummary: 'IsoFLOP profiles for {n} budgets, {accepted} accepted; N* ∝ C^{a}, D* ∝ C^{b}.',
  isoSummaryRejected: 'Rejected: {list}.',
  isoTableBudgets: 'Optimum per compute budget ({n})',
  isoColBudget: 'Budget C (FLOPs)',
  isoColRuns: 'Runs',
  isoColStatus: 'Status',
  isoColLoss: 'Loss at the optimum',
  isoExportCsv: 'CSV (optimum per budget)',
  isoExportJson: 'JSON (analysis)',
  isoPlotHint: 'Tab reaches the points; arrow keys move between them, Escape leaves.',
  isoNoData: 'No training runs to analyse: give a src, an inline <script type="text/csv">, a table or the runs property.',
  errBudgets: 'The budgets attribute must be a comma-separated list of positive FLOP counts, like "6e18, 1e19"; got "{value}".',
  errTolerance: 'The tolerance attribute must be a number ≥ 0 (0.1 means 10%); got "{value}".',
  errMinPoints: 'The min-points attribute must be a whole number of at least 3; got "{value}".',
  errIsoflop: 'The IsoFLOP analysis could not be done: {detail}',
};

export type IsoflopKey = keyof typeof en;

const zh: { readonly [K in IsoflopKey]: string } = {
  // end fit
  // isoflop & landscape — keys of <scaling-isoflop> and <scaling-landscape>.
  axisNStar: '最优参数量 N*',
  isoLegendBudget: '{C} FLOPs',
  isoRejected: '{C} FLOPs — 已舍弃：{reason}',
  isoRejectedWord: '已舍弃',
  isoAccepted: '已采用',
  isoReasonFewPoints: '点数太少（{n} 个，至少需要 {min} 个）',
  isoReasonFewSizes: '模型规模少于 3 种',
  isoReasonNotConvex: '曲率不为正',
  isoReasonOutside: '最小值落在采样规模之外',
  isoLaw: 'N* = {k}·C^{a}',
  isoLawCi: '指数 {level}% 置信区间：{lo}–{hi}',
  isoLawCiNone: '只有 2 个预算，无法给出区间',
  isoOptimumAt: '{C} FLOPs 预算的最优点',
  isoUnassigned: '不属于任何预算的实验',
  isoSummary: '{n} 个计算预算的 IsoFLOP 曲线，其中 {accepted} 个被采用；N* ∝ C^{a}，D* ∝ C^{b}。',
  isoSummaryRejected: '已舍弃：{list}。',
  isoTableBudgets: '各计算预算的最优点（{n} 个）',
  isoColBudget: '预算 C（FLOPs）',
  isoColRuns: '实验数',
  isoColStatus: '状态',
  isoColLoss: '最优点的损失',
  isoExportCsv: 'CSV（各预算最优点）',
  isoExportJson: 'JSON（分析结果）',
  isoPlotHint: '用 Tab 键进入数据点；方向键在点之间移动，Esc 退出。',
  isoNoData: '没有可分析的训练实验：请提供 src、内嵌的 <script type="text/csv">、表格或 runs 属性。',
  errBudgets: 'budgets 属性必须是以逗号分隔的正 FLOPs 数，例如“6e18, 1e19”，收到的是“{value}”。',
  errTolerance: 'tolerance 属性必须是不小于 0 的数（0.1 表示 10%），收到的是“{value}”。',
  errMinPoints: 'min-points 属性必须是不小于 3 的整数，收到的是“{value}”。',
  errIsoflop: '无法完成 IsoFLOP 分析：{detail}',
};

export const ISOFLOP: Tables<IsoflopKey> = { en, zh };
