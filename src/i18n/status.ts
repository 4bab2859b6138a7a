/**
 * Why a fit's optimiser stopped, in words: one phrase per `StatusCode`
 * (src/core/diagnostic-codes.ts; the solver's own codes are SOLVER_STATUS in
 * src/engine/types.ts), in English and Simplified Chinese. The core reports
 * the code; the CLI (English) and the elements (the reader's language) word it
 * here, in a fit's status line and in the `not-converged` diagnostic.
 */

import type { StatusCode } from '../core/diagnostic-codes.js';
import type { Lang, Tables } from './tables.js';

// Keyed by the codes themselves: a status without words is a compile error.
const en: { readonly [S in StatusCode]: string } = {
  'gradient-tolerance': 'gradient below tolerance',
  'no-decrease': 'objective stopped decreasing',
  rounding: 'to rounding precision',
  'iteration-limit': 'iteration limit reached',
  'evaluation-limit': 'evaluation limit reached',
  'not-finite': 'objective or gradient not finite',
  'gradient-not-finite': 'gradient not finite at the end',
  'beta-tolerance': 'relative change in β below 1e−10',
};

const zh: { readonly [S in StatusCode]: string } = {
  'gradient-tolerance': '梯度低于容差',
  'no-decrease': '目标函数不再下降',
  rounding: '达到舍入精度',
  'iteration-limit': '达到迭代次数上限',
  'evaluation-limit': '达到目标函数求值次数上限',
  'not-finite': '目标函数值或梯度不是有限数',
  'gradient-not-finite': '终点处梯度不是有限数',
  'beta-tolerance': '参数 β 的相对变化小于 1e−10',
};

export const STATUSES: Tables<StatusCode> = { en, zh };

/** FitResult.status in `lang` ("iteration limit reached"); a code this version has no words for (a newer core), as given. */
export function describeStatus(status: StatusCode, lang: Lang): string {
  return (STATUSES[lang] as Partial<Record<string, string>>)[status] ?? String(status);
}
