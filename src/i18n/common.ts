/**
 * Messages every element shares: axis titles, units, the export menu, the
 * error box, the data sources (controllers/runs-source.ts) and attribute errors.
 * English and Simplified Chinese side by side; the Chinese table is typed
 * against the English one, so a missing or extra key is a compile error.
 * `{name}` marks a placeholder that `format()` fills in as plain text.
 */

import type { Tables } from './tables.js';

const en = {
  // Axis titles and quantity names.
  axisN: 'Parameters N',
  axisD: 'Training tokens D',
  axisC: 'Training compute C (FLOPs)',
  axisLoss: 'Loss (nats per token)',
  quantityN: 'parameters N',
  quantityD: 'training tokens D',
  quantityC: 'training compute C',
  unitFlops: 'FLOPs',
  loss: 'Loss',
  tableRunsCaption: 'Training runs ({n})',
  // A hidden table or the point marks cut at A11Y_LIMITS (chart/a11y.ts).
  tableCapped: 'First {shown} of {n} runs.',
  marksCapped: '{n} runs; only the first {shown} can be reached with the keyboard.',

  // Toolbar.
  exportMenu: 'Export',
  exportSvg: 'SVG image',
  exportPng: 'PNG image',
  exportCsv: 'CSV (predictions)',
  exportJson: 'JSON (parameters)',
  exportPython: 'Python function',
  exportLatex: 'LaTeX equation',
  resetZoom: 'Reset zoom',

  // Errors, in plain words.
  errorTitle: 'This chart cannot be drawn.',
  errUnknownPreset: 'Unknown preset "{id}". Known presets: {list}.',
  errAllocationPreset: 'Preset "{id}" is a rule for splitting compute, not a loss law, so it has no curve to draw.',
  errLawJson: 'The law attribute is not valid JSON: {detail}',
  errLawShape: 'The law attribute must be an object like {"form": "chinchilla", "params": {…}} or a list of them.',
  errLawTask: '{label} is a task law (benchmark score from loss); this chart draws loss against N, D or C.',
  errBadNumber: 'The {attr} attribute must be a positive number; got "{value}".',
  errAxisRange: 'The {attr} attribute must be two positive numbers, low then high, like "1e8, 1e13"; got "{value}".',
  errBadChoice: 'The {attr} attribute must be one of {list}; got "{value}".',
  errData: 'The data could not be read: {detail}',
  errLaw: 'The law "{label}" cannot be drawn: {detail}',
  errExport: 'Export failed: {detail}',

  // Where the runs come from, and why they could not be read (controllers/runs-source.ts).
  fitSourceProperty: 'runs property',
  fitSourceInline: 'inline data',
  fitSourceTable: 'table in the page',
  fitSourcePaste: 'pasted data',
  fitErrFetchStatus: 'Could not load the data from {url}: the server answered {status}.',
  fitErrFetchNetwork: 'Could not load the data from {url}: {detail}',
  fitErrFetchTimeout: 'Could not load the data from {url}: no answer within {seconds} seconds.',
  fitErrFetchType: 'The file at {url} is not CSV or JSON data (it was sent as {type}).',
  fitErrFile: 'Could not read the file {name}: {detail}',
  fitErrInlineMarkup: 'The inline data holds HTML markup ({tag}), which no CSV or JSON of runs has: a Markdown processor most likely split the element at a blank line and wrapped the rest in paragraphs. Remove the blank lines inside <script type="text/csv">, or load the data with src.',
  fitLoading: 'Loading {url}…',
  // Preset names for readers (legends, headers, summaries), by preset id; the short form heads table columns.
  'preset.kaplan2020-nd': 'Kaplan et al. 2020, L(N, D)',
  'preset.kaplan2020-n': 'Kaplan et al. 2020, L(N)',
  'preset.kaplan2020-d': 'Kaplan et al. 2020, L(D)',
  'preset.kaplan2020-cmin': 'Kaplan et al. 2020, L(C_min)',
  'preset.hoffmann2022-rounded': 'Hoffmann et al. 2022 (Chinchilla), as printed',
  'preset.hoffmann2022': 'Hoffmann et al. 2022 (Chinchilla), full precision',
  'preset.besiroglu2024': 'Besiroglu et al. 2024 (Epoch AI), Chinchilla replication',
  'preset.deepseek2024': 'DeepSeek LLM 2024, compute-optimal allocation',
  'preset.llama3-2024': 'Llama 3 2024, compute-optimal tokens',
  'preset.muennighoff2023': 'Muennighoff et al. 2023, data-constrained (C4)',
  'presetShort.kaplan2020-nd': 'Kaplan 2020',
  'presetShort.kaplan2020-n': 'Kaplan 2020 L(N)',
  'presetShort.kaplan2020-d': 'Kaplan 2020 L(D)',
  'presetShort.kaplan2020-cmin': 'Kaplan 2020 L(C)',
  'presetShort.hoffmann2022-rounded': 'Hoffmann 2022, printed',
  'presetShort.hoffmann2022': 'Hoffmann 2022',
  'presetShort.besiroglu2024': 'Besiroglu 2024',
  'presetShort.deepseek2024': 'DeepSeek 2024',
  'presetShort.llama3-2024': 'Llama 3 2024',
  'presetShort.muennighoff2023': 'Muennighoff 2023',
};

export type CommonKey = keyof typeof en;

const zh: { readonly [K in CommonKey]: string } = {
  axisN: '参数量 N',
  axisD: '训练词元数 D',
  axisC: '训练计算量 C（FLOPs）',
  axisLoss: '损失（奈特/词元）',
  quantityN: '参数量 N',
  quantityD: '训练词元数 D',
  quantityC: '训练计算量 C',
  unitFlops: 'FLOPs',
  loss: '损失',
  tableRunsCaption: '训练实验（{n} 次）',
  tableCapped: '仅列出 {n} 次实验中的前 {shown} 次。',
  marksCapped: '共 {n} 次实验；只有前 {shown} 个点可用键盘访问。',
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
  errLawTask: '{label} 是任务定律（由损失预测基准得分）；此图绘制的是损失随 N、D 或 C 的变化。',
  errBadNumber: '{attr} 属性必须是正数，收到的是“{value}”。',
  errAxisRange: '{attr} 属性必须是两个正数，先小后大，例如“1e8, 1e13”，收到的是“{value}”。',
  errBadChoice: '{attr} 属性必须是 {list} 之一，收到的是“{value}”。',
  errData: '无法读取数据：{detail}',
  errLaw: '无法绘制定律“{label}”：{detail}',
  errExport: '导出失败：{detail}',

  // 数据来源，以及读取失败的原因（controllers/runs-source.ts）。
  fitSourceProperty: 'runs 属性',
  fitSourceInline: '内嵌数据',
  fitSourceTable: '页面中的表格',
  fitSourcePaste: '粘贴的数据',
  fitErrFetchStatus: '无法从 {url} 加载数据：服务器返回 {status}。',
  fitErrFetchNetwork: '无法从 {url} 加载数据：{detail}',
  fitErrFetchTimeout: '无法从 {url} 加载数据：{seconds} 秒内没有响应。',
  fitErrFetchType: '{url} 处的文件不是 CSV 或 JSON 数据（其类型为 {type}）。',
  fitErrFile: '无法读取文件 {name}：{detail}',
  fitErrInlineMarkup: '内嵌数据中含有 HTML 标记（{tag}），而实验数据的 CSV 或 JSON 不会含有它：很可能是 Markdown 处理器在数据中的空行处截断了元素，并把其余部分包进了段落。请删除 <script type="text/csv"> 内的空行，或改用 src 加载数据。',
  fitLoading: '正在加载 {url}…',
  'preset.kaplan2020-nd': 'Kaplan 等，2020，L(N, D)',
  'preset.kaplan2020-n': 'Kaplan 等，2020，L(N)',
  'preset.kaplan2020-d': 'Kaplan 等，2020，L(D)',
  'preset.kaplan2020-cmin': 'Kaplan 等，2020，L(C_min)',
  'preset.hoffmann2022-rounded': 'Hoffmann 等，2022（Chinchilla），论文印刷值',
  'preset.hoffmann2022': 'Hoffmann 等，2022（Chinchilla），完整精度',
  'preset.besiroglu2024': 'Besiroglu 等，2024（Epoch AI），Chinchilla 复现',
  'preset.deepseek2024': 'DeepSeek LLM，2024，计算最优分配',
  'preset.llama3-2024': 'Llama 3，2024，计算最优词元数',
  'preset.muennighoff2023': 'Muennighoff 等，2023，数据受限（C4）',
  'presetShort.kaplan2020-nd': 'Kaplan 2020',
  'presetShort.kaplan2020-n': 'Kaplan 2020 L(N)',
  'presetShort.kaplan2020-d': 'Kaplan 2020 L(D)',
  'presetShort.kaplan2020-cmin': 'Kaplan 2020 L(C)',
  'presetShort.hoffmann2022-rounded': 'Hoffmann 2022（印刷值）',
  'presetShort.hoffmann2022': 'Hoffmann 2022',
  'presetShort.besiroglu2024': 'Besiroglu 2024',
  'presetShort.deepseek2024': 'DeepSeek 2024',
  'presetShort.llama3-2024': 'Llama 3 2024',
  'presetShort.muennighoff2023': 'Muennighoff 2023',
};

export const COMMON: Tables<CommonKey> = { en, zh };

/** A preset's name for readers, in the translator's language ("short" for table headers); the core's English name for an id without words. */
export function presetLabel(t: (key: CommonKey) => string, id: string, fallback: string, short = false): string {
  const key = `${short ? 'presetShort' : 'preset'}.${id}` as CommonKey;
  return key in en ? t(key) : fallback;
}
