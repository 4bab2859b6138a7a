/**
 * The words of the errors raised while reading runs (src/core/runs.ts,
 * runs-table.ts, columns.ts, limits.ts): English, which is also each error's
 * `message` in the API and the CLI, and Simplified Chinese, key for key.
 * Values are text the core has already quoted and clipped, or numbers.
 * The raisers at the end give each error its `message` from these words
 * and the shared ones (./common.ts); the core imports them from here.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  'bad-limit': 'invalid {option}; expected an integer ≥ 1 or Infinity: {got}',
  'missing-n-column': 'no parameter count (N) column (names such as {names}, or set the columns option); columns found: {columns}',
  'missing-d-column': 'no tokens (D) or compute (C) column (names such as {names}, or set the columns option); columns found: {columns}',
  'missing-loss-column': 'no loss column (names such as {names}, or set the columns option); columns found: {columns}',
  'column-length': 'column {column} has {size} values, expected {n} like the longest column',
  'bad-value': 'row {row}, column {column}: expected a positive finite number, got {got}',
  'bad-weight': 'row {row}, column {column}: expected a finite number ≥ 0, got {got}',
  'bad-metric': 'row {row}, column {column}: expected a benchmark score, a finite number ≥ 0, got {got}',
  'beyond-precision': 'row {row}, column {column}: {quantity} is {value}, beyond double precision; rescale the units',
  'bad-value-line': 'line {line}, column {column}: expected a positive finite number, got {got}',
  'bad-weight-line': 'line {line}, column {column}: expected a finite number ≥ 0, got {got}',
  'bad-metric-line': 'line {line}, column {column}: expected a benchmark score, a finite number ≥ 0, got {got}',
  'beyond-precision-line': 'line {line}, column {column}: {quantity} is {value}, beyond double precision; rescale the units',
  'too-few-runs': 'too few runs: {kept}; at least {min} needed (minRuns)',
  'too-few-runs-dropped': 'too few runs: {kept} after dropHighest: {drop} left {kept} of {n}; at least {min} needed (minRuns)',
  'not-a-column-name': 'invalid {option}; expected a column name: {got}',
  'option-no-column': 'invalid {option}: no column {name}; columns found: {columns}',
  'mapping-no-column': 'invalid {option}; no column {name} among {columns}',
  'mapping-unknown-key': 'invalid columns.{key}; expected one of N, D, C, loss',
  'mapping-taken': 'invalid columns.{role}; column {column} is already mapped',
  'empty-no-rows': 'empty input: a header but no data rows',
  'empty-array': 'empty input: an empty array',
  'empty-columns': 'empty input: every column is empty',
  'empty-text': 'empty input: no text',
  'too-many-rows': 'too many rows: more than {max}, the limit; raise it with the maxRows option',
  'too-many-bytes': 'input too large: over {max}, the limit; raise it with the maxBytes option',
  'unclosed-quote': 'unclosed quote: the field opened by the quote on line {line} runs to the end of the input',
  'row-not-object': 'row {row}: expected an object of column values, got {got}',
  'no-array-key': 'expected an array of objects or an object of arrays; found no array-valued key',
  'invalid-json': 'invalid JSON: {detail}',
  'bad-input': 'expected CSV or JSON text, an array of objects or an object of arrays; got {got}',
  'column-spec-empty': 'invalid {option}; expected QUANTITY=COLUMN pairs such as N=params,loss=val_loss, got nothing',
  'column-spec-too-long': 'invalid {option}; longer than {max} characters',
  'column-spec-json': 'invalid {option}; invalid JSON: {detail}',
  'column-spec-pair': 'invalid {option}; expected QUANTITY=COLUMN, got {got}',
  'column-spec-unknown': 'invalid {option}; unknown quantity {got}, expected one of {allowed}',
  'column-spec-no-name': 'invalid {option}; {key} needs a column name',
  'column-spec-twice': 'invalid {option}; {key} is named twice',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'bad-limit': '{option} 无效：应为不小于 1 的整数或 Infinity，实际为 {got}',
  'missing-n-column': '没有参数量（N）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'missing-d-column': '没有训练词元数（D）或计算量（C）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'missing-loss-column': '没有损失（loss）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'column-length': '列 {column} 有 {size} 个值，应与最长的列一样有 {n} 个',
  'bad-value': '第 {row} 行，列 {column}：应为有限正数，实际为 {got}',
  'bad-weight': '第 {row} 行，列 {column}：应为不小于 0 的有限数，实际为 {got}',
  'bad-metric': '第 {row} 行，列 {column}：应为基准得分，即不小于 0 的有限数，实际为 {got}',
  'beyond-precision': '第 {row} 行，列 {column}：{quantity} 为 {value}，超出双精度范围；请调整单位',
  'bad-value-line': '第 {line} 行，列 {column}：应为有限正数，实际为 {got}',
  'bad-weight-line': '第 {line} 行，列 {column}：应为不小于 0 的有限数，实际为 {got}',
  'bad-metric-line': '第 {line} 行，列 {column}：应为基准得分，即不小于 0 的有限数，实际为 {got}',
  'beyond-precision-line': '第 {line} 行，列 {column}：{quantity} 为 {value}，超出双精度范围；请调整单位',
  'too-few-runs': '实验次数太少：{kept} 次；至少需要 {min} 次（minRuns）',
  'too-few-runs-dropped': '实验次数太少：dropHighest 为 {drop}，{n} 次中只剩 {kept} 次；至少需要 {min} 次（minRuns）',
  'not-a-column-name': '{option} 无效：应为列名，实际为 {got}',
  'option-no-column': '{option} 无效：没有列 {name}；找到的列：{columns}',
  'mapping-no-column': '{option} 无效：{columns} 中没有列 {name}',
  'mapping-unknown-key': 'columns.{key} 无效：应为 N、D、C、loss 之一',
  'mapping-taken': 'columns.{role} 无效：列 {column} 已指定给其他量',
  'empty-no-rows': '输入为空：只有表头，没有数据行',
  'empty-array': '输入为空：数组为空',
  'empty-columns': '输入为空：每一列都是空的',
  'empty-text': '输入为空：没有文本',
  'too-many-rows': '行数过多：超过上限 {max}；可用 maxRows 选项提高上限',
  'too-many-bytes': '输入过大：超过上限 {max}；可用 maxBytes 选项提高上限',
  'unclosed-quote': '引号未闭合：第 {line} 行的引号开始的字段一直延续到输入末尾',
  'row-not-object': '第 {row} 行：应为由列值组成的对象，实际为 {got}',
  'no-array-key': '应为对象数组或由数组组成的对象；没有找到值为数组的键',
  'invalid-json': 'JSON 无效：{detail}',
  'bad-input': '应为 CSV 或 JSON 文本、对象数组或由数组组成的对象；实际为 {got}',
  'column-spec-empty': '{option} 无效：应为“量=列名”对，如 N=params,loss=val_loss，实际为空',
  'column-spec-too-long': '{option} 无效：超过 {max} 个字符',
  'column-spec-json': '{option} 无效：JSON 无效：{detail}',
  'column-spec-pair': '{option} 无效：应为“量=列名”，实际为 {got}',
  'column-spec-unknown': '{option} 无效：未知的量 {got}，应为 {allowed} 之一',
  'column-spec-no-name': '{option} 无效：{key} 需要一个列名',
  'column-spec-twice': '{option} 无效：{key} 被指定了两次',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, limitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
