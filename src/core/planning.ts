/**
 * Planning with a law of parameters and tokens: the compute-optimal split of
 * a FLOP budget (`optimalAllocation`), the compute a target loss needs
 * (`computeForLoss`), the lowest loss any compute reaches (`lossFloor`), and
 * the split that minimises training plus lifetime inference FLOPs for a
 * target loss (`inferenceOptimal`, Sardana et al. 2024; docs/laws.md).
 *
 * Training compute is C = flopsPerToken·N·D (default 6, Kaplan et al. 2020
 * §2.1; set e.g. DeepSeek's M accounting through flopsPerToken). The
 * Chinchilla form uses its closed form (Hoffmann et al. 2022, eq. 4;
 * docs/laws.md); the others a scan-and-refine search in log space
 * (solve1d.ts): over ln N on the isoFLOP line, over ln M = ln(D/N) for the
 * overtrained form, at a fixed unique-token budget U for the data-constrained form.
 */

import { optionError } from '../i18n/error-words/planning.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { checkLaw, isTwoVariable, lossFunction, type Law, type TwoVariableLaw } from './forms-eval.js';
import { brentZero, minimizeScan } from './solve1d.js';
import { describe, type Planning } from '../laws/index.js';

export type PlanMethod = 'auto' | 'numeric';

export interface PlanOptions {
  /** Training FLOPs per parameter per token: C = flopsPerToken·N·D. Default 6. */
  flopsPerToken?: number;
  /** Unique tokens available; required by (and only used by) the data-constrained form. */
  U?: number;
  /** 'auto' (default): closed forms where they exist; 'numeric': always the 1-D search. */
  method?: PlanMethod;
}

export interface InferenceOptions extends PlanOptions {
  /** The loss the model must reach. */
  targetLoss: number;
  /** Expected lifetime inference tokens D_inf (≥ 0). */
  inferenceTokens: number;
  /** Inference FLOPs per parameter per token; default 2 (a forward pass; docs/laws.md). */
  inferenceFlopsPerToken?: number;
}

/** Every option of `optimalAllocation`, `computeForLoss` and `lossFloor`; any other name is an OptionError. */
export const PLAN_OPTION_NAMES = ['flopsPerToken', 'U', 'method'] as const satisfies readonly (keyof PlanOptions)[];
type _PlanOptionsListed = NoneMissing<Exclude<keyof PlanOptions, (typeof PLAN_OPTION_NAMES)[number]>>;
/** Every option of `inferenceOptimal`. */
export const INFERENCE_OPTION_NAMES = [...PLAN_OPTION_NAMES, 'targetLoss', 'inferenceTokens', 'inferenceFlopsPerToken'] as const satisfies readonly (keyof InferenceOptions)[];
type _InferenceOptionsListed = NoneMissing<Exclude<keyof InferenceOptions, (typeof INFERENCE_OPTION_NAMES)[number]>>;

export const PLAN_DEFAULTS = { flopsPerToken: 6, method: 'auto' as PlanMethod, inferenceFlopsPerToken: 2 };

export interface Allocation {
  /** Training FLOPs, flopsPerToken·N·D. */
  C: number;
  N: number;
  D: number;
  tokensPerParam: number;
  /** The law's loss at (N, D). */
  loss: number;
  flopsPerToken: number;
  method: 'closed-form' | 'numeric';
}

export interface InferenceAllocation {
  N: number;
  /** Training tokens D_tr. */
  D: number;
  tokensPerParam: number;
  loss: number;
  trainFlops: number;
  inferenceFlops: number;
  totalFlops: number;
  /** The compute-optimal model of the same loss, serving the same inference tokens. */
  reference: { N: number; D: number; trainFlops: number; inferenceFlops: number; totalFlops: number };
  /** reference.totalFlops − totalFlops (≥ 0 up to rounding), and as a fraction of the reference. */
  savingFlops: number;
  savingFraction: number;
}

interface Plan { law: TwoVariableLaw; k: number; numeric: boolean; L: (N: number, D: number) => number; U?: number }

/** Tokens standing in for D → ∞ when a form has no closed form for its limit. */
const D_INFINITY = 1e80;
const LN10 = Math.LN10;

type PositiveKey = 'option-not-positive' | 'option-not-positive-flops' | 'plan-positive-loss';

function positive(x: unknown, option: string, key: PositiveKey = 'option-not-positive'): asserts x is number {
  if (!(typeof x === 'number' && Number.isFinite(x) && x > 0)) throw optionError(option, key, { option, got: String(x) });
}

function plan(law: Law, options: PlanOptions = {}, known: readonly string[] = PLAN_OPTION_NAMES): Plan {
  if (options === null || typeof options !== 'object') throw optionError('options', 'plan-options', { got: String(options) });
  checkOptionNames(options, known);
  checkLaw(law);
  if (!isTwoVariable(law)) throw optionError('law.form', 'plan-not-two-variable', { form: law.form });
  const k = options.flopsPerToken ?? PLAN_DEFAULTS.flopsPerToken;
  positive(k, 'flopsPerToken');
  const method = options.method ?? PLAN_DEFAULTS.method;
  if (method !== 'auto' && method !== 'numeric') throw optionError('method', 'plan-method', { got: String(method) });
  return { law, k, numeric: method === 'numeric', L: lossFunction(law, options.U), U: options.U };
}

const result = (p: Plan, N: number, D: number, method: Allocation['method']): Allocation =>
  ({ C: p.k * N * D, N, D, tokensPerParam: D / N, loss: p.L(N, D), flopsPerToken: p.k, method });

/** The law's own closed forms and solvers for planning; none for the parts it leaves to the generic search. */
const planningOf = (law: TwoVariableLaw): Planning<Law> => describe(law).planning!;

/** A closed form the law offers, unless the caller asked for the numeric search. */
const closed = <K extends keyof Planning<Law>>(p: Plan, key: K): Planning<Law>[K] | undefined => (p.numeric ? undefined : planningOf(p.law)[key]);

function allocate(p: Plan, C: number): Allocation {
  const { law, k } = p;
  // The laws' closed forms are for C = 6ND; with k FLOPs per parameter-token the same N·D costs (6/k)·C there.
  const exact = closed(p, 'allocate');
  if (exact) {
    const o = exact(law, (6 * C) / k);
    return result(p, o.N, o.D, 'closed-form');
  }
  const own = planningOf(law).allocateNumeric;
  if (own) {
    const o = own(law, (6 * C) / k, C);
    return result(p, o.N, o.D, 'numeric');
  }
  const hi = Math.log(C / k);
  if (!(hi > 0)) throw optionError('C', 'law-c-too-small', { C });
  const m = minimizeScan((x) => { const N = Math.exp(x); return p.L(N, C / (k * N)); }, 0, hi);
  if (m.edge) throw optionError('law', m.x === 0 ? 'plan-edge-tokens' : 'plan-edge-parameters', { C, k });
  const N = Math.exp(m.x);
  return result(p, N, C / (k * N), 'numeric');
}

/** The loss-minimising split of C training FLOPs between parameters N and tokens D. */
export function optimalAllocation(law: Law, C: number, options?: PlanOptions): Allocation {
  const p = plan(law, options);
  positive(C, 'C', 'option-not-positive-flops');
  return allocate(p, C);
}

function floorOf(p: Plan): number {
  return planningOf(p.law).floor(p.law, p.U);
}

/** The infimum of the compute-optimal loss as C → ∞: E, 0 for Kaplan's law, or the data-constrained limit at U. */
export function lossFloor(law: Law, options?: PlanOptions): number {
  return floorOf(plan(law, options));
}

function checkTarget(p: Plan, target: unknown): asserts target is number {
  positive(target, 'targetLoss', 'plan-positive-loss');
  const floor = floorOf(p);
  if (!(target > floor)) {
    // Kaplan's floor is 0, which a positive target always clears; the other forms' is E, or E's data-constrained kin at U.
    if (p.law.form === 'data-constrained') throw optionError('targetLoss', 'plan-below-floor-u', { target, U: p.U!, floor });
    throw optionError('targetLoss', 'plan-below-e', { target, floor });
  }
}

function forLoss(p: Plan, target: number): Allocation {
  const { law } = p;
  const exact = closed(p, 'computeForLoss'), split = planningOf(law).allocate;
  if (exact && split) {
    const o = split(law, exact(law, target));
    return result(p, o.N, o.D, 'closed-form');
  }
  // L*(C) falls monotonically in C: bracket in decades of C, then Brent's method on ln C.
  const phi = (t: number) => allocate(p, Math.exp(t)).loss - target;
  const lo = 8 * LN10, hi = 60 * LN10;
  let a = 20 * LN10, b = a;
  while (phi(a) < 0) {
    a -= LN10;
    if (a < lo) throw optionError('targetLoss', 'plan-target-above', { target });
  }
  while (phi(b) > 0) {
    b += LN10;
    if (b > hi) throw optionError('targetLoss', 'plan-beyond-compute', { target, floor: floorOf(p) });
  }
  return a === b ? allocate(p, Math.exp(a)) : allocate(p, Math.exp(brentZero(phi, a, b, 1e-12)));
}

/** The compute-optimal allocation whose predicted loss is `targetLoss`: the compute a target needs. */
export function computeForLoss(law: Law, targetLoss: number, options?: PlanOptions): Allocation {
  const p = plan(law, options);
  checkTarget(p, targetLoss);
  return forLoss(p, targetLoss);
}

/** D_tr(N) with L(N, D_tr) = ℓ, or ∞ when N alone cannot reach ℓ. */
function tokensFor(p: Plan, target: number): (N: number) => number {
  const exact = closed(p, 'tokensFor');
  if (exact) return exact(p.law, target);
  const lo = -6 * LN10, hi = Math.log(D_INFINITY);
  return (N) => {
    const f = (t: number) => p.L(N, Math.exp(t)) - target;
    if (f(hi) >= 0) return Number.POSITIVE_INFINITY;
    return f(lo) <= 0 ? Math.exp(lo) : Math.exp(brentZero(f, lo, hi, 1e-13));
  };
}

/** ln of the smallest N that reaches ℓ with unlimited tokens. */
function lnSmallestModel(p: Plan, target: number): number {
  const exact = closed(p, 'lnSmallestModel');
  if (exact) return exact(p.law, target);
  const f = (x: number) => p.L(Math.exp(x), D_INFINITY) - target;
  const lo = -6 * LN10, hi = 40 * LN10;
  if (f(hi) >= 0) throw optionError('targetLoss', 'plan-beyond-size', { target });
  return f(lo) <= 0 ? lo : brentZero(f, lo, hi, 1e-13);
}

/**
 * Sardana et al. 2024: argmin over {N, D_tr : L(N, D_tr) = ℓ} of
 * flopsPerToken·N·D_tr + inferenceFlopsPerToken·N·D_inf. For each N the
 * training tokens come from the law (closed form for Chinchilla and Kaplan);
 * the total is minimised over y = ln(ln N − ln N_min), which resolves optima
 * arbitrarily close to the smallest model N_min that can reach ℓ at all.
 */
export function inferenceOptimal(law: Law, options: InferenceOptions): InferenceAllocation {
  const p = plan(law, options, INFERENCE_OPTION_NAMES);
  const { targetLoss, inferenceTokens } = options;
  checkTarget(p, targetLoss);
  if (!(typeof inferenceTokens === 'number' && Number.isFinite(inferenceTokens) && inferenceTokens >= 0)) {
    throw optionError('inferenceTokens', 'option-negative', { option: 'inferenceTokens', got: String(inferenceTokens) });
  }
  const kInf = options.inferenceFlopsPerToken ?? PLAN_DEFAULTS.inferenceFlopsPerToken;
  positive(kInf, 'inferenceFlopsPerToken');
  const Dtr = tokensFor(p, targetLoss), xMin = lnSmallestModel(p, targetLoss);
  const lnTotal = (y: number) => {
    const N = Math.exp(xMin + Math.exp(y));
    return Math.log(N) + Math.log(p.k * Dtr(N) + kInf * inferenceTokens);
  };
  const m = minimizeScan(lnTotal, -12 * LN10, Math.log(60));
  if (m.edge) throw optionError('law', 'plan-no-inference-optimum', { target: targetLoss });
  const N = Math.exp(xMin + Math.exp(m.x)), D = Dtr(N);
  const ref = forLoss(p, targetLoss);
  const reference = {
    N: ref.N, D: ref.D, trainFlops: ref.C, inferenceFlops: kInf * ref.N * inferenceTokens,
    totalFlops: ref.C + kInf * ref.N * inferenceTokens,
  };
  const trainFlops = p.k * N * D, inferenceFlops = kInf * N * inferenceTokens, totalFlops = trainFlops + inferenceFlops;
  return {
    N, D, tokensPerParam: D / N, loss: p.L(N, D), trainFlops, inferenceFlops, totalFlops, reference,
    savingFlops: reference.totalFlops - totalFlops, savingFraction: (reference.totalFlops - totalFlops) / reference.totalFlops,
  };
}
