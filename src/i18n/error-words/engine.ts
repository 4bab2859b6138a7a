/**
 * The words of the engine (src/engine/: choosing a build, the TypeScript
 * twin, fitting workers) and of the statistics (src/stats/: percentiles,
 * correlations, the MT19937 generator, bootstrap resamples): errors in
 * English, which is also each error's `message` in the API and the CLI, and
 * Simplified Chinese, key for key; and the console notice that `auto` fell
 * back to the TypeScript engine (`notice-…`, printed in English after
 * "scaling-kit: " for a page's author). A leaf: it imports nothing, so
 * src/errors.ts can build messages from it.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';

export const EN = {
  // Engines and workers (src/engine/).
  'engine-build-unavailable': 'the {name} WebAssembly build cannot run here; use engine "auto" or "js"',
  'notice-wasm-refused': "WebAssembly may not be compiled here (a Content-Security-Policy without 'wasm-unsafe-eval'?); fitting with the TypeScript engine instead (same results, slower)",
  'notice-no-wasm': 'this JavaScript engine has no WebAssembly; fitting with the TypeScript engine instead (same results, slower)',
  'engine-no-data': 'engine has no data: call setData first',
  'worker-no-data': 'worker has no data',
  'worker-failed': 'worker failed',
  'worker-unsupported': 'no worker support in this environment',
  // Statistics (src/stats/).
  'stats-percent': 'invalid q; expected a percentage in [0, 100]: {got}',
  'stats-observations': 'invalid {option}; expected {count} observations like samples[0]: {got}',
  'rng-uint32': 'invalid {option}; expected an integer in [0, 2^32 - 1]: {got}',
  'rng-key-empty': 'invalid key; expected a non-empty array of integers',
  'resample-rng': 'invalid rng; expected one of {rngs}: {got}',
  'resample-out': 'invalid out; expected length {size}: {got}',
  'resample-too-many': 'invalid count; size × count must stay below 2^31: {size} × {count}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'engine-build-unavailable': '{name} WebAssembly 构建无法在此运行；请使用引擎 "auto" 或 "js"',
  'notice-wasm-refused': "此处可能不允许编译 WebAssembly（Content-Security-Policy 缺少 'wasm-unsafe-eval'？）；改用 TypeScript 引擎拟合（结果相同，速度较慢）",
  'notice-no-wasm': '此 JavaScript 引擎没有 WebAssembly；改用 TypeScript 引擎拟合（结果相同，速度较慢）',
  'engine-no-data': '引擎没有数据：请先调用 setData',
  'worker-no-data': '工作线程没有数据',
  'worker-failed': '工作线程出错',
  'worker-unsupported': '此环境不支持工作线程',
  'stats-percent': 'q 无效：应为 [0, 100] 内的百分数，实际为 {got}',
  'stats-observations': '{option} 无效：应与 samples[0] 一样有 {count} 个观测值，实际为 {got}',
  'rng-uint32': '{option} 无效：应为 [0, 2^32 - 1] 内的整数，实际为 {got}',
  'rng-key-empty': 'key 无效：应为非空的整数数组',
  'resample-rng': 'rng 无效：应为 {rngs} 之一，实际为 {got}',
  'resample-out': 'out 无效：长度应为 {size}，实际为 {got}',
  'resample-too-many': 'count 无效：size × count 必须小于 2^31，实际为 {size} × {count}',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...EN }, { zh: { ...COMMON_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof EN)[K]>;
