/**
 * The words of the errors of fitting a straight line in log space
 * (src/core/loglinear.ts: the isoFLOP analysis's and the envelope's power
 * laws, with intervals): English, which is also each error's `message`, and
 * Simplified Chinese, key for key. An area of its own so that an element that
 * fits such lines alone does not carry the fitter's words.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  'loglinear-bad-p': 'invalid p; expected a probability in (0, 1): {got}',
  'loglinear-bad-dof': 'invalid dof; expected an integer ≥ 1: {got}',
  'loglinear-bad-level': 'invalid {option}; expected a confidence level in (0, 1): {got}',
  'loglinear-lengths': 'x has {n} values but y has {m}',
  'loglinear-bad-point': 'point {point}: expected positive finite x and y, got ({x}, {y})',
  'loglinear-too-few-points': 'a power law needs at least two distinct x values; got {n} point(s)',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'loglinear-bad-p': 'p 无效：应为 (0, 1) 内的概率，实际为 {got}',
  'loglinear-bad-dof': 'dof 无效：应为不小于 1 的整数，实际为 {got}',
  'loglinear-bad-level': '{option} 无效：应为 (0, 1) 内的置信水平，实际为 {got}',
  'loglinear-lengths': 'x 有 {n} 个值，而 y 有 {m} 个',
  'loglinear-bad-point': '第 {point} 个点：x 和 y 应为有限正数，实际为 ({x}, {y})',
  'loglinear-too-few-points': '幂律至少需要两个不同的 x 值；实际为 {n} 个点',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
