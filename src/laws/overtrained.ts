/**
 * Over-training (Gadre et al. 2024, eq. 4): L = E + (a·M^η + b·M^(−η))·C^(−η)
 * with M = D/N tokens per parameter and C = 6ND.
 */

import type { LawDescriptor } from './descriptor.js';
import { checkKeys } from './check.js';
import { distinct, exponentFrom, floorsBelow, join, leastSquaresLine, mean, product, reducibleLog, rowsOf } from './start-grid.js';
import { optionError } from '../i18n/error-words/planning.js';
import { minimizeScan } from '../core/solve1d.js';

export interface OvertrainedParams { E: number; a: number; b: number; eta: number }
export type OvertrainedLaw = { form: 'overtrained'; params: OvertrainedParams };

export const overtrained: LawDescriptor<OvertrainedLaw> = {
  form: 'overtrained',
  twoVariable: true,
  source: 'Gadre et al. 2024, eq. 4',
  thetaNames: () => ['e', 'lnA', 'lnB', 'eta'],
  publishedName: (t) => (t === 'e' ? 'E' : t === 'lnA' || t === 'lnB' ? t.slice(2).toLowerCase() : t),
  fromTheta: (_, t) => ({ form: 'overtrained', params: { E: Math.exp(t[0]), a: Math.exp(t[1]), b: Math.exp(t[2]), eta: t[3] } }),
  toTheta: ({ params: q }) => [Math.log(q.E), Math.log(q.a), Math.log(q.b), q.eta],
  startGrid: (_, data) => {
    // L − E = (a·M^η + b·M^(−η))·C^(−η), M = D/N, C = 6ND: at the runs' mean ln M, ln C and
    // ln(L − E) the a term takes a share p and the b term the rest; η from the grid and from
    // the least-squares slope of ln(L − E) on ln C.
    const floor = floorsBelow(data).slice(0, 3);
    const m = mean(data, (i) => data.lnD[i] - data.lnN[i]);
    const lnC = Float64Array.from(data.lnN, (n, i) => Math.log(6) + n + data.lnD[i]);
    const rows: number[][] = [];
    for (const e of floor) {
      const line = leastSquaresLine(lnC, reducibleLog(data.lnL, e), data.weight);
      const etas = distinct([...exponentFrom(line.slope).filter((v) => v > 0), 0.05, 0.1, 0.2, 0.3]);
      for (const eta of etas) for (const p of [0.2, 0.5, 0.8]) {
        rows.push([e, line.meanY + Math.log(p) - eta * m + eta * line.meanX, line.meanY + Math.log(1 - p) + eta * m + eta * line.meanX, eta]);
      }
    }
    return join(rowsOf(rows), product([floor, [0, 5, 10, 15, 20], [0, 5, 10, 15, 20], [0.05, 0.1, 0.2, 0.3]]));
  },
  checkParams: (law, option) => checkKeys(law.params, option, ['a', 'b', 'eta'], ['E']),
  evaluate: ({ params: q }, { N, D }) => {
    const M = D / N, C = 6 * N * D;
    return q.E + (q.a * M ** q.eta + q.b * M ** -q.eta) * C ** -q.eta;
  },
  text: ({ params: p }, s) => `L(C, M) = ${s(p.E)} + (${s(p.a)}·M^${s(p.eta)} + ${s(p.b)}·M^-${s(p.eta)})·C^-${s(p.eta)}`,
  latexSymbols: ({ params: p }) => [['E', p.E], ['a', p.a], ['b', p.b], ['\\eta', p.eta]],
  latexEquation: ({ params: p }, v) =>
    `L(N, D) = ${v('E', p.E)} + \\left(${v('a', p.a)}\\,M^{${v('\\eta', p.eta)}} + ${v('b', p.b)}\\,M^{-${v('\\eta', p.eta)}}\\right) C^{-${v('\\eta', p.eta)}}`,
  latexWhere: 'M = D/N,\\quad C = 6ND',
  python: ({ params: p }) => ({
    args: 'N, D', formula: 'L(N, D) = E + (a*M^eta + b*M^-eta)*C^-eta, M = D/N, C = 6ND', math: false,
    constants: [['E', p.E], ['a', p.a], ['b', p.b], ['eta', p.eta]],
    lines: ['M = D / N', 'C = 6 * N * D', 'return E + (a * M**eta + b * M**-eta) * C**-eta'],
  }),
  exponents: ['eta'],
  terms: ({ params: q }, data) => {
    const N = (i: number) => Math.exp(data.lnN[i]), D = (i: number) => Math.exp(data.lnD[i]);
    const M = (i: number) => D(i) / N(i), C = (i: number) => 6 * N(i) * D(i);
    return [
      { term: 'E', parameters: ['e'], value: () => q.E },
      { term: 'a·M^η·C^−η', parameters: ['lnA'], value: (i) => q.a * M(i) ** q.eta * C(i) ** -q.eta },
      { term: 'b·M^−η·C^−η', parameters: ['lnB'], value: (i) => q.b * M(i) ** -q.eta * C(i) ** -q.eta },
    ];
  },
  lockstepUndetermined: [],
  // a carries N^(2η), b carries D^(2η) (M = D/N, C = 6ND).
  unitShifts: (t) => [{ loss: 1 }, { N: 2 * t[3], loss: 1 }, { D: 2 * t[3], loss: 1 }, {}],
  roleOf: (t) => (t === 'e' ? 'loss' : t === 'lnB' ? 'D' : 'N'),
  planning: {
    floor: (law) => law.params.E,
    allocateNumeric: ({ params: q }, C6, C) => {
      // At fixed C only the offset a·M^η + b·M^(−η) depends on M = D/N.
      const span = Math.log(C6 / 6);
      if (!(span > 0)) throw optionError('C', 'law-c-too-small', { C });
      const m = minimizeScan((lnM) => Math.log(q.a * Math.exp(q.eta * lnM) + q.b * Math.exp(-q.eta * lnM)), -span, span);
      if (m.edge) throw optionError('law', 'law-no-optimal-m', { C });
      const M = Math.exp(m.x), N = Math.sqrt(C6 / (6 * M));
      return { N, D: M * N };
    },
  },
};
