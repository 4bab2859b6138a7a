/**
 * The words of the errors of costing a training run (src/core/cost.ts:
 * hardware, utilisation, GPUs, price, power): English, which is also each
 * error's `message`, and Simplified Chinese, key for key. An area of its own
 * so that the charts that plan but do not cost (the curve, the landscape)
 * carry none of these words.
 */

import { raisers, type TemplateValues } from '../../errors.js';
import { EN as COMMON, ZH as COMMON_ZH } from './common.js';
import { EN as CHECKS, ZH as CHECKS_ZH } from './checks.js';

export const EN = {
  'cost-hardware-id': 'invalid {option}; expected one of {ids} or {shape}: {got}',
  'cost-hardware': 'invalid {option}; expected a hardware id or {shape}: {got}',
  'cost-peak-flops': 'invalid {option}; expected a positive finite FLOP/s (dense peak): {got}',
  'cost-watts': 'invalid {option}; expected a finite number of watts ≥ 0: {got}',
  'cost-mfu': 'invalid {option}; not in (0, 1]: {got}',
  'cost-gpus': 'invalid {option}; expected a positive integer: {got}',
  'cost-price': 'invalid {option}; expected a finite number of dollars ≥ 0: {got}',
  'cost-pue': 'invalid {option}; expected a finite number ≥ 1: {got}',
  'cost-grid': 'invalid {option}; expected a finite kg CO2e per kWh ≥ 0: {got}',
  'cost-mfu-too-small': 'invalid {option}; too small for C = {C} FLOPs (the GPU-hours exceed double precision): {got}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'cost-hardware-id': '{option} 无效：应为 {ids} 之一或 {shape}，实际为 {got}',
  'cost-hardware': '{option} 无效：应为硬件 id 或 {shape}，实际为 {got}',
  'cost-peak-flops': '{option} 无效：应为有限正数的 FLOP/s（稠密峰值），实际为 {got}',
  'cost-watts': '{option} 无效：应为不小于 0 的有限瓦数，实际为 {got}',
  'cost-mfu': '{option} 无效：不在 (0, 1] 内，实际为 {got}',
  'cost-gpus': '{option} 无效：应为正整数，实际为 {got}',
  'cost-price': '{option} 无效：应为不小于 0 的有限美元数，实际为 {got}',
  'cost-pue': '{option} 无效：应为不小于 1 的有限数，实际为 {got}',
  'cost-grid': '{option} 无效：应为不小于 0 的有限值（kg CO2e/kWh），实际为 {got}',
  'cost-mfu-too-small': '{option} 无效：对 C = {C} FLOPs 而言太小（GPU 小时数超出双精度范围），实际为 {got}',
};

/** Errors worded by this area's keys and the shared ones. */
export const { dataError, optionError, kitError, worded } = raisers({ ...COMMON, ...CHECKS, ...EN }, { zh: { ...COMMON_ZH, ...CHECKS_ZH, ...ZH } });

/** This area's keys with the shared ones, and the values each needs. */
export type ErrorKey = keyof typeof COMMON | keyof typeof CHECKS | keyof typeof EN;
export type ErrorValues<K extends ErrorKey> = TemplateValues<(typeof COMMON & typeof CHECKS & typeof EN)[K]>;
