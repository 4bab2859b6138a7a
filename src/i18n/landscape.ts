/**
 * Messages of <scaling-landscape>.
 * English and Simplified Chinese side by side; the Chinese table is typed
 * against the English one, so a missing or extra key is a compile error.
 * `{name}` marks a placeholder that `format()` fills in as plain text.
 */

import type { Tables } from './tables.js';

const en = {
  landLegendLoss: 'Predicted loss',
  landFrontier: 'Compute-optimal frontier',
  landIsoflops: 'Iso-FLOP lines C = 6ND',
  landModels: 'Models',
  landSummary: 'Map of predicted loss over parameters N from {n0} to {n1} and training tokens D from {d0} to {d1}, under {law}: {formula}. Dashed lines join equal compute C = 6ND; the solid line is the compute-optimal frontier.',
  landSummaryAt: 'At about {C} FLOPs {list}.',
  landSummaryEach: '{list}.',
  landModelAt: '{name} ({N}, {D}) reaches {loss}',
  landModelEach: '{name} ({N}, {D}, {C} FLOPs) reaches {loss}',
  landSummaryBest: '{name} has the lowest predicted loss.',
  landTipOptimal: 'Compute-optimal for this C: N = {N}, D = {D}, loss {loss}',
  landTableModels: 'Models placed on the map ({n})',
  landTableFrontier: 'Compute-optimal allocation by budget',
  landColModel: 'Model',
  landExportCsv: 'CSV (models)',
  landExportJson: 'JSON (law and models)',
  landPlotHint: 'Arrow keys move a crosshair over the map (Shift for bigger steps); Tab reaches the models.',
  errLandForm: 'The law "{label}" is not a law of both N and D, so it has no landscape; use chinchilla, kaplan or overtrained.',
  errModels: 'The models attribute must be a JSON list like [{"name": "Chinchilla", "N": 7e10, "D": 1.4e12}]: {detail}',
  errModel: 'Model {i} ("{name}") needs N and D as positive numbers.',
  errLandSpan: 'The {attr} attribute "{value}" spans {decades} decades; the map shows at most {max}.',
  errLandFlops: 'The compute C = 6ND of this map would run from {c0} to {c1} FLOPs, beyond what a number can hold; narrow n-range ({n}) or d-range ({d}).',
  errLandModels: 'The models attribute lists {n} models; the map places at most {max}.',
};

export type LandscapeKey = keyof typeof en;

const zh: { readonly [K in LandscapeKey]: string } = {
  landLegendLoss: '预测损失',
  landFrontier: '计算最优前沿',
  landIsoflops: '等计算量线 C = 6ND',
  landModels: '模型',
  landSummary: '预测损失随参数量 N（{n0} 至 {n1}）与训练词元数 D（{d0} 至 {d1}）变化的地图，采用{law}：{formula}。虚线连接计算量 C = 6ND 相同的点；实线为计算最优前沿。',
  landSummaryAt: '在约 {C} FLOPs 下，{list}。',
  landSummaryEach: '{list}。',
  landModelAt: '{name}（{N}，{D}）的损失为 {loss}',
  landModelEach: '{name}（{N}，{D}，{C} FLOPs）的损失为 {loss}',
  landSummaryBest: '{name} 的预测损失最低。',
  landTipOptimal: '此计算量下的最优配置：N = {N}，D = {D}，损失 {loss}',
  landTableModels: '图中的模型（{n} 个）',
  landTableFrontier: '各计算预算的最优配置',
  landColModel: '模型',
  landExportCsv: 'CSV（模型）',
  landExportJson: 'JSON（定律与模型）',
  landPlotHint: '用方向键在图上移动十字准线（按住 Shift 移动更快）；用 Tab 键进入模型。',
  errLandForm: '定律“{label}”不是同时关于 N 和 D 的定律，无法绘制损失地图；请使用 chinchilla、kaplan 或 overtrained。',
  errModels: 'models 属性必须是形如 [{"name": "Chinchilla", "N": 7e10, "D": 1.4e12}] 的 JSON 列表：{detail}',
  errModel: '第 {i} 个模型（“{name}”）需要正数 N 和 D。',
  errLandSpan: '{attr} 属性“{value}”跨越 {decades} 个数量级；地图最多显示 {max} 个。',
  errLandFlops: '此地图的计算量 C = 6ND 将从 {c0} 到 {c1} FLOPs，超出数值所能表示的范围；请缩小 n-range（{n}）或 d-range（{d}）。',
  errLandModels: 'models 属性列出了 {n} 个模型；地图最多放置 {max} 个。',
};

export const LANDSCAPE: Tables<LandscapeKey> = { en, zh };
