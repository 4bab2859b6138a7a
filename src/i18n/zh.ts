/**
 * Simplified Chinese messages. Typed against the English table, so the keys
 * cannot drift apart; placeholders `{name}` are the same as in en.ts.
 */

import type { Messages } from './en.js';

export const zh: Messages = {
  axisN: '参数量 N',
  axisD: '训练词元数 D',
  axisC: '训练计算量 C（FLOPs）',
  axisLoss: '损失',
  quantityN: '参数量 N',
  quantityD: '训练词元数 D',
  quantityC: '训练计算量 C',
  unitFlops: 'FLOPs',

  holdRatio: 'D = {r}·N（每个参数 {r} 个词元）',
  holdFixedD: 'D 固定为 {D}',
  holdFixedN: 'N 固定为 {N}',
  holdOptimal: '计算最优的 N 与 D',
  holdNone: '单变量定律，无需固定其他变量',

  legendRuns: '训练实验',
  loss: '损失',
  tableCaption: '不同{x}下的预测损失',
  tableRunsCaption: '训练实验（{n} 次）',
  plotHint: '用方向键沿曲线移动；Home 与 End 跳到两端。',

  summaryCurve: '损失随{x}变化的折线图，范围从 {from} 到 {to}，条件为{hold}。{laws}',
  summaryLaw: '{label}：{law}。',
  summaryRuns: '图中的点表示 {n} 次训练实验。',

  exportMenu: '导出',
  exportSvg: 'SVG 图像',
  exportPng: 'PNG 图像',
  exportCsv: 'CSV（预测值）',
  exportJson: 'JSON（参数）',
  exportPython: 'Python 函数',
  exportLatex: 'LaTeX 公式',
  resetZoom: '重置缩放',

  errorTitle: '无法绘制此图表。',
  errUnknownPreset: '未知的预设“{id}”。可用的预设有：{list}。',
  errAllocationPreset: '预设“{id}”是计算量分配规则，不是损失定律，没有可绘制的曲线。',
  errLawJson: 'law 属性不是有效的 JSON：{detail}',
  errLawShape: 'law 属性必须是形如 {"form": "chinchilla", "params": {…}} 的对象，或由这样的对象组成的列表。',
  errBadNumber: '{attr} 属性必须是正数，收到的是“{value}”。',
  errBadChoice: '{attr} 属性必须是 {list} 之一，收到的是“{value}”。',
  errNoLaw: '没有可绘制的内容：请提供 preset 或 law。',
  errHoldConflict: '{list} 只能给出其中一个。',
  errHoldAxis: 'x 为 {x} 时不能使用 {attr} 属性。',
  errRange: '“from”必须小于“to”，收到的是 {from} 和 {to}。',
  errData: '无法读取数据：{detail}',
  errLaw: '无法绘制定律“{label}”：{detail}',
  errExport: '导出失败：{detail}',
};
