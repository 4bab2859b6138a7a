/**
 * Every law scaling-kit knows, as a value you can hold (`Law`) and evaluate on
 * the host (`evaluateLaw`). This is the plain scalar path for planning,
 * presets and UIs; the fitters have their own kernels. Use `lossFunction` when
 * you evaluate one law many times: it validates once and returns L(N, D).
 *
 * Forms (science.md §1–4):
 *   chinchilla        L = E + A/N^α + B/D^β                         Hoffmann et al. 2022, eq. 2
 *   kaplan            L = [(Nc/N)^(αN/αD) + Dc/D]^αD                 Kaplan et al. 2020, eq. 1.5
 *   power             L = (xc/x)^α,  x ∈ N | D | C (FLOPs)           Kaplan et al. 2020, eq. 1.1–1.3
 *   saturating        L = E + A·x^(−α)                               Henighan et al. 2020 style
 *   data-constrained  L = E + A/N′^α + B/D′^β, N′, D′ from U         Muennighoff et al. 2023, §3.1
 *   overtrained       L = E + (a·M^η + b·M^(−η))·C^(−η), C = 6ND, M = D/N   Gadre et al. 2024, eq. 4
 *   broken            y = a + b·x^(−c0)·Π(1 + (x/d_i)^(1/f_i))^(−c_i·f_i)  Caballero et al. 2022
 */

import { OptionError } from './errors.js';
import { checkParams, type ChinchillaParams } from './law.js';
import { softplus } from '../engine/js/forms/lse.js';
import { saturation } from '../engine/js/forms/point.js';

export type LawVariable = 'N' | 'D' | 'C';

export interface KaplanParams { Nc: number; Dc: number; alphaN: number; alphaD: number }
export interface PowerParams { xc: number; alpha: number }
export interface SaturatingParams { E: number; A: number; alpha: number }
/** The Chinchilla constants plus Muennighoff's decay constants R_N* (`RN`) and R_D* (`RD`). */
export interface DataConstrainedParams extends ChinchillaParams { RN: number; RD: number }
export interface OvertrainedParams { E: number; a: number; b: number; eta: number }
export interface BrokenBreak { c: number; d: number; f: number }
export interface BrokenParams { a: number; b: number; c0: number; breaks: readonly BrokenBreak[] }

export type Law =
  | { form: 'chinchilla'; params: ChinchillaParams }
  | { form: 'kaplan'; params: KaplanParams }
  | { form: 'power'; params: PowerParams; variable: LawVariable }
  | { form: 'saturating'; params: SaturatingParams; variable: LawVariable }
  | { form: 'data-constrained'; params: DataConstrainedParams }
  | { form: 'overtrained'; params: OvertrainedParams }
  | { form: 'broken'; params: BrokenParams; variable: LawVariable };

export type LawForm = Law['form'];
/** Laws of parameters and tokens together: the ones planning can allocate compute for. */
export type TwoVariableLaw = Extract<Law, { form: 'chinchilla' | 'kaplan' | 'data-constrained' | 'overtrained' }>;

/** Where to evaluate: N parameters, D training tokens, C FLOPs, U unique tokens. */
export interface LawPoint { N?: number; D?: number; C?: number; U?: number }

const TWO_VARIABLE: readonly LawForm[] = ['chinchilla', 'kaplan', 'data-constrained', 'overtrained'];
const VARIABLES: readonly LawVariable[] = ['N', 'D', 'C'];

export const isTwoVariable = (law: Law): law is TwoVariableLaw => TWO_VARIABLE.includes(law.form);

/** The point coordinates a law reads. */
export function lawInputs(law: Law): readonly (keyof LawPoint)[] {
  if (law.form === 'data-constrained') return ['N', 'D', 'U'];
  if (isTwoVariable(law)) return ['N', 'D'];
  return [law.variable];
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function need(ok: boolean, option: string, what: string, value: unknown): void {
  if (!ok) throw new OptionError(option, `invalid ${option}; expected ${what}: ${String(value)}`);
}

function checkKeys(params: object, option: string, positive: readonly string[], nonNegative: readonly string[] = [], anyFinite: readonly string[] = []): void {
  const p = params as Record<string, unknown>;
  for (const k of positive) need(finite(p[k]) && p[k] > 0, `${option}.${k}`, 'a positive finite number', p[k]);
  for (const k of nonNegative) need(finite(p[k]) && p[k] >= 0, `${option}.${k}`, 'a finite number ≥ 0', p[k]);
  for (const k of anyFinite) need(finite(p[k]), `${option}.${k}`, 'a finite number', p[k]);
}

/** Throws an OptionError naming the first unusable part of `law` (e.g. `law.params.alphaD`). */
export function checkLaw(law: Law, option = 'law'): void {
  need(law !== null && typeof law === 'object', option, 'an object { form, params }', law);
  need(law.params !== null && typeof law.params === 'object', `${option}.params`, 'an object', law.params);
  const p = `${option}.params`;
  switch (law.form) {
    case 'chinchilla': checkParams(law.params, p); return;
    case 'kaplan': checkKeys(law.params, p, ['Nc', 'Dc', 'alphaN', 'alphaD']); return;
    case 'data-constrained': checkParams(law.params, p); checkKeys(law.params, p, ['RN', 'RD']); return;
    case 'overtrained': checkKeys(law.params, p, ['a', 'b', 'eta'], ['E']); return;
    case 'power': checkKeys(law.params, p, ['xc', 'alpha']); break;
    case 'saturating': checkKeys(law.params, p, ['A', 'alpha'], ['E']); break;
    case 'broken': {
      checkKeys(law.params, p, [], ['b'], ['a', 'c0']);
      need(Array.isArray(law.params.breaks), `${p}.breaks`, 'an array of { c, d, f }', law.params.breaks);
      law.params.breaks.forEach((br, i) => checkKeys(br ?? {}, `${p}.breaks[${i}]`, ['d', 'f'], [], ['c']));
      break;
    }
    default:
      throw new OptionError(`${option}.form`, `invalid ${option}.form; expected one of chinchilla, kaplan, power, saturating, data-constrained, overtrained, broken: ${String((law as { form: unknown }).form)}`);
  }
  need(VARIABLES.includes(law.variable), `${option}.variable`, 'one of N, D, C', law.variable);
}

/**
 * Muennighoff et al. 2023, eq. 5: U + U·R*·(1 − e^(−R/R*)), with the fit kernel's
 * `saturation` forming R*·(1 − e^(−R/R*)) ≤ R first (U·R* alone overflows for a huge R*)
 * and taking its limits at R* → 0, R* → ∞ and no repeats.
 */
const effective = (unique: number, repeats: number, decay: number): number => unique + unique * saturation(repeats, decay)[0];

/**
 * Muennighoff's L(N, D, U) as in the datablations README: U_D = min(U, D),
 * R_D = D/U_D − 1, U_N = min(N, N_opt(U_D)) with N_opt the base law's
 * compute-optimal size for U_D tokens (N = G·(G·D)^(β/α)), R_N = N/U_N − 1.
 */
function dataConstrained(q: DataConstrainedParams, N: number, D: number, U: number): number {
  const G = ((q.alpha * q.A) / (q.beta * q.B)) ** (1 / (q.alpha + q.beta));
  const UD = Math.min(U, D);
  const UN = Math.min(N, G * (G * UD) ** (q.beta / q.alpha));
  const Nx = effective(UN, N / UN - 1, q.RN);
  const Dx = effective(UD, D / UD - 1, q.RD);
  return q.E + q.A / Nx ** q.alpha + q.B / Dx ** q.beta;
}

/** y = a + b·x^(−c0)·Π(1 + (x/d_i)^(1/f_i))^(−c_i·f_i), the product taken in log space. */
function broken(q: BrokenParams, x: number): number {
  const lx = Math.log(x);
  let s = -q.c0 * lx;
  for (const { c, d, f } of q.breaks) s -= c * f * softplus((lx - Math.log(d)) / f);
  return q.a + q.b * Math.exp(s);
}

/** L(N, D) of a validated two-variable law; `U` is used by the data-constrained form only. */
function evaluateND(law: TwoVariableLaw, N: number, D: number, U: number): number {
  switch (law.form) {
    case 'chinchilla': { const q = law.params; return q.E + q.A / N ** q.alpha + q.B / D ** q.beta; }
    case 'kaplan': { const q = law.params; return ((q.Nc / N) ** (q.alphaN / q.alphaD) + q.Dc / D) ** q.alphaD; }
    case 'data-constrained': return dataConstrained(law.params, N, D, U);
    case 'overtrained': {
      const q = law.params, M = D / N, C = 6 * N * D;
      return q.E + (q.a * M ** q.eta + q.b * M ** -q.eta) * C ** -q.eta;
    }
  }
}

function evaluateX(law: Exclude<Law, TwoVariableLaw>, x: number): number {
  switch (law.form) {
    case 'power': return (law.params.xc / x) ** law.params.alpha;
    case 'saturating': return law.params.E + law.params.A * x ** -law.params.alpha;
    case 'broken': return broken(law.params, x);
  }
}

function coordinate(point: LawPoint, key: keyof LawPoint): number {
  const v = point[key];
  need(finite(v) && v > 0, `point.${key}`, 'a positive finite number', v);
  return v as number;
}

/** The law's prediction at `point`; throws an OptionError naming a missing or bad coordinate. */
export function evaluateLaw(law: Law, point: LawPoint): number {
  checkLaw(law);
  need(point !== null && typeof point === 'object', 'point', 'an object { N, D, C, U }', point);
  if (!isTwoVariable(law)) return evaluateX(law, coordinate(point, law.variable));
  const N = coordinate(point, 'N'), D = coordinate(point, 'D');
  return evaluateND(law, N, D, law.form === 'data-constrained' ? coordinate(point, 'U') : D);
}

/**
 * L(N, D) of a two-variable law, validated once, for loops (planning, contour
 * plots). `U` (unique tokens) is required by the data-constrained form only.
 */
export function lossFunction(law: TwoVariableLaw, U?: number): (N: number, D: number) => number {
  checkLaw(law);
  if (!isTwoVariable(law)) throw new OptionError('law.form', `invalid law.form; expected a law of N and D (chinchilla, kaplan, data-constrained, overtrained): ${String((law as Law).form)}`);
  if (law.form !== 'data-constrained') return (N, D) => evaluateND(law, N, D, D);
  need(finite(U) && U > 0, 'U', 'a positive finite number of unique tokens for the data-constrained form', U);
  return (N, D) => evaluateND(law, N, D, U as number);
}
