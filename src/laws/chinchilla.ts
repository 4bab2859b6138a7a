/**
 * Chinchilla: L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, eq. 2), with
 * its compute-optimal split under C = 6ND in closed form (eq. 4).
 */

import type { LawDescriptor } from './descriptor.js';
import { product } from './start-grid.js';
import { checkParams, computeOptimal, type ChinchillaParams } from '../core/law.js';

export type ChinchillaLaw = { form: 'chinchilla'; params: ChinchillaParams };

/**
 * Hoffmann et al. 2022 (§D.2), as run by Besiroglu et al. 2024: 4,500 starts,
 * α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}.
 */
let hoffmann: Float64Array | undefined;

export function hoffmannGrid(): Float64Array {
  // Built once (the fast strategy's check reads it on every fit); each caller gets its own copy.
  hoffmann ??= buildHoffmannGrid();
  return hoffmann.slice();
}

function buildHoffmannGrid(): Float64Array {
  const ab = [0, 5, 10, 15, 20, 25], ex = [0, 0.5, 1, 1.5, 2];
  const rows = product([ex, ex, [-1, -0.5, 0, 0.5, 1], ab, ab]); // α, β, e, a, b
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 5) out.set([rows[k + 3], rows[k + 4], rows[k + 2], rows[k], rows[k + 1]], k);
  return out;
}

/** G = (αA/(βB))^(1/(α+β)) of Hoffmann et al. eq. 4. */
const gOf = (q: ChinchillaParams) => ((q.alpha * q.A) / (q.beta * q.B)) ** (1 / (q.alpha + q.beta));

export const chinchilla: LawDescriptor<ChinchillaLaw> = {
  form: 'chinchilla',
  twoVariable: true,
  source: 'Hoffmann et al. 2022, eq. 2',
  // θ = (ln A, ln B, ln E, α, β): scale parameters as logs so they stay positive.
  thetaNames: () => ['a', 'b', 'e', 'alpha', 'beta'],
  publishedName: (t) => ({ a: 'A', b: 'B', e: 'E' })[t] ?? t,
  fromTheta: (_, t) => ({ form: 'chinchilla', params: { A: Math.exp(t[0]), B: Math.exp(t[1]), E: Math.exp(t[2]), alpha: t[3], beta: t[4] } }),
  toTheta: ({ params: q }) => [Math.log(q.A), Math.log(q.B), Math.log(q.E), q.alpha, q.beta],
  startGrid: () => hoffmannGrid(),
  checkParams: (law, option) => checkParams(law.params, option),
  evaluate: ({ params: q }, { N, D }) => q.E + q.A / N ** q.alpha + q.B / D ** q.beta,
  text: ({ params: p }, s) => `L(N, D) = ${s(p.E)} + ${s(p.A)}/N^${s(p.alpha)} + ${s(p.B)}/D^${s(p.beta)}`,
  latexSymbols: ({ params: p }) => [['E', p.E], ['A', p.A], ['B', p.B], ['\\alpha', p.alpha], ['\\beta', p.beta]],
  latexEquation: ({ params: p }, v) =>
    `L(N, D) = ${v('E', p.E)} + \\frac{${v('A', p.A)}}{N^{${v('\\alpha', p.alpha)}}} + \\frac{${v('B', p.B)}}{D^{${v('\\beta', p.beta)}}}`,
  latexWhere: '',
  python: ({ params: p }) => ({
    args: 'N, D', formula: 'L(N, D) = E + A/N^alpha + B/D^beta', math: false,
    constants: [['E', p.E], ['A', p.A], ['B', p.B], ['alpha', p.alpha], ['beta', p.beta]],
    lines: ['return E + A / N**alpha + B / D**beta'],
  }),
  exponents: ['alpha', 'beta'],
  terms: ({ params: q }, data) => [
    { term: 'E', parameters: ['e'], value: () => q.E },
    { term: 'A/N^α', parameters: ['a', 'alpha'], value: (i) => q.A / Math.exp(data.lnN[i]) ** q.alpha },
    { term: 'B/D^β', parameters: ['b', 'beta'], value: (i) => q.B / Math.exp(data.lnD[i]) ** q.beta },
  ],
  lockstepUndetermined: ['a', 'alpha', 'b', 'beta'],
  unitShifts: (t) => [{ N: t[3], loss: 1 }, { D: t[4], loss: 1 }, { loss: 1 }, {}, {}],
  roleOf: (t) => (t === 'e' ? 'loss' : t === 'a' || t === 'alpha' ? 'N' : 'D'),
  planning: {
    floor: (law) => law.params.E,
    allocate: (law, C6) => computeOptimal(law.params, C6),
    // Hoffmann et al. eq. 4 solved for C: C = 6·(ℓ/(A·G^(−α) + B·G^β))^(−(α+β)/(αβ)) for reducible loss ℓ = L − E.
    computeForLoss: ({ params: q }, target) => 6 * ((target - q.E) / (q.A * gOf(q) ** -q.alpha + q.B * gOf(q) ** q.beta)) ** (-(q.alpha + q.beta) / (q.alpha * q.beta)),
    tokensFor: ({ params: q }, target) => (N) => {
      const r = target - q.E - q.A / N ** q.alpha;
      return r > 0 ? (q.B / r) ** (1 / q.beta) : Number.POSITIVE_INFINITY;
    },
    lnSmallestModel: ({ params: q }, target) => Math.log(q.A / (target - q.E)) / q.alpha,
  },
};
