/**
 * Two laws compared as a compute multiplier, the way data-quality and
 * architecture papers state a gain ("worth k× compute"): at a budget C, law B
 * reaches its compute-optimal loss L_B*(C); law A needs C_A to reach the same
 * loss compute-optimally; the multiplier is C_A / C. Above 1, B is ahead. It
 * usually drifts with scale (the exponents differ), so it is reported across
 * budgets rather than as one number.
 */

import { optionError } from '../i18n/error-words/planning.js';
import { computeForLoss, lossFloor, optimalAllocation, type PlanOptions } from './planning.js';
import { checkLaw, type Law } from './forms-eval.js';
import { LIMITS } from './limits.js';

export interface Multiplier {
  /** The budget, FLOPs. */
  C: number;
  /** Law B's compute-optimal loss at C. */
  loss: number;
  /** The compute law A needs to reach that loss (∞ when it is at or below A's floor). */
  computeA: number;
  /** computeA / C: how many times C law A needs to match law B. */
  multiplier: number;
}

/** Throws an OptionError naming `budgets` unless it is a non-empty list of positive FLOP counts within the limit. */
export function checkBudgets(budgets: unknown, option = 'budgets'): asserts budgets is readonly number[] {
  if (!Array.isArray(budgets) || budgets.length === 0) throw optionError(option, 'compare-budgets-not-array', { option });
  if (budgets.length > LIMITS.budgets) throw optionError(option, 'compare-too-many-budgets', { option, max: LIMITS.budgets, count: budgets.length });
  budgets.forEach((c, i) => {
    if (!(typeof c === 'number' && Number.isFinite(c) && c > 0)) throw optionError(`${option}[${i}]`, 'option-not-positive-flops', { option: `${option}[${i}]`, got: String(c) });
  });
}

/** The multiplier of law B over law A at each budget (see the file's comment). */
export function computeMultiplier(lawA: Law, lawB: Law, budgets: readonly number[], plan?: PlanOptions): Multiplier[] {
  checkLaw(lawA, 'lawA');
  checkLaw(lawB, 'lawB');
  checkBudgets(budgets);
  const floorA = lossFloor(lawA, plan);
  return budgets.map((C) => {
    const loss = optimalAllocation(lawB, C, plan).loss;
    const computeA = loss > floorA ? computeForLoss(lawA, loss, plan).C : Infinity;
    return { C, loss, computeA, multiplier: computeA / C };
  });
}
