/** Kaplan et al. 2020, eq. 1.5: L(N, D) = [(Nc/N)^(αN/αD) + Dc/D]^αD. */

import type { LawDescriptor } from './descriptor.js';
import { checkKeys } from './check.js';
import { distinct, exponentFrom, join, leastSquaresPlane, mean, product, rowsOf } from './start-grid.js';

export interface KaplanParams { Nc: number; Dc: number; alphaN: number; alphaD: number }
export type KaplanLaw = { form: 'kaplan'; params: KaplanParams };

export const kaplan: LawDescriptor<KaplanLaw> = {
  form: 'kaplan',
  twoVariable: true,
  source: 'Kaplan et al. 2020, eq. 1.5',
  thetaNames: () => ['lnNc', 'lnDc', 'alphaN', 'alphaD'],
  publishedName: (t) => (t.startsWith('ln') ? t.slice(2) : t),
  fromTheta: (_, t) => ({ form: 'kaplan', params: { Nc: Math.exp(t[0]), Dc: Math.exp(t[1]), alphaN: t[2], alphaD: t[3] } }),
  toTheta: ({ params: q }) => [Math.log(q.Nc), Math.log(q.Dc), q.alphaN, q.alphaD],
  startGrid: (_, data) => {
    const scales = [1e11, 1e12, 1e13, 1e14, 1e15].map(Math.log), ex = [0.03, 0.07, 0.15, 0.3];
    const fixed = product([scales, scales.map((s) => s - Math.log(10)), ex, ex]);
    // L^(1/αD) = (Nc/N)^(αN/αD) + Dc/D. Where the N term is a share p of it, ∂ln L/∂ln N = −p·αN
    // and ∂ln L/∂ln D = −(1 − p)·αD: the least-squares plane of ln L on ln N and ln D gives
    // exponents for each p, joined by the grid's; then at the runs' mean ln N, ln D and ln L
    // the N term takes the share p and the D term the rest.
    const lnL = mean(data, (i) => data.lnL[i]), n = mean(data, (i) => data.lnN[i]), d = mean(data, (i) => data.lnD[i]);
    const [sN, sD] = leastSquaresPlane(data.lnN, data.lnD, data.lnL, data.weight);
    const rows: number[][] = [];
    for (const p of [0.2, 0.5, 0.8]) {
      const alphaN = distinct([...exponentFrom(sN / p), ...ex]), alphaD = distinct([...exponentFrom(sD / (1 - p)), ...ex]);
      for (const aN of alphaN) for (const aD of alphaD) {
        if (aN > 0 && aD > 0) rows.push([n + (lnL + aD * Math.log(p)) / aN, d + lnL / aD + Math.log(1 - p), aN, aD]);
      }
    }
    return join(rowsOf(rows), fixed);
  },
  checkParams: (law, option) => checkKeys(law.params, option, ['Nc', 'Dc', 'alphaN', 'alphaD']),
  evaluate: ({ params: q }, { N, D }) => ((q.Nc / N) ** (q.alphaN / q.alphaD) + q.Dc / D) ** q.alphaD,
  text: ({ params: p }, s) => `L(N, D) = [(${s(p.Nc)}/N)^(${s(p.alphaN)}/${s(p.alphaD)}) + ${s(p.Dc)}/D]^${s(p.alphaD)}`,
  latexSymbols: ({ params: p }) => [['N_c', p.Nc], ['D_c', p.Dc], ['\\alpha_N', p.alphaN], ['\\alpha_D', p.alphaD]],
  latexEquation: ({ params: p }, v) =>
    `L(N, D) = \\left[\\left(\\frac{${v('N_c', p.Nc)}}{N}\\right)^{${v('\\alpha_N', p.alphaN)}/${v('\\alpha_D', p.alphaD)}} + \\frac{${v('D_c', p.Dc)}}{D}\\right]^{${v('\\alpha_D', p.alphaD)}}`,
  latexWhere: '',
  python: ({ params: p }) => ({
    args: 'N, D', formula: 'L(N, D) = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD', math: false,
    constants: [['Nc', p.Nc], ['Dc', p.Dc], ['alphaN', p.alphaN], ['alphaD', p.alphaD]],
    lines: ['return ((Nc / N) ** (alphaN / alphaD) + Dc / D) ** alphaD'],
  }),
  exponents: ['alphaN', 'alphaD'],
  lockstepUndetermined: ['lnNc', 'alphaN', 'lnDc', 'alphaD'],
  unitShifts: (t) => [{ N: 1, loss: 1 / t[2] }, { D: 1, loss: 1 / t[3] }, {}, {}],
  roleOf: (t) => (t === 'lnNc' || t === 'alphaN' ? 'N' : 'D'),
  planning: {
    floor: () => 0,
    tokensFor: ({ params: q }, target) => (N) => {
      const s = target ** (1 / q.alphaD) - (q.Nc / N) ** (q.alphaN / q.alphaD);
      return s > 0 ? q.Dc / s : Number.POSITIVE_INFINITY;
    },
    lnSmallestModel: ({ params: q }, target) => Math.log(q.Nc) - Math.log(target) / q.alphaN,
  },
};
