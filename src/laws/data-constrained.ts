/**
 * Data-constrained scaling (Muennighoff et al. 2023, §3.1): the Chinchilla law
 * of effective parameters N′ and tokens D′, which discount repeated epochs with
 * decay constants R_N*, R_D*. The base law (A, B, E, α, β) is fixed from
 * single-epoch runs; the fit finds R_N* and R_D*.
 */

import type { LawDescriptor } from './descriptor.js';
import { checkKeys, finite, need } from './check.js';
import { product } from './start-grid.js';
import { checkParams, type ChinchillaParams } from '../core/law.js';
import { saturation } from '../engine/js/forms/data-constrained.js';

/** The Chinchilla constants plus Muennighoff's decay constants R_N* (`RN`) and R_D* (`RD`). */
export interface DataConstrainedParams extends ChinchillaParams { RN: number; RD: number }
export type DataConstrainedLaw = { form: 'data-constrained'; params: DataConstrainedParams };

/**
 * Muennighoff et al. 2023, eq. 5: U + U·R*·(1 − e^(−R/R*)), with the fit kernel's
 * `saturation` forming R*·(1 − e^(−R/R*)) ≤ R first (U·R* alone overflows for a huge R*)
 * and taking its limits at R* → 0, R* → ∞ and no repeats.
 */
const effective = (unique: number, repeats: number, decay: number): number => unique + unique * saturation(repeats, decay)[0];

/** N_opt(U): the base law's compute-optimal size for U tokens, N = G·(G·U)^(β/α) (Hoffmann et al. eq. 4). */
const optimalSize = (q: ChinchillaParams, U: number): number => {
  const G = ((q.alpha * q.A) / (q.beta * q.B)) ** (1 / (q.alpha + q.beta));
  return G * (G * U) ** (q.beta / q.alpha);
};

export const dataConstrained: LawDescriptor<DataConstrainedLaw> = {
  form: 'data-constrained',
  twoVariable: true,
  source: 'Muennighoff et al. 2023, §3.1',
  // θ = (ln R_N*, ln R_D*); the base law is spec.constants = (ln A, ln B, ln E, α, β).
  thetaNames: () => ['lnRN', 'lnRD'],
  publishedName: (t) => (t.startsWith('ln') ? t.slice(2) : t),
  fromTheta: (spec, t) => {
    const [a, b, e, alpha, beta] = spec.constants;
    return { form: 'data-constrained', params: { A: Math.exp(a), B: Math.exp(b), E: Math.exp(e), alpha, beta, RN: Math.exp(t[0]), RD: Math.exp(t[1]) } };
  },
  toTheta: ({ params: q }) => [Math.log(q.RN), Math.log(q.RD)],
  // R_N*, R_D* count repetitions: dimensionless, so this grid holds at any scale (the base law carries the units).
  startGrid: () => {
    const r = [0.5, 2, 5, 10, 20, 50].map(Math.log);
    return product([r, r]);
  },
  checkParams: (law, option) => { checkParams(law.params, option); checkKeys(law.params, option, ['RN', 'RD']); },
  // As in the datablations README: U_D = min(U, D), R_D = D/U_D − 1, U_N = min(N, N_opt(U_D)), R_N = N/U_N − 1.
  evaluate: ({ params: q }, { N, D, U }) => {
    const UD = Math.min(U, D), UN = Math.min(N, optimalSize(q, UD));
    return q.E + q.A / effective(UN, N / UN - 1, q.RN) ** q.alpha + q.B / effective(UD, D / UD - 1, q.RD) ** q.beta;
  },
  text: ({ params: p }, s) => `L(N, D, U) = ${s(p.E)} + ${s(p.A)}/N'^${s(p.alpha)} + ${s(p.B)}/D'^${s(p.beta)} with R_N* = ${s(p.RN)}, R_D* = ${s(p.RD)}`,
  latexSymbols: ({ params: p }) => [['E', p.E], ['A', p.A], ['B', p.B], ['\\alpha', p.alpha], ['\\beta', p.beta], ['R_N^*', p.RN], ['R_D^*', p.RD]],
  latexEquation: ({ params: p }, v) =>
    `L(N, D, U) = ${v('E', p.E)} + \\frac{${v('A', p.A)}}{N'^{${v('\\alpha', p.alpha)}}} + \\frac{${v('B', p.B)}}{D'^{${v('\\beta', p.beta)}}}`,
  latexWhere: "N' = U_N + U_N R_N^* \\left(1 - e^{-R_N/R_N^*}\\right),\\quad D' = U_D + U_D R_D^* \\left(1 - e^{-R_D/R_D^*}\\right)",
  python: ({ params: p }) => ({
    args: 'N, D, U', formula: "L(N, D, U) = E + A/N'^alpha + B/D'^beta (Muennighoff et al. 2023), U unique tokens", math: true,
    constants: [['E', p.E], ['A', p.A], ['B', p.B], ['alpha', p.alpha], ['beta', p.beta], ['RN', p.RN], ['RD', p.RD]],
    lines: [
      'G = (alpha * A / (beta * B)) ** (1 / (alpha + beta))',
      'UD = min(U, D)',
      'UN = min(N, G * (G * UD) ** (beta / alpha))',
      'N_eff = UN + UN * RN * -math.expm1(-max(N / UN - 1, 0) / RN)',
      'D_eff = UD + UD * RD * -math.expm1(-max(D / UD - 1, 0) / RD)',
      'return E + A / N_eff**alpha + B / D_eff**beta',
    ],
  }),
  exponents: [],
  lockstepUndetermined: [],
  // R_N*, R_D* count repetitions and do not move with units (the base law fixes them).
  unitShifts: () => [{}, {}],
  roleOf: (t) => (t === 'lnRN' ? 'N' : 'D'),
  planning: {
    // N, D → ∞ at fixed U: D′ → U·(1 + R_D*), N′ → N_opt(U)·(1 + R_N*) (Muennighoff et al. 2023, eq. 5).
    floor: ({ params: q }, U) => {
      need(finite(U) && U > 0, 'U', 'law-unique-tokens', U);
      return q.E + q.A / (optimalSize(q, U as number) * (1 + q.RN)) ** q.alpha + q.B / ((U as number) * (1 + q.RD)) ** q.beta;
    },
  },
};
