/**
 * Published scaling laws as numbers: each preset's id, name and law (or, for
 * DeepSeek's and Llama 3's results, allocation rule: optimal size and tokens
 * as power laws of compute, no loss surface). What the elements need to draw
 * and plan with; where each constant comes from, its units and notes are in
 * ./presets.ts, which the API and the CLI carry and an element's file need not
 * (docs/laws.md has them in prose).
 *
 * Carry the full digits: rounding β from 0.2849 to 0.28 moves the data term
 * by 13% at 1e11 tokens (docs/fitting.md, "Pitfalls").
 */

import { optionError } from '../i18n/error-words/names.js';
import type { Law } from './forms-eval.js';

/** y = coef · C^exponent, C in FLOPs. */
export interface PowerLaw { coef: number; exponent: number }

/**
 * A compute-optimal allocation rule fitted directly to isoFLOP minima.
 * `tokens` gives D*(C); the model side is either N* = C/(flopsPerToken·D*)
 * or, for DeepSeek, M*(C) in non-embedding FLOPs per token with C = M·D.
 */
export type AllocationLaw =
  | { scale: 'N'; tokens: PowerLaw; flopsPerToken: number }
  | { scale: 'M'; tokens: PowerLaw; model: PowerLaw };

export interface LawEntry { kind: 'law'; id: string; name: string; law: Law }
export interface AllocationEntry { kind: 'allocation'; id: string; name: string; allocation: AllocationLaw }
export type PresetEntry = LawEntry | AllocationEntry;

/** 1 PF-day = 1e15 FLOP/s × 86,400 s (Kaplan et al. 2020 measure compute in PF-days). */
export const PF_DAY = 8.64e19;

const exp = Math.exp;

// Sources, equations and units: ./presets.ts, under the same ids.
const entries: PresetEntry[] = [
  {
    kind: 'law', id: 'kaplan2020-nd', name: 'Kaplan et al. 2020, L(N, D)',
    law: { form: 'kaplan', params: { Nc: 6.4e13, Dc: 1.8e13, alphaN: 0.076, alphaD: 0.103 } },
  },
  {
    kind: 'law', id: 'kaplan2020-n', name: 'Kaplan et al. 2020, L(N)',
    law: { form: 'power', variable: 'N', params: { xc: 8.8e13, alpha: 0.076 } },
  },
  {
    kind: 'law', id: 'kaplan2020-d', name: 'Kaplan et al. 2020, L(D)',
    law: { form: 'power', variable: 'D', params: { xc: 5.4e13, alpha: 0.095 } },
  },
  {
    kind: 'law', id: 'kaplan2020-cmin', name: 'Kaplan et al. 2020, L(C_min)',
    law: { form: 'power', variable: 'C', params: { xc: 3.1e8 * PF_DAY, alpha: 0.05 } },
  },
  {
    kind: 'law', id: 'hoffmann2022-rounded', name: 'Hoffmann et al. 2022 (Chinchilla), as printed',
    law: { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 } },
  },
  {
    kind: 'law', id: 'hoffmann2022', name: 'Hoffmann et al. 2022 (Chinchilla), full precision',
    law: { form: 'chinchilla', params: { E: exp(0.5267228), A: exp(6.0073404), B: exp(6.0179186), alpha: 0.33917084, beta: 0.2849083 } },
  },
  {
    kind: 'law', id: 'besiroglu2024', name: 'Besiroglu et al. 2024 (Epoch AI), Chinchilla replication',
    law: { form: 'chinchilla', params: { E: exp(0.59711), A: exp(6.17796), B: exp(7.64273), alpha: 0.347813, beta: 0.365854 } },
  },
  {
    kind: 'allocation', id: 'deepseek2024', name: 'DeepSeek LLM 2024, compute-optimal allocation',
    allocation: { scale: 'M', model: { coef: 0.1715, exponent: 0.5243 }, tokens: { coef: 5.8316, exponent: 0.4757 } },
  },
  {
    kind: 'allocation', id: 'llama3-2024', name: 'Llama 3 2024, compute-optimal tokens',
    allocation: { scale: 'N', tokens: { coef: 0.299, exponent: 0.537 }, flopsPerToken: 6 },
  },
  {
    kind: 'law', id: 'muennighoff2023', name: 'Muennighoff et al. 2023, data-constrained (C4)',
    law: {
      form: 'data-constrained',
      params: { E: exp(0.6254804), A: exp(6.255414), B: exp(7.3049974), alpha: 0.3526596, beta: 0.3526596, RN: 5.309743, RD: 15.387756 },
    },
  },
];

/** Freezes a value and everything in it: published constants are not edited in place (copy one to vary it). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every preset's id, name and law, in the order of PRESETS, frozen. */
export const PRESET_LAWS: readonly PresetEntry[] = /* @__PURE__ */ deepFreeze(entries);

export interface AllocationPoint {
  C: number;
  D: number;
  /** Parameters, when the rule defines them. */
  N?: number;
  /** Model FLOPs per token (DeepSeek's scale). */
  M?: number;
}

/** The rule's compute-optimal model scale and tokens at C FLOPs. */
export function allocationAt(allocation: AllocationLaw, C: number): AllocationPoint {
  if (!(typeof C === 'number' && Number.isFinite(C) && C > 0)) throw optionError('C', 'option-not-positive-flops', { option: 'C', got: String(C) });
  const D = allocation.tokens.coef * C ** allocation.tokens.exponent;
  if (allocation.scale === 'M') return { C, D, M: allocation.model.coef * C ** allocation.model.exponent };
  return { C, D, N: C / (allocation.flopsPerToken * D) };
}
