/**
 * The words of the errors about names (src/core/option-names.ts: an unknown
 * option, with a guess; src/core/presets.ts: an unknown preset): English,
 * which is also each error's `message`, and Simplified Chinese, key for key.
 * An area of its own so that an element that only reads options and presets
 * carries these words and not the analyses' (src/errors.ts `boundTemplate`).
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  'unknown-option-guess': 'unknown option {option}; did you mean {guess}?',
  'unknown-option': 'unknown option {option}; known options: {known}',
  'unknown-preset': 'unknown preset: {got}; expected one of {ids}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'unknown-option-guess': '未知选项 {option}；是否想用 {guess}？',
  'unknown-option': '未知选项 {option}；已知选项：{known}',
  'unknown-preset': '未知预设：{got}；应为 {ids} 之一',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
