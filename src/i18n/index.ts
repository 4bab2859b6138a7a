/**
 * Which language an element speaks, and its messages. English and Simplified
 * Chinese are built in; `resolveLang` reads the element's own `lang`, then the
 * nearest ancestor's (crossing shadow roots), then the document's: any `zh*`
 * tag gives Chinese, anything else English.
 */

import type { Lang, Translate } from './tables.js';
import type { CommonKey } from './common.js';
import type { CurveKey } from './curve.js';
import type { FitKey } from './fit.js';
import type { IsoflopKey } from './isoflop.js';
import type { LandscapeKey } from './landscape.js';
import type { CalculatorKey } from './calculator.js';
import type { TaskKey } from './task.js';

export { format, joinTables, translator, type Lang, type Tables, type Translate } from './tables.js';
export { COMMON, type CommonKey } from './common.js';
export { CURVE, type CurveKey } from './curve.js';
export { FIT, type FitKey } from './fit.js';
export { ISOFLOP, type IsoflopKey } from './isoflop.js';
export { LANDSCAPE, type LandscapeKey } from './landscape.js';
export { CALCULATOR, type CalculatorKey } from './calculator.js';
export { TASK, type TaskKey } from './task.js';
export { STATUSES, describeStatus } from './status.js';
export { describeError, type ErrorKey, type DescribeErrorOptions } from './errors.js';
export { DIAGNOSTICS, describeDiagnostic, severityLabel, formatList, formatNumber, formatShare, publishedName, undeterminedParameters, type DiagnosticKey, type DescribeOptions } from './diagnostics.js';

/** 'zh' for zh, zh-CN, zh-Hans, …; 'en' otherwise (including empty). */
export function langFromTag(tag: string | null | undefined): Lang {
  return /^zh(?:-|_|$)/i.test((tag ?? '').trim()) ? 'zh' : 'en';
}

/** The nearest `lang` attribute at or above `element`, through shadow hosts, else the document's. */
export function langTag(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return element.ownerDocument?.documentElement.lang ?? '';
}

export const resolveLang = (element: Element): Lang => langFromTag(langTag(element));

/** What each element's code may ask for: the shared keys and its own. */
export type CommonTranslate = Translate<CommonKey>;
export type CurveTranslate = Translate<CommonKey | CurveKey>;
export type FitTranslate = Translate<CommonKey | FitKey>;
export type IsoflopTranslate = Translate<CommonKey | IsoflopKey>;
export type LandscapeTranslate = Translate<CommonKey | LandscapeKey>;
export type CalculatorTranslate = Translate<CommonKey | CalculatorKey>;
export type TaskTranslate = Translate<CommonKey | FitKey | TaskKey>;
