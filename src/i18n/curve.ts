/**
 * Messages of <scaling-curve>.
 * English and Simplified Chinese side by side; the Chinese table is typed
 * against the English one, so a missing or extra key is a compile error.
 * `{name}` marks a placeholder that `format()` fills in as plain text.
 */

import type { Tables } from './tables.js';

const en = {
  // How the other variable is held along a curve.
  holdRatio: 'D = {r}·N ({r} tokens per parameter)',
  holdFixedD: 'D fixed at {D}',
  holdFixedN: 'N fixed at {N}',
  holdOptimal: 'compute-optimal N and D',
  holdNone: 'no other variable held',

  // Legend, tooltip and table.
  legendRuns: 'Training runs',
  tableCaption: 'Predicted loss by {x}',
  plotHint: 'Arrow keys move along the curves; Home and End jump to the ends.',

  // Accessible summary.
  summaryCurve: 'Line chart of loss against {x}, from {from} to {to}, with {hold}. {laws}',
  summaryLaw: '{label}: {law}.',
  summaryRuns: '{n} training runs are shown as points.',
  errNoLaw: 'Nothing to draw: give a preset or a law.',
  errHoldConflict: 'Give only one of {list}.',
  errHoldAxis: 'The {attr} attribute cannot be used when x is {x}.',
  errRange: '"from" must be less than "to"; got {from} and {to}.',

  // Two laws compared as a compute multiplier (the multiplier attribute).
  multiplierLine: '{a} needs {k}× the compute to reach the loss {b} reaches here ({loss})',
  multiplierNever: '{a} never reaches the loss {b} reaches here ({loss})',
  multiplierCaption: 'How many times the compute {a} needs to reach the loss of {b}',
  multiplierDrift: 'From {from} to {to} the multiplier goes from {k0} to {k1}.',
  errMultiplier: 'The multiplier attribute compares two laws of N and D against compute: give exactly two such laws and x="C" (got {n} laws, x = {x}).',
};

export type CurveKey = keyof typeof en;

const zh: { readonly [K in CurveKey]: string } = {
  holdRatio: 'D = {r}·N（每个参数 {r} 个词元）',
  holdFixedD: 'D 固定为 {D}',
  holdFixedN: 'N 固定为 {N}',
  holdOptimal: '计算最优的 N 与 D',
  holdNone: '单变量定律，无需固定其他变量',
  legendRuns: '训练实验',
  tableCaption: '不同{x}下的预测损失',
  plotHint: '用方向键沿曲线移动；Home 与 End 跳到两端。',
  summaryCurve: '损失随{x}变化的折线图，范围从 {from} 到 {to}，条件为{hold}。{laws}',
  summaryLaw: '{label}：{law}。',
  summaryRuns: '图中的点表示 {n} 次训练实验。',
  errNoLaw: '没有可绘制的内容：请提供 preset 或 law。',
  errHoldConflict: '{list} 只能给出其中一个。',
  errHoldAxis: 'x 为 {x} 时不能使用 {attr} 属性。',
  errRange: '“from”必须小于“to”，收到的是 {from} 和 {to}。',

  multiplierLine: '{a} 需要 {k} 倍的计算量，才能达到 {b} 在此处的损失（{loss}）',
  multiplierNever: '{a} 永远达不到 {b} 在此处的损失（{loss}）',
  multiplierCaption: '{a} 达到 {b} 的损失所需的计算量倍数',
  multiplierDrift: '从 {from} 到 {to}，倍数从 {k0} 变为 {k1}。',
  errMultiplier: 'multiplier 属性用于在计算量上比较两条关于 N 和 D 的定律：请给出恰好两条这样的定律，并设 x="C"（收到 {n} 条定律，x = {x}）。',
};

export const CURVE: Tables<CurveKey> = { en, zh };
