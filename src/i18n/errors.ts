/**
 * The errors raised while reading runs (src/core/read-errors.ts) in words:
 * one template per message key, in English (the same text the core throws,
 * so the API and the CLI print what an English page shows) and Simplified
 * Chinese. The core gives each error a `detail` (key and values);
 * `describeError` words it in the reader's language. The Chinese table is
 * typed against the English one, which is the core's own table.
 */

import type { Lang, Tables } from './tables.js';
import { format } from './tables.js';
import { READ_ERROR_TEXT } from '../core/read-errors.js';

// English is the core's own templates (one copy: what the API and the CLI print is what an English page shows).
const en = READ_ERROR_TEXT;

export type ErrorKey = keyof typeof en;

const zh: { readonly [K in ErrorKey]: string } = {
  'not-an-object': '{option} 无效：应为对象，实际为 {got}',
  'bad-limit': '{option} 无效：应为不小于 1 的整数或 Infinity，实际为 {got}',
  'bad-integer': '{option} 无效：应为不小于 {min} 的整数，实际为 {got}',
  'missing-n-column': '没有参数量（N）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'missing-d-column': '没有训练词元数（D）或计算量（C）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'missing-loss-column': '没有损失（loss）列（列名如 {names}，或设置 columns 选项）；找到的列：{columns}',
  'column-length': '列 {column} 有 {size} 个值，应与最长的列一样有 {n} 个',
  'bad-value': '第 {row} 行，列 {column}：应为有限正数，实际为 {got}',
  'bad-weight': '第 {row} 行，列 {column}：应为不小于 0 的有限数，实际为 {got}',
  'beyond-precision': '第 {row} 行，列 {column}：{quantity} 为 {value}，超出双精度范围；请调整单位',
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
};

export const ERRORS: Tables<ErrorKey> = { en, zh };

/** What the core puts in a value in English words (runs-table.ts `describe`, limits.ts `quoteList`, `formatCount`), in Chinese. */
const ZH_GOT: Partial<Record<string, string>> = {
  nothing: '空值', 'an array': '数组', 'a object': '对象', 'a function': '函数', 'a bigint': 'bigint 值', 'a symbol': 'symbol 值',
};

function localValue(name: string, value: string, lang: Lang): string {
  if (lang === 'en') return value;
  if (name === 'got') return ZH_GOT[value] ?? value;
  if (name === 'columns') return value === 'none' ? '无' : value.replace(/, … \(([\d,]+) in all\)$/, '，…（共 $1 列）');
  if (name === 'max') return value.replace(/^([\d,]+) bytes$/, '$1 字节');
  return value;
}

export interface DescribeErrorOptions {
  /**
   * Applied to each text value of a known message (quoted column names and
   * cell text come from the data), or to the whole message of any other
   * error: Default: as is (the elements isolate the whole sentence, src/chart/isolate.ts).
   */
  wrap?: (text: string) => string;
}

/** A thrown value's message key and values, when it carries a `detail` this table words. */
function detailOf(error: unknown): { key: ErrorKey; values: Readonly<Record<string, unknown>> } | undefined {
  const detail = error !== null && typeof error === 'object' ? (error as { detail?: unknown }).detail : undefined;
  if (detail === null || typeof detail !== 'object') return undefined;
  const { key, values } = detail as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || !Object.hasOwn(en, key) || values === null || typeof values !== 'object') return undefined;
  return { key: key as ErrorKey, values: values as Readonly<Record<string, unknown>> };
}

/**
 * A thrown error in `lang`: its message key's words filled with its values
 * when it has a detail this table knows (the errors of reading runs), else
 * its own message (`String(error)` for a non-Error). In English the first is
 * the error's message itself.
 */
export function describeError(error: unknown, lang: Lang, options: DescribeErrorOptions = {}): string {
  const wrap = options.wrap ?? ((text: string) => text);
  const found = detailOf(error);
  if (!found) return wrap(error instanceof Error ? error.message : String(error));
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(found.values)) {
    vars[name] = typeof value === 'number' ? value : wrap(localValue(name, String(value), lang));
  }
  return format(ERRORS[lang][found.key], vars);
}
