/**
 * Diagnostics in words: one sentence per code of src/core/diagnostic-codes.ts,
 * in English and Simplified Chinese, with the values formatted (numbers to
 * four significant digits, shares as percentages, long lists of rows or
 * parameters cut to the first few and "and N more"). The core says only codes
 * and values; the CLI and the elements both word them here.
 *
 * The tables follow the other message tables: `{name}` placeholders that
 * `format()` fills in as plain text, the Chinese table typed against the
 * English one, and every diagnostic code a key of both (a missing code is a
 * compile error). Parameter names in diagnostics are raw θ names (`a`,
 * `lnNc`, …); `describeDiagnostic` shows them as given unless the caller
 * passes `name`, e.g. `(θ) => publishedName(form, θ)`.
 */

import type { Diagnostic, DiagnosticCode, Severity } from '../core/diagnostic-codes.js';
import type { Lang, Tables } from './tables.js';
import { format } from './tables.js';
import { describeStatus } from './status.js';
import { descriptorOf } from '../laws/index.js';

const en = {
  // One sentence per code (the first key of each group is the code itself).
  'collinear-nd': 'N and D follow one exact relation in every run (ln D = {slope}·ln N + {intercept}), so the data cannot separate the effect of model size from that of training tokens: the N and D terms of the law are not determined.',
  'collinear-nd-ratio': 'Every run has the same ratio of tokens to parameters (about {ratio} tokens per parameter), so the data cannot separate the effect of model size from that of training tokens: the N and D terms of the law are not determined.',
  'constant-column': 'Column "{column}" has the same value ({value}) in every run, so the law cannot learn how the loss depends on it.',
  'column-choice': 'Column {column} was taken as {quantity} because of its name, but {alternatives} could also be {quantity}: if another was meant, name it with the columns option (--columns in the CLI).',
  'constant-loss': 'Every run has the same loss ({value}), so there is nothing for the law to fit.',
  'constant-metric': 'Every run has the same score ({value}), so there is nothing for the task law to fit.',
  'few-runs': '{runs} runs for {parameters} free parameters: about {recommended} runs or more are needed before the parameters can be trusted.',
  'interpolates': '{runs} runs for {parameters} free parameters: the law passes through every run exactly, so the fit cannot show how well the form describes the data.',
  'zero-weight': 'The weights leave only about {effectiveRuns} effective runs for {parameters} free parameters, too few to determine them.',
  'dead-term': 'The term {term} contributes at most {share} of the predicted loss on every run, so the data do not determine {parameters}.',
  'negative-exponent': 'The exponent {parameter} is negative ({value}): the loss rises with scale, which is not a scaling law.',
  'at-bound': '{parameter} ended on its {side} bound ({bound}); the optimum may lie beyond it.',
  'flat-direction': 'The objective is nearly flat along a combination of {parameters} (condition number {condition}): the data do not determine these parameters separately.',
  'no-standard-errors': 'Standard errors could not be computed: the curvature at the optimum is singular or not finite.',
  'free-scale': 'The scale of the log residuals was fitted with the law (Huber likelihood, σ = {sigma}); at that scale nearly every residual is in Huber\'s linear part, so no standard errors are given: use a bootstrap for intervals.',
  'not-converged': 'The optimiser stopped at a limit ({reason}), not at a minimum.',
  'gradient-not-finite': 'The gradient is not finite at the end for {parameters}: the law overflows on some runs.',
  'residual-trend': 'The residuals trend with {against} (slope {slope}, t = {t}): the form does not match the shape of the data.',
  'residual-pattern': 'Ordered by {against}, the residuals fall into only {signRuns} stretches of one sign, where noise would give about {expected} (z = {z}): the data curve in a way the form misses.',
  'heteroscedastic': 'The residuals spread {ratio} times as widely at the high end of the predicted loss as at the low end.',
  'outliers': 'Rows {rows} of the data have residuals far from the rest (robust z up to {maxZ}).',
  'outliers-one': 'Row {rows} of the data has a residual far from the rest (robust z {maxZ}).',
  'not-certified': 'This could not be shown to be the global optimum: {reason}.',
  'escalated': 'The fast strategy found a lower optimum than its first answer, so it ran all {starts} starts of the grid and took the best (objective {from} → {to}).',
  'bootstrap-at-bound': '{parameter} ended on a bound in {share} of the bootstrap refits, so its interval is cut off there.',
  'bootstrap-wide': 'The bootstrap interval of {parameter} runs from {lo} to {hi}, {orders} orders of magnitude: the data hardly determine it.',
  'bootstrap-basins': '{share} of the bootstrap refits ended in a different optimum from the estimate, so the intervals mix several solutions.',
  'bootstrap-failed': '{failed} of {resamples} bootstrap refits did not converge.',
  'engine-fallback': 'WebAssembly cannot run on this page, so the TypeScript engine fitted instead: the same numbers, more slowly.',
  'workers-unavailable': 'Worker threads cannot be started on this page, so the work ran on the page’s own thread, a part at a time.',
  'eps0-undetermined': 'The fitted α is 0, so ε0 drops out of the M4 law and the data do not determine it: this fit is the law ε = ε∞ + β·x^c.',
  'lower-minimum-elsewhere': 'This M4 fit is the minimum reached from the paper’s start, just below the lowest loss (objective {objective}); a scan of the whole range found a lower minimum of the same objective (objective {lower}, at ε∞ = {epsInf}, α = {alpha}), which may extrapolate differently: the global search takes it.',

  // Values inside the sentences.
  sideLower: 'lower',
  sideUpper: 'upper',
  againstLnN: 'ln N',
  againstLnD: 'ln D',
  againstLnC: 'ln C',
  againstX: 'the horizontal variable',
  againstPrediction: 'the predicted loss',
  certSingleStart: 'only one start reached it (the exact strategy runs every start of the grid)',
  certPiecewiseLinear: 'the asymmetric loss is piecewise linear, so the optimiser can stop at a kink',
  certUnidentifiable: 'the data do not determine the law, so there is no single optimum',
  certValley: 'the optimum lies in a flat valley (a dead term, a flat direction or too few runs), where no search of starts can rule out a lower point',
  certCheckDisagrees: 'a second start, polished as far as the answer, ended at a different objective',
  // A bootstrap's diagnostic about the fit of all runs (of: 'estimate').
  ofEstimate: 'The fit of all runs: {text}',
  listSeparator: ', ',
  listLast: '{init} and {last}',
  listMore: '{init} and {n} more',
  rowsMore: '{init} and {n} more',

  // Severity, as a label beside the sentence.
  severityInfo: 'Note',
  severityWarning: 'Warning',
  severityError: 'Error',
};

export type DiagnosticKey = keyof typeof en;

const zh: { readonly [K in DiagnosticKey]: string } = {
  'collinear-nd': '所有实验的 N 与 D 都满足同一个确定关系（ln D = {slope}·ln N + {intercept}），数据无法区分模型规模与训练词元数各自的作用：定律中的 N 项和 D 项无法确定。',
  'collinear-nd-ratio': '所有实验的词元数与参数量之比都相同（每个参数约 {ratio} 个词元），数据无法区分模型规模与训练词元数各自的作用：定律中的 N 项和 D 项无法确定。',
  'constant-column': '列“{column}”在所有实验中取值相同（{value}），定律无法得知损失如何随它变化。',
  'column-choice': '按列名把 {column} 当作 {quantity}，但 {alternatives} 也可能是 {quantity}：如果指的是其他列，请用 columns 选项（命令行为 --columns）指定。',
  'constant-loss': '所有实验的损失都相同（{value}），没有可供定律拟合的变化。',
  'constant-metric': '所有实验的得分都相同（{value}），没有可供任务定律拟合的变化。',
  'few-runs': '{parameters} 个自由参数只有 {runs} 次实验：大约需要 {recommended} 次或更多实验，参数才值得信赖。',
  'interpolates': '{parameters} 个自由参数只有 {runs} 次实验：定律恰好穿过每一次实验，拟合无法说明这一形式对数据的描述有多好。',
  'zero-weight': '按权重计算，有效实验只有约 {effectiveRuns} 次，不足以确定 {parameters} 个自由参数。',
  'dead-term': '{term} 项在每次实验中至多只占预测损失的 {share}，数据无法确定 {parameters}。',
  'negative-exponent': '指数 {parameter} 为负（{value}）：损失随规模增大而上升，这不是缩放定律。',
  'at-bound': '{parameter} 停在其{side}边界上（{bound}），最优值可能在边界之外。',
  'flat-direction': '目标函数沿 {parameters} 的某个组合方向几乎是平的（条件数 {condition}）：数据无法分别确定这些参数。',
  'no-standard-errors': '无法计算标准误：最优点处的曲率矩阵奇异或不是有限数。',
  'free-scale': '对数残差的尺度与定律一同拟合（Huber 似然，σ = {sigma}）；在这一尺度下几乎所有残差都落在 Huber 函数的线性部分，因此不给出标准误：区间请用自助法。',
  'not-converged': '优化器因达到限制而停止（{reason}），并未停在极小值处。',
  'gradient-not-finite': '终点处 {parameters} 的梯度不是有限数：定律在部分实验上溢出。',
  'residual-trend': '残差随{against}呈趋势变化（斜率 {slope}，t = {t}）：该形式与数据的形状不符。',
  'residual-pattern': '按{against}排序时，残差只分成 {signRuns} 段同号区间，而随机噪声约会给出 {expected} 段（z = {z}）：数据的弯曲形状是该形式没有描述到的。',
  'heteroscedastic': '在预测损失较高的一端，残差的离散程度是较低一端的 {ratio} 倍。',
  'outliers': '数据中第 {rows} 行的残差远离其余实验（稳健 z 值最高为 {maxZ}）。',
  'outliers-one': '数据中第 {rows} 行的残差远离其余实验（稳健 z 值为 {maxZ}）。',
  'not-certified': '无法证明这是全局最优解：{reason}。',
  'escalated': '快速策略发现了比最初答案更低的最优值，于是运行了网格中全部 {starts} 个起点并采用最优者（目标函数值 {from} → {to}）。',
  'bootstrap-at-bound': '在 {share} 的自助法重拟合中，{parameter} 停在边界上，因此其区间在边界处被截断。',
  'bootstrap-wide': '{parameter} 的自助法区间从 {lo} 到 {hi}，跨越 {orders} 个数量级：数据几乎无法确定它。',
  'bootstrap-basins': '{share} 的自助法重拟合停在与估计值不同的最优解上，因此区间混合了多个解。',
  'bootstrap-failed': '{resamples} 次自助法重拟合中有 {failed} 次未收敛。',
  'engine-fallback': '此页面无法运行 WebAssembly，改用 TypeScript 引擎拟合：结果相同，速度较慢。',
  'workers-unavailable': '此页面无法启动工作线程，计算改在页面自身的线程上分段进行。',
  'eps0-undetermined': '拟合得到的 α 为 0，ε0 从 M4 定律中消失，数据无法确定它：此次拟合即定律 ε = ε∞ + β·x^c。',
  'lower-minimum-elsewhere': '此次 M4 拟合是从论文的起点（略低于最低损失处）出发所到达的极小值（目标函数值 {objective}）；在整个范围内扫描，找到了同一目标函数更低的极小值（目标函数值 {lower}，位于 ε∞ = {epsInf}、α = {alpha}），其外推结果可能不同：全局搜索会采用它。',

  sideLower: '下',
  sideUpper: '上',
  againstLnN: ' ln N ',
  againstLnD: ' ln D ',
  againstLnC: ' ln C ',
  againstX: '横轴变量',
  againstPrediction: '预测损失',
  certSingleStart: '只有一个起点到达了它（精确策略会运行网格中的每一个起点）',
  certPiecewiseLinear: '非对称损失是分段线性的，优化器可能停在折点上',
  certUnidentifiable: '数据无法确定该定律，因此不存在唯一的最优解',
  certValley: '最优解位于平坦的谷底（存在失效项、平坦方向或运行次数过少），任何起点搜索都无法排除更低的点',
  certCheckDisagrees: '另一个起点经过同样充分的精细优化后，到达了不同的目标值',
  ofEstimate: '全部实验的拟合：{text}',
  listSeparator: '、',
  listLast: '{init} 和 {last}',
  listMore: '{init} 等 {total} 项',
  rowsMore: '{init} 等共 {total}',

  severityInfo: '提示',
  severityWarning: '警告',
  severityError: '错误',
};

// Every diagnostic code has a sentence (a compile error otherwise).
const everyCode: { readonly [C in DiagnosticCode]: string } = en;
void everyCode;

export const DIAGNOSTICS: Tables<DiagnosticKey> = { en, zh };

/** How many list items are named before "and N more". */
const LIST_HEAD = 3;

/** A number as text: four significant digits, exponent form for very large or small magnitudes. */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const text = a >= 1e6 || a < 1e-4
    ? x.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e')
    : String(Number(x.toPrecision(digits)));
  return text.replace(/^-/, '−');
}

/** A share in [0, 1] as a percentage ("12.5%", four significant digits); below 0.01%, "<0.01%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return formatNumber(share);
  return share > 0 && share < 1e-4 ? '<0.01%' : `${formatNumber(share * 100)}%`;
}

/**
 * "a, b and c" / "a、b 和 c"; beyond LIST_HEAD + 1 items the first LIST_HEAD and
 * how many more: "a, b, c and 5 more" / "a、b、c 等 8 项" (`more` picks the wording).
 */
export function formatList(items: readonly string[], lang: Lang, more: 'listMore' | 'rowsMore' = 'listMore'): string {
  const t = DIAGNOSTICS[lang];
  if (items.length <= 1) return items[0] ?? '';
  if (items.length <= LIST_HEAD + 1) {
    return format(t.listLast, { init: items.slice(0, -1).join(t.listSeparator), last: items[items.length - 1] });
  }
  return format(t[more], { init: items.slice(0, LIST_HEAD).join(t.listSeparator), n: items.length - LIST_HEAD, total: items.length });
}

/**
 * The published parameter a raw θ name stands for (`a` → `A` in the Chinchilla
 * form, `lnNc` → `Nc`, `lnA` → `a` in the overtrained form), so diagnostics name
 * the parameters the reader sees; each form says its own (src/laws/<form>.ts).
 */
export function publishedName(form: string, theta: string): string {
  return descriptorOf(form)?.publishedName(theta) ?? theta;
}

/**
 * The raw parameters (θ names) that diagnostics say the data do not determine:
 * those a `dead-term`, `flat-direction`, `gradient-not-finite` or `bootstrap-wide`
 * names, and for N and D in lockstep (`collinear-nd`) the N and D terms of the
 * two-variable forms (which of the two carries the loss is not determined, only
 * their sum). Not words, but what the sentences claim, for the tables that mark those rows.
 */
export function undeterminedParameters(list: readonly Diagnostic[], form: string): Set<string> {
  const out = new Set<string>();
  for (const d of list) {
    switch (d.code) {
      case 'dead-term': case 'flat-direction': case 'gradient-not-finite':
        for (const k of d.parameters) out.add(k);
        break;
      case 'bootstrap-wide': out.add(d.parameter); break;
      case 'collinear-nd': for (const k of descriptorOf(form)?.lockstepUndetermined ?? []) out.add(k); break;
      default: break;
    }
  }
  return out;
}

/** "Warning" / "警告". */
export function severityLabel(severity: Severity, lang: Lang): string {
  const t = DIAGNOSTICS[lang];
  return severity === 'error' ? t.severityError : severity === 'warning' ? t.severityWarning : t.severityInfo;
}

export interface DescribeOptions {
  /** How a raw θ name is shown (default: as given). */
  name?: (theta: string) => string;
}

type Reason<C extends DiagnosticCode, F extends string> = Extract<Diagnostic, { code: C }>[F & keyof Extract<Diagnostic, { code: C }>] & string;
// Typed by the core's unions, so a new value without words is a compile error.
const AGAINST: { readonly [A in Reason<'residual-trend', 'against'> | Reason<'residual-pattern', 'against'>]: DiagnosticKey } = {
  lnN: 'againstLnN', lnD: 'againstLnD', lnC: 'againstLnC', x: 'againstX', prediction: 'againstPrediction',
};
const CERT: { readonly [R in Reason<'not-certified', 'reason'>]: DiagnosticKey } = {
  'single-start': 'certSingleStart', 'piecewise-linear': 'certPiecewiseLinear', unidentifiable: 'certUnidentifiable',
  valley: 'certValley', 'check-disagrees': 'certCheckDisagrees',
};

/** Whether ln D = slope·ln N + intercept is one tokens-per-parameter ratio (slope 1). */
const isRatio = (slope: number, ratio: number) => Math.abs(slope - 1) < 1e-6 && Number.isFinite(ratio) && ratio > 0;

/**
 * One sentence saying what `d` means, in `lang`, with its values as text; one a bootstrap
 * reports of the fit of all runs (`of: 'estimate'`) says so first.
 */
export function describeDiagnostic(d: Diagnostic, lang: Lang, options: DescribeOptions = {}): string {
  const text = sentence(d, lang, options);
  return d.of === 'estimate' ? format(DIAGNOSTICS[lang].ofEstimate, { text }) : text;
}

function sentence(d: Diagnostic, lang: Lang, options: DescribeOptions): string {
  const t = DIAGNOSTICS[lang];
  const n = formatNumber;
  const name = options.name ?? ((theta: string) => theta);
  const names = (list: readonly string[]) => formatList(list.map(name), lang);
  const say = (key: DiagnosticKey, vars: Record<string, string | number> = {}) => format(t[key], vars);
  switch (d.code) {
    case 'collinear-nd':
      return isRatio(d.slope, d.tokensPerParam)
        ? say('collinear-nd-ratio', { ratio: n(d.tokensPerParam) })
        : say('collinear-nd', { slope: n(d.slope), intercept: n(d.intercept) });
    case 'constant-column': return say('constant-column', { column: d.column, value: n(d.value) });
    case 'column-choice': return say('column-choice', { column: `"${d.column}"`, quantity: d.quantity, alternatives: formatList(d.alternatives.map((a) => `"${a}"`), lang) });
    case 'constant-loss': return say('constant-loss', { value: n(d.value) });
    case 'constant-metric': return say('constant-metric', { value: n(d.value) });
    case 'few-runs': return say('few-runs', { runs: d.runs, parameters: d.parameters, recommended: d.recommended });
    case 'interpolates': return say('interpolates', { runs: d.runs, parameters: d.parameters });
    case 'zero-weight': return say('zero-weight', { effectiveRuns: n(d.effectiveRuns, 3), parameters: d.parameters });
    case 'dead-term': return say('dead-term', { term: d.term, share: formatShare(d.share), parameters: names(d.parameters) });
    case 'negative-exponent': return say('negative-exponent', { parameter: name(d.parameter), value: n(d.value) });
    case 'at-bound':
      return say('at-bound', { parameter: name(d.parameter), side: t[d.side === 'lower' ? 'sideLower' : 'sideUpper'], bound: n(d.bound) });
    case 'flat-direction': return say('flat-direction', { parameters: names(d.parameters), condition: n(d.condition) });
    case 'no-standard-errors': return say('no-standard-errors');
    case 'free-scale': return say('free-scale', { sigma: n(d.sigma) });
    case 'not-converged': return say('not-converged', { reason: describeStatus(d.status, lang) });
    case 'gradient-not-finite': return say('gradient-not-finite', { parameters: names(d.parameters) });
    case 'residual-trend': return say('residual-trend', { against: t[AGAINST[d.against]] ?? d.against, slope: n(d.slope), t: n(d.t) });
    case 'residual-pattern':
      return say('residual-pattern', { against: t[AGAINST[d.against]] ?? d.against, signRuns: d.signRuns, expected: n(d.expected, 3), z: n(d.z, 3) });
    case 'heteroscedastic': return say('heteroscedastic', { ratio: n(d.ratio) });
    case 'outliers':
      return say(d.rows.length === 1 ? 'outliers-one' : 'outliers', { rows: formatList(d.rows.map(String), lang, 'rowsMore'), maxZ: n(d.maxZ) });
    case 'not-certified': return say('not-certified', { reason: t[CERT[d.reason]] ?? d.reason });
    case 'escalated': return say('escalated', { starts: d.starts, from: n(d.from, 6), to: n(d.to, 6) });
    case 'bootstrap-at-bound': return say('bootstrap-at-bound', { parameter: name(d.parameter), share: formatShare(d.share) });
    case 'bootstrap-wide':
      return say('bootstrap-wide', { parameter: name(d.parameter), lo: n(d.lo), hi: n(d.hi), orders: n(d.orders, 2) });
    case 'bootstrap-basins': return say('bootstrap-basins', { share: formatShare(d.share) });
    case 'bootstrap-failed': return say('bootstrap-failed', { failed: d.failed, resamples: d.resamples });
    case 'engine-fallback': return say('engine-fallback');
    case 'workers-unavailable': return say('workers-unavailable');
    case 'eps0-undetermined': return say('eps0-undetermined');
    case 'lower-minimum-elsewhere':
      return say('lower-minimum-elsewhere', { objective: n(d.objective, 6), lower: n(d.lower, 6), epsInf: n(d.epsInf), alpha: n(d.alpha) });
  }
  // A code this version does not know (a newer core): its code and values, never nothing.
  const { code, severity: _severity, of: _of, ...values } = d as { code: string; severity: Severity } & Record<string, unknown>;
  return `${code}: ${JSON.stringify(values)}`;
}
