/**
 * Errors in the reader's language. Every error the core raises by key carries
 * a `detail` (key and values); its words are in src/i18n/error-words/, one
 * file per area (./error-words/index.ts gathers them all, for tests and
 * tools), English (the core's own `message`, so the API and the CLI print
 * what an English page shows) and Simplified Chinese. `describeError` words a
 * thrown value for a reader.
 */

import type { Lang } from './tables.js';
import { format } from './tables.js';
import { boundTemplate } from '../errors.js';
import type { ErrorKey } from './error-words/index.js';

export type { ErrorKey };

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

/** A thrown value's words in `lang` and its values, when it carries a `detail` whose key raisers of this bundle word. */
function detailOf(error: unknown, lang: Lang): { template: string; values: Readonly<Record<string, unknown>> } | undefined {
  const detail = error !== null && typeof error === 'object' ? (error as { detail?: unknown }).detail : undefined;
  if (detail === null || typeof detail !== 'object') return undefined;
  const { key, values } = detail as { key?: unknown; values?: unknown };
  const template = typeof key === 'string' ? boundTemplate(key, lang) : undefined;
  if (template === undefined || values === null || typeof values !== 'object') return undefined;
  return { template, values: values as Readonly<Record<string, unknown>> };
}

/**
 * A thrown error in `lang`: its message key's words filled with its values
 * when it has a detail (every error the core raises by key), else its own
 * message (`String(error)` for a non-Error). In English the first is the
 * error's message itself. The words come from the raisers that made the
 * error (src/errors.ts `boundTemplate`), not from every area's tables, so an
 * element's file carries only the words of errors its code can raise.
 */
export function describeError(error: unknown, lang: Lang, options: DescribeErrorOptions = {}): string {
  const wrap = options.wrap ?? ((text: string) => text);
  const found = detailOf(error, lang);
  if (!found) return wrap(error instanceof Error ? error.message : String(error));
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(found.values)) {
    vars[name] = typeof value === 'number' ? value : wrap(localValue(name, String(value), lang));
  }
  return format(found.template, vars);
}
