/**
 * The words of the errors raised while fitting and using laws (src/core/fit.ts,
 * fit-checks.ts, bootstrap*.ts, envelope.ts, loglinear.ts, law.ts,
 * forms-eval.ts, solve1d.ts): English, which is also each error's `message` in
 * the API and the CLI, and Simplified Chinese, key for key. Values are
 * numbers, form, loss and option names, and text the core has already quoted
 * (column names) or clipped (what the caller gave).
 * The raisers at the end give each error its `message` from these words
 * and the shared ones (./common.ts); the core imports them from here.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  // Reading runs for a fit (fit.ts, bootstrap-fit.ts).
  'missing-unique-column': 'the data-constrained form needs a unique-tokens column (named U or unique tokens, or set the unique option)',
  'missing-metric-column': 'the {form} form predicts a benchmark metric from the loss and needs a metric column (named metric, accuracy or error, or set the metric option)',
  'metric-not-positive': 'row {row}, column {column}: the {loss} loss compares logs, so every metric must be positive, got {got}; use loss squared-raw',

  // A fitted law beyond double precision (fit-checks.ts): a parameter that overflows, or the objective.
  'fit-param-bound': 'the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): invalid {side}.{name} {bound}',
  'fit-objective-bound': 'the {loss} objective of the fitted {form} law is {objective}, beyond double precision: invalid {side}.{name} {bound}',
  'fit-param-starts': 'the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the starts given lead out of range; invalid starts',
  'fit-objective-starts': 'the {loss} objective of the fitted {form} law is {objective}, beyond double precision: the starts given lead out of range; invalid starts',
  'fit-weights-too-large': 'the {loss} objective of the fitted {form} law is {objective}, beyond double precision: the weights are too large; divide column {column} by 1e{power} (the optimum does not change)',
  'fit-losses-too-large': 'the {loss} objective of the fitted {form} law is {objective}, beyond double precision: the values of column {column} are too large for squared raw residuals; divide column {column} by 1e{power}, or use a loss on log residuals (huber, squared)',
  'fit-losses-overflow': "the {loss} objective of the fitted {form} law is {objective}, beyond double precision: the values of column {column}, or the law's predictions of them, overflow when squared; use a loss on log residuals (huber, squared)",
  'fit-objective-diverged': 'the {loss} objective of the fitted {form} law is {objective}, beyond double precision: the fit diverged: no finite {form} law fits column {column} of these runs as well as the limit it runs towards; hold the parameters with lower/upper bounds, or fit another form',
  'fit-param-diverged': 'the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the fit diverged (θ {name} ran off to {at}), and new units would not change that: no finite {form} law fits column {column} of these runs as well as the limit it runs towards; hold {name} with lower/upper bounds, or fit another form',
  'fit-param-extreme-or-diverged': 'the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): either the values of column {column} are too extreme for this form (rescale them) or the fit diverged (hold {name} with lower/upper bounds, or fit another form)',
  'fit-units-divide': "the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the runs' units are too extreme for this form; divide column {column} by 1e{power}",
  'fit-units-multiply': "the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the runs' units are too extreme for this form; multiply column {column} by 1e{power}",
  'fit-units-divide-two': "the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the runs' units are too extreme for this form; divide column {column} by 1e{power} and divide column {column2} by 1e{power2}",
  'fit-units-divide-three': "the fitted {form} law has {param} = {value}, beyond double precision (θ {name} = {at}): the runs' units are too extreme for this form; divide column {column} by 1e{power} and divide column {column2} by 1e{power2} and divide column {column3} by 1e{power3}",

  // Bootstrap options and refits (bootstrap-fit.ts, bootstrap.ts, bootstrap-law.ts, bootstrap-loop.ts).
  'analysis-options-not-object': 'invalid options; expected an object',
  'bootstrap-theta-unknown': "unknown {option}.{key}; this form's parameters are {names}",
  'bootstrap-theta-not-finite': 'invalid {option}.{key}; expected a finite number: {got}',
  'bootstrap-at-chinchilla-only': 'invalid at; loss intervals at (N, D) are given for the chinchilla form only, not {form}',
  'bootstrap-budgets-chinchilla-only': 'invalid budgets; compute-optimal intervals per budget are given for the chinchilla form only, not {form}',
  'bootstrap-runs-differ': 'internal: the fit read {fitted} runs, the bootstrap {read}',
  'bootstrap-budgets-not-array': 'invalid budgets; expected an array of FLOP counts',
  'bootstrap-budget-bad': 'invalid budgets[{index}]; expected a positive finite number of FLOPs: {got}',
  'bootstrap-at-not-array': 'invalid at; expected an array of {shape}',
  'bootstrap-at-bad': 'invalid at[{index}].{key}; expected a positive finite number: {got}',
  'bootstrap-estimate-not-law': 'invalid estimate; the law needs alpha > 0, beta > 0 and finite positive e^a, e^b: {theta}',
  'bootstrap-spec-not-object': 'invalid spec; expected an ObjectiveSpec',
  'bootstrap-estimate-not-finite': 'invalid estimate; the {form} law of this θ is not finite: {theta}',
  'bootstrap-refit-not-arrays': 'bootstrap refit returned no θ and flags arrays for {count} replicates',
  'bootstrap-refit-counts': 'bootstrap refit returned {thetas} θ and {flags} flags for {count} replicates',
  'bootstrap-refit-length': 'bootstrap refit returned a θ of length {length} for replicate {replicate}; expected {expected}',

  // The envelope analysis (envelope.ts); its power laws' words are in ./loglinear.ts.
  'envelope-buckets-bad': 'invalid buckets; expected an integer from 1 to {max} (a fixed limit): {got}',
  'envelope-range-bad': 'invalid range; expected [lowest, highest] positive finite FLOPs, lowest first: {got}',
  'envelope-too-few-points': 'envelope analysis needs frontier points at two or more compute values; got {points} point(s) from {rows} rows in {buckets} bucket(s) over C {lo}–{hi}',

  // Chains (chain.ts, chain-bootstrap.ts) and the free Huber scale (free-scale.ts).
  'chain-loss-law-is-task': 'invalid lossLaw; the first step of a chain predicts the loss, and {form} is a task law',
  'chain-task-law-not-task': 'invalid taskLaw; the second step of a chain is a task law (task-exp or task-sigmoid), got {form}',
  'chain-points-not-array': 'invalid points; expected an array of { N, D } or { C }',
  'chain-point-not-object': 'invalid points[{index}]; expected { N, D } or { C }, got {got}',
  'chain-point-needs': 'invalid points[{index}]; give N and D, or C alone to spend it compute-optimally',
  'chain-too-many-points': 'too many points: {count}; at most {max}',
  'free-scale-needs-huber': 'invalid scale; a free scale is the scale of the Huber likelihood, and the loss is {loss}: use loss huber',
  'chain-step-reads-runs': 'invalid {option}.{key}; the runs are read once for both steps: give {key} beside lossFit and taskFit',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'missing-unique-column': 'data-constrained 形式需要一列唯一词元数（列名为 U 或 unique tokens，或设置 unique 选项）',
  'missing-metric-column': '{form} 形式由损失预测基准指标，需要一列指标（列名为 metric、accuracy 或 error，或设置 metric 选项）',
  'metric-not-positive': '第 {row} 行，列 {column}：{loss} 损失比较的是对数，每个指标都须为正数，实际为 {got}；请改用 squared-raw 损失',

  'fit-param-bound': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：{side}.{name} 的值 {bound} 无效',
  'fit-objective-bound': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：{side}.{name} 的值 {bound} 无效',
  'fit-param-starts': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：给定的起点导致超出范围；starts 无效',
  'fit-objective-starts': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：给定的起点导致超出范围；starts 无效',
  'fit-weights-too-large': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：权重过大；请将列 {column} 除以 1e{power}（最优解不变）',
  'fit-losses-too-large': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：列 {column} 的值过大，原始残差的平方溢出；请将列 {column} 除以 1e{power}，或改用对数残差上的损失（huber、squared）',
  'fit-losses-overflow': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：列 {column} 的值或定律对它的预测值平方后溢出；请改用对数残差上的损失（huber、squared）',
  'fit-objective-diverged': '拟合得到的 {form} 定律的 {loss} 目标函数值为 {objective}，超出双精度范围：拟合发散：对这些实验的列 {column}，任何有限的 {form} 定律都拟合得不如拟合所趋向的极限；请用 lower/upper 边界限制参数，或改用其他形式',
  'fit-param-diverged': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：拟合发散（θ {name} 趋向 {at}），换用其他单位也无济于事：对这些实验的列 {column}，任何有限的 {form} 定律都拟合得不如拟合所趋向的极限；请用 lower/upper 边界限制 {name}，或改用其他形式',
  'fit-param-extreme-or-diverged': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：要么列 {column} 的值对该形式过于极端（请换算其单位），要么拟合发散（请用 lower/upper 边界限制 {name}，或改用其他形式）',
  'fit-units-divide': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：这些实验的单位对该形式过于极端；请将列 {column} 除以 1e{power}',
  'fit-units-multiply': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：这些实验的单位对该形式过于极端；请将列 {column} 乘以 1e{power}',
  'fit-units-divide-two': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：这些实验的单位对该形式过于极端；请将列 {column} 除以 1e{power}，并将列 {column2} 除以 1e{power2}',
  'fit-units-divide-three': '拟合得到的 {form} 定律中 {param} = {value}，超出双精度范围（θ {name} = {at}）：这些实验的单位对该形式过于极端；请将列 {column} 除以 1e{power}，将列 {column2} 除以 1e{power2}，并将列 {column3} 除以 1e{power3}',

  'analysis-options-not-object': 'options 无效：应为对象',
  'bootstrap-theta-unknown': '未知的 {option}.{key}；该形式的参数为 {names}',
  'bootstrap-theta-not-finite': '{option}.{key} 无效：应为有限数，实际为 {got}',
  'bootstrap-at-chinchilla-only': 'at 无效：(N, D) 处的损失区间只适用于 chinchilla 形式，不适用于 {form}',
  'bootstrap-budgets-chinchilla-only': 'budgets 无效：各预算下计算最优分配的区间只适用于 chinchilla 形式，不适用于 {form}',
  'bootstrap-runs-differ': '内部错误：拟合读取了 {fitted} 次实验，自助法读取了 {read} 次',
  'bootstrap-budgets-not-array': 'budgets 无效：应为 FLOP 数的数组',
  'bootstrap-budget-bad': 'budgets[{index}] 无效：应为以 FLOP 计的有限正数，实际为 {got}',
  'bootstrap-at-not-array': 'at 无效：应为 {shape} 的数组',
  'bootstrap-at-bad': 'at[{index}].{key} 无效：应为有限正数，实际为 {got}',
  'bootstrap-estimate-not-law': 'estimate 无效：定律要求 alpha > 0、beta > 0，且 e^a、e^b 为有限正数，实际为 {theta}',
  'bootstrap-spec-not-object': 'spec 无效：应为 ObjectiveSpec',
  'bootstrap-estimate-not-finite': 'estimate 无效：该 θ 对应的 {form} 定律不是有限的：{theta}',
  'bootstrap-refit-not-arrays': '自助法重拟合没有为 {count} 个重抽样返回 θ 和标志数组',
  'bootstrap-refit-counts': '自助法重拟合为 {count} 个重抽样返回了 {thetas} 个 θ 和 {flags} 个标志',
  'bootstrap-refit-length': '自助法重拟合为第 {replicate} 个重抽样返回的 θ 长度为 {length}，应为 {expected}',

  'envelope-buckets-bad': 'buckets 无效：应为 1 到 {max} 的整数（固定上限），实际为 {got}',
  'envelope-range-bad': 'range 无效：应为 [最低, 最高]，均为以 FLOP 计的有限正数，最低在前，实际为 {got}',
  'envelope-too-few-points': '包络分析需要至少两个不同计算量上的前沿点；在 C {lo}–{hi} 范围的 {buckets} 个分箱中，从 {rows} 行得到 {points} 个点',

  'chain-loss-law-is-task': 'lossLaw 无效：链式预测的第一步预测损失，而 {form} 是任务定律',
  'chain-task-law-not-task': 'taskLaw 无效：链式预测的第二步应为任务定律（task-exp 或 task-sigmoid），实际为 {form}',
  'chain-points-not-array': 'points 无效：应为由 { N, D } 或 { C } 组成的数组',
  'chain-point-not-object': 'points[{index}] 无效：应为 { N, D } 或 { C }，实际为 {got}',
  'chain-point-needs': 'points[{index}] 无效：请给出 N 和 D，或只给出 C 以按计算最优方式分配',
  'chain-too-many-points': '点数过多：{count} 个；至多 {max} 个',
  'free-scale-needs-huber': 'scale 无效：自由尺度是 Huber 似然的尺度，而损失为 {loss}；请使用 huber 损失',
  'chain-step-reads-runs': '{option}.{key} 无效：两步共用一次读取的实验数据，请把 {key} 与 lossFit、taskFit 并列给出',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
